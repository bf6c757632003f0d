import { z } from 'zod';

/**
 * The one declaration of everything the renderer can ask and hear. The Electron
 * binding (src/main/ipc.ts) and the WebSocket binding (src/web/server.ts) are both
 * built from it through `dispatchCall`, so both validate every payload the same way.
 */

const breakKind = z.enum(['micro', 'long']);

export const statusSchema = z.object({
  state: z.enum(['running', 'warning', 'in-break', 'postponed', 'paused', 'outside-work-hours']),
  nextBreak: z.object({ kind: breakKind, dueAt: z.number() }).nullable(),
  currentBreak: z.object({ kind: breakKind, startedAt: z.number(), endsAt: z.number() }).nullable(),
  pausedUntil: z.number().nullable(),
  postponesLeft: z.number(),
  skipsLeftToday: z.number().nullable(),
  strictMode: z.boolean(),
  /** The host's clock when the status was taken, so the renderer can count down. */
  now: z.number(),
});
export type Status = z.infer<typeof statusSchema>;

/** The longest pause the UI offers by duration; longer pauses use `until`. */
export const MAX_PAUSE_MINUTES = 24 * 60;

export const pauseRequestSchema = z.union([
  z.strictObject({ minutes: z.number().int().min(1).max(MAX_PAUSE_MINUTES) }),
  z.strictObject({ until: z.number().int().positive() }),
  z.strictObject({ untilTomorrow: z.literal(true) }),
  z.strictObject({ indefinitely: z.literal(true) }),
]);
export type PauseRequestPayload = z.infer<typeof pauseRequestSchema>;

export const actionResultSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

const noInput = z.undefined();

/** Something the user should be told once, plainly (e.g. settings that could not be read). */
export const noticeSchema = z.object({
  id: z.enum(['settings-unreadable', 'settings-invalid']),
  detail: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** What this desktop can report (src/app/platform.ts), so the UI can say what is missing. */
export const signalSupportSchema = z.object({
  idle: z.enum(['reliable', 'unreliable']),
  lock: z.enum(['events', 'idle-only']),
  doNotDisturb: z.enum(['unavailable']),
});

export const calls = {
  getStatus: { input: noInput, output: statusSchema },
  pause: { input: pauseRequestSchema, output: actionResultSchema },
  resume: { input: noInput, output: actionResultSchema },
  getSignalSupport: { input: noInput, output: signalSupportSchema },
  getNotices: { input: noInput, output: z.array(noticeSchema) },
} as const;

export const events = {
  status: statusSchema,
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

export type Handlers = {
  [K in CallName]: (input: z.infer<Calls[K]['input']>) => Promise<CallOutput<K>> | CallOutput<K>;
};

/** The answer to one call, as it crosses a process boundary. */
export type CallReply = { ok: true; value: unknown } | { ok: false; error: string };

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

/** The two Electron IPC channels; the preload repeats these literals (it imports nothing). */
export const IPC_CALL_CHANNEL = 'unhunch:call';
export const IPC_EVENT_CHANNEL = 'unhunch:event';
