import type { TFunction } from 'i18next';
import type { PageContext } from '../../renderer/src/pages/index';
import type {
  CallArgs,
  CallName,
  CallOutput,
  EventName,
  EventPayload,
  UnhunchApi,
} from '../../src/contract/contract';
import { createTranslator } from '../../src/contract/i18n';

/**
 * A page or component in happy-dom, talking to a scripted contract: each call answers
 * from `answers` (a value or a function of the input) and is recorded; `emit` pushes
 * an event as the app would. The page code under test is the real one.
 */
export type Answers = { [K in CallName]?: CallOutput<K> | ((input: unknown) => CallOutput<K>) };

export interface ScriptedApi extends UnhunchApi {
  calls: { name: CallName; input: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function scriptedApi(answers: Answers): ScriptedApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: ScriptedApi['calls'] = [];
  return {
    calls,
    async call<K extends CallName>(name: K, ...input: CallArgs<K>): Promise<CallOutput<K>> {
      calls.push({ name, input: input[0] });
      const answer = answers[name];
      if (answer === undefined) throw new Error(`no answer scripted for ${name}`);
      return (typeof answer === 'function' ? answer(input[0]) : answer) as CallOutput<K>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

let translator: TFunction | undefined;

export async function english(): Promise<TFunction> {
  translator ??= (await createTranslator('en')).t;
  return translator;
}

export async function pageContext(api: UnhunchApi): Promise<PageContext> {
  return { api, t: await english(), language: 'en', navigate: () => {} };
}

/** Lets pending promise callbacks (the page's calls) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** A fresh element in the document for a page to mount into, and a look-up by test id in it. */
export function pageRoot() {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const $ = <E extends Element = HTMLElement>(id: string) =>
    root.querySelector<E>(`[data-testid="${id}"]`);
  return { root, $ };
}
