import { z } from 'zod';
import { resolvedExerciseSchema } from '../content';
import { actionResultSchema, breakKindSchema, noInput } from './common';

/**
 * The break a person is asked to take: which exercises it shows, how long it lasts,
 * and what they may do about it. The app picks the exercises when the timer warns or
 * starts the break; every window showing the break hears the same `break` events.
 */

/** Who wrote an exercise: the catalogue, the person (Exercises page) or their organisation (policy). */
export const exerciseOriginSchema = z.enum(['built-in', 'person', 'organisation']);
export type ExerciseOrigin = z.infer<typeof exerciseOriginSchema>;

/**
 * An exercise as a person reads it, its words resolved. A built-in one names its
 * illustration (assets/exercises/); a person's own may carry a picture as a data URL.
 */
export const shownExerciseSchema = resolvedExerciseSchema.extend({
  origin: exerciseOriginSchema,
  picture: z.string().startsWith('data:image/').optional(),
});
export type ShownExercise = z.infer<typeof shownExerciseSchema>;

export const breakOutcomeSchema = z.enum(['completed', 'skipped', 'postponed']);

export const breakPayloadSchema = z.object({
  /** `start` when the break goes on screen, `end` when it leaves it (with the outcome). */
  phase: z.enum(['start', 'end']),
  kind: breakKindSchema,
  /** Wall-clock epoch ms on the host. */
  startedAt: z.number(),
  endsAt: z.number(),
  /** One for a micro break; a routine of several for a long one. */
  exercises: z.array(shownExerciseSchema),
  postponesLeft: z.number().int().min(0),
  /** Skips left today; null when skipping is not limited. */
  skipsLeft: z.number().int().min(0).nullable(),
  /** Postpone and Skip are refused: the page hides them. */
  strictMode: z.boolean(),
  outcome: breakOutcomeSchema.optional(),
  /** The host's clock when this was sent, so the renderer can count down on its own clock. */
  now: z.number(),
});
export type BreakPayload = z.infer<typeof breakPayloadSchema>;

/** A break is coming: for the system notification. */
export const breakWarningSchema = z.object({
  kind: breakKindSchema,
  /** When the break is due; wall-clock epoch ms. */
  dueAt: z.number(),
  inSeconds: z.number().int().min(0),
  /** What the break will show, by title. */
  exercises: z.array(z.object({ id: z.string(), title: z.string() })),
  postponesLeft: z.number().int().min(0),
  strictMode: z.boolean(),
});
export type BreakWarning = z.infer<typeof breakWarningSchema>;

export const breakCalls = {
  /** The break on screen now, or null. A break window asks this when it opens. */
  getCurrentBreak: { input: noInput, output: breakPayloadSchema.nullable() },
  /** Start the coming break now; refused while paused, outside work hours or in a break. */
  takeBreakNow: { input: noInput, output: actionResultSchema },
  /** Refused with a code (`strict-postpone`, `postpone-limit`, …) in strict mode or when the postpones are used up. */
  postponeBreak: { input: noInput, output: actionResultSchema },
  /** Refused with a code (`strict-skip`, `no-skips-left`, …) in strict mode or when today's skips are used up. */
  skipBreak: { input: noInput, output: actionResultSchema },
} as const;

export const breakEvents = {
  break: breakPayloadSchema,
  'break-warning': breakWarningSchema,
} as const;
