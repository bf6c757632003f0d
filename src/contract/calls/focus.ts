import { z } from 'zod';
import { FOCUS_SIGNALS } from '../../core/focus/signals';
import { breakKindSchema, noInput } from './common';

/**
 * Meeting-aware breaks and sit-stand prompts as the UI meets them: which focus signals
 * this machine can read (the status page says so), a break held through a call and
 * shown as a gentle notification, and the prompts to stand, move and sit.
 */
export const focusSignalSchema = z.enum(FOCUS_SIGNALS);

export const focusSignalsSchema = z.object({
  signals: z.array(
    z.object({
      signal: focusSignalSchema,
      /** Whether the host could read it the last time it looked; `unchecked` before that. */
      readable: z.enum(['readable', 'unreadable', 'unchecked']),
      /** Whether the settings let it hold breaks (`deferral.<signal>`). */
      enabled: z.boolean(),
    }),
  ),
});
export type FocusSignalsView = z.infer<typeof focusSignalsSchema>;

/** A break held as long as `deferral.maxMinutes` allows: shown as a notification, not the window. */
export const gentleBreakSchema = z.object({
  kind: breakKindSchema,
  durationSeconds: z.number().int().min(0),
  /** Wall-clock epoch ms. */
  at: z.number(),
  signal: focusSignalSchema,
});
export type GentleBreak = z.infer<typeof gentleBreakSchema>;

/** A sit-stand prompt (`sitStand`): change to this posture for `minutes`. */
export const postureSchema = z.object({
  to: z.enum(['sit', 'stand', 'move']),
  minutes: z.number().int().min(0),
  at: z.number(),
  /** It waited for a call to end. */
  deferred: z.boolean(),
});
export type PosturePrompt = z.infer<typeof postureSchema>;

export const focusCalls = {
  getFocusSignals: { input: noInput, output: focusSignalsSchema },
} as const;

export const focusEvents = {
  'focus-signals': focusSignalsSchema,
  'break-gentle': gentleBreakSchema,
  posture: postureSchema,
} as const;
