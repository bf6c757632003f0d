import type { z } from 'zod';
import { breakCalls, breakEvents } from './calls/breaks';
import { checkinCalls, checkinEvents } from './calls/checkin';
import { checklistCalls, checklistEvents } from './calls/checklist';
import type { HandlersFor } from './calls/common';
import { exerciseCalls, exerciseEvents } from './calls/exercises';
import { focusCalls, focusEvents } from './calls/focus';
import { healthCalls } from './calls/health';
import { localeCalls, localeEvents } from './calls/locale';
import { settingsCalls, settingsEvents } from './calls/settings';
import { statsCalls } from './calls/stats';
import { statusCalls, statusEvents } from './calls/status';
import { therapyCalls, therapyEvents } from './calls/therapy';

/**
 * The one declaration of everything the renderer can ask and hear. The Electron
 * binding (src/main/ipc.ts) and the WebSocket binding (src/web/server.ts) are both
 * built from it through `dispatchCall`, so both validate every payload the same way.
 */

export * from './calls/breaks';
export * from './calls/checkin';
export * from './calls/checklist';
export * from './calls/common';
export * from './calls/exercises';
export * from './calls/focus';
export * from './calls/health';
export * from './calls/locale';
export * from './calls/settings';
export * from './calls/stats';
export * from './calls/status';
export * from './calls/therapy';

/**
 * Each feature declares its calls and events in ./calls/<feature>.ts; this is where
 * they meet. Adding a feature: its file there, and one spread here for each.
 */
export const calls = {
  ...statusCalls,
  ...settingsCalls,
  ...statsCalls,
  ...breakCalls,
  ...exerciseCalls,
  ...checklistCalls,
  ...healthCalls,
  ...therapyCalls,
  ...focusCalls,
  ...localeCalls,
  ...checkinCalls,
} as const;

export const events = {
  ...statusEvents,
  ...settingsEvents,
  ...breakEvents,
  ...exerciseEvents,
  ...checklistEvents,
  ...therapyEvents,
  ...focusEvents,
  ...localeEvents,
  ...checkinEvents,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.infer<Calls[K]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** What the renderer holds: `window.unhunch` in Electron, a WebSocket client in the browser. */
export interface UnhunchApi {
  call<K extends CallName>(name: K, ...input: CallArgs<K>): Promise<CallOutput<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
export type CallArgs<K extends CallName> =
  undefined extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];

export type Handlers = HandlersFor<Calls>;

/** The answer to one call, as it crosses a process boundary. */
export type CallReply = { ok: true; value: unknown } | { ok: false; error: string };

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

/** The two Electron IPC channels; the preload repeats these literals (it imports nothing). */
export const IPC_CALL_CHANNEL = 'unhunch:call';
export const IPC_EVENT_CHANNEL = 'unhunch:event';
