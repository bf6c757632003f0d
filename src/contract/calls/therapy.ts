import { z } from 'zod';
import {
  THERAPY_DEFAULT_MINUTES,
  THERAPY_MAX_MINUTES,
  THERAPY_MIN_MINUTES,
} from '../../core/therapy/limits';
import { actionResultSchema, noInput, refusalParamsSchema } from './common';

/**
 * Heat and ice sessions: what is on now, starting one (never past the cap), stopping
 * it, saying the pack is off when it ends, and which safety steps the person has
 * chosen to hide. Every change is pushed as the `therapy` event.
 */
export { THERAPY_DEFAULT_MINUTES, THERAPY_MAX_MINUTES, THERAPY_MIN_MINUTES };

export const therapyKindSchema = z.enum(['heat', 'ice']);
export type TherapyKindPayload = z.infer<typeof therapyKindSchema>;

/** The length door: whole minutes, 1 to the hard cap. A policy's lower cap is the app's to refuse. */
export const therapyMinutesSchema = z
  .number({ error: 'minutes must be a number' })
  .int({ error: 'a session lasts whole minutes' })
  .min(THERAPY_MIN_MINUTES, { error: `a session lasts at least ${THERAPY_MIN_MINUTES} minute` })
  .max(THERAPY_MAX_MINUTES, {
    error: `a session lasts at most ${THERAPY_MAX_MINUTES} minutes; longer can harm the skin`,
  });

export const therapyStateSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('idle') }),
  z.object({
    name: z.literal('running'),
    kind: therapyKindSchema,
    minutes: z.number(),
    startedAt: z.number(),
    endsAt: z.number(),
  }),
  z.object({
    name: z.literal('ended-awaiting-ack'),
    kind: therapyKindSchema,
    minutes: z.number(),
    endedAt: z.number(),
    outcome: z.enum(['completed', 'stopped']),
    /** Milliseconds the machine slept past the end before anyone could be told. */
    lateBy: z.number(),
    /** From this much late (or this long ago) on, say how long ago it ended: the app's rule. */
    lateNoticeMs: z.number(),
    /** The end passed while Unhunch was closed (quit, crashed, killed); told on opening. */
    whileClosed: z.literal(true).optional(),
  }),
  z.object({
    name: z.literal('resting'),
    kind: therapyKindSchema,
    nextPossibleAt: z.number(),
  }),
]);
export type TherapyState = z.infer<typeof therapyStateSchema>;

const safetyStepSchema = z.object({ id: z.string(), alwaysShown: z.boolean() });
const cautionSchema = z.object({ id: z.string(), action: z.enum(['ask-first', 'avoid']) });

export const therapyViewSchema = z.object({
  state: therapyStateSchema,
  /** For each kind, when its next session may start (wall ms); null when it may now. */
  nextPossibleAt: z.object({ heat: z.number().nullable(), ice: z.number().nullable() }),
  /** The effective cap: the hard cap, or lower if settings or the policy say so. */
  capMinutes: z.number().int().min(THERAPY_MIN_MINUTES).max(THERAPY_MAX_MINUTES),
  /** Whether the organisation's policy set the cap. */
  capManaged: z.boolean(),
  defaultMinutes: z.number().int().min(THERAPY_MIN_MINUTES).max(THERAPY_MAX_MINUTES),
  restMinutes: z.number(),
  /** Ids of the steps, cautions and choices; the words are in locales (health:therapy.*). */
  safety: z.object({
    steps: z.object({ heat: z.array(safetyStepSchema), ice: z.array(safetyStepSchema) }),
    cautions: z.object({ heat: z.array(cautionSchema), ice: z.array(cautionSchema) }),
    choices: z.array(z.object({ id: z.string(), kind: therapyKindSchema.nullable() })),
    /** Numbers the words interpolate. */
    values: z.record(z.string(), z.number()),
    /** Steps the person chose not to see again. */
    dismissed: z.array(z.string()),
  }),
  /** The host's clock when this was taken, so the page can count down. */
  now: z.number(),
});
export type TherapyView = z.infer<typeof therapyViewSchema>;

export const therapyStartSchema = z.strictObject({
  kind: therapyKindSchema,
  minutes: therapyMinutesSchema,
});

/** Why a session may not start; the words are `refusals.therapy-<code>` in common.json. */
export const THERAPY_START_REFUSALS = [
  'running',
  'awaiting-ack',
  'too-short',
  'not-whole',
  'over-cap',
  'over-policy-cap',
  'resting',
] as const;
export type TherapyStartRefusal = (typeof THERAPY_START_REFUSALS)[number];

export const therapyStartResultSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    code: z.enum(THERAPY_START_REFUSALS),
    /** What the words need: kind, minutes, cap, and for `resting` the time (HH:MM). */
    params: refusalParamsSchema,
    /** When refused for rest: when a session of that kind may start (wall ms). */
    nextPossibleAt: z.number().optional(),
  }),
]);
export type TherapyStartResult = z.infer<typeof therapyStartResultSchema>;

export const therapyCalls = {
  getTherapy: { input: noInput, output: therapyViewSchema },
  startTherapy: { input: therapyStartSchema, output: therapyStartResultSchema },
  stopTherapy: { input: noInput, output: actionResultSchema },
  acknowledgeTherapyEnd: { input: noInput, output: actionResultSchema },
  /** Hide steps next time; refused for a step that is always shown (the towel reminder). */
  dismissSafetySteps: {
    input: z.strictObject({ ids: z.array(z.string().max(80)).max(50) }),
    output: actionResultSchema,
  },
  /** Show every safety step again. */
  showAllSafetySteps: { input: noInput, output: actionResultSchema },
} as const;

export const therapyEvents = {
  therapy: therapyViewSchema,
} as const;
