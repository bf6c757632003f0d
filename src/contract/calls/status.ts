import { z } from 'zod';
import { actionResultSchema, breakKindSchema, noInput } from './common';

/** What Unhunch is doing now; pause and resume; what the user should be told. */
export const statusSchema = z.object({
  state: z.enum(['running', 'warning', 'in-break', 'postponed', 'paused', 'outside-work-hours']),
  nextBreak: z.object({ kind: breakKindSchema, dueAt: z.number() }).nullable(),
  currentBreak: z
    .object({ kind: breakKindSchema, startedAt: z.number(), endsAt: z.number() })
    .nullable(),
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

/** Something the user should be told once, plainly (e.g. settings that could not be read). */
export const noticeSchema = z.object({
  id: z.enum([
    'settings-unreadable',
    'settings-invalid',
    'policy-invalid',
    'storage-failed',
    /** The heat or ice session saved by the last run could not be read: a pack may be on. */
    'therapy-session-unreadable',
    /** Lines of the history that were not readable records, skipped (`detail`: how many). */
    'history-lines-skipped',
    /** This desktop shows no tray icons (GNOME without the AppIndicator extension). */
    'no-tray',
    /** A session from the last run was longer than the organisation's cap now: cut to `detail` minutes. */
    'therapy-capped-on-restart',
  ]),
  detail: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** What this desktop can report (src/app/platform.ts), so the UI can say what is missing. */
export const signalSupportSchema = z.object({
  idle: z.enum(['reliable', 'unreliable']),
  lock: z.enum(['events', 'idle-only']),
  doNotDisturb: z.enum(['unavailable']),
});

export const statusCalls = {
  getStatus: { input: noInput, output: statusSchema },
  pause: { input: pauseRequestSchema, output: actionResultSchema },
  resume: { input: noInput, output: actionResultSchema },
  getSignalSupport: { input: noInput, output: signalSupportSchema },
  getNotices: { input: noInput, output: z.array(noticeSchema) },
} as const;

export const statusEvents = {
  status: statusSchema,
  notices: z.array(noticeSchema),
} as const;
