import { z } from 'zod';
import type { BreakKind } from '../core/breaks/api';
import {
  type Dose,
  doseSeconds,
  type Exercise,
  fitsMicroBreak,
  MICRO_BREAK_SECONDS,
  PLACES,
  TARGETS,
} from '../core/content/exercises';
import {
  type ExercisePreferences,
  ROUTINE_MAX_EXERCISES,
  type RotationState,
} from '../core/content/rotation';

/**
 * The edge of the exercise content: the schema of a built-in exercise definition, of
 * a person's own exercise (Settings) and of an organisation's exercise (policy), and
 * the resolved, translated form the CLI and the renderer show. Untrusted JSON becomes
 * a typed exercise here or an error naming its JSON path.
 */

/** The longest a single exercise may ask for; a long break is 5 min by default. */
export const MAX_EXERCISE_SECONDS = 10 * 60;

const kebabId = z
  .string()
  .max(64, 'use at most 64 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');

const wholeNumber = (min: number, max: number, unit: string) =>
  z
    .number()
    .int(`use a whole number of ${unit}`)
    .min(min, `use at least ${min} ${unit}`)
    .max(max, `use at most ${max} ${unit}`);

export const targetSchema = z.enum(TARGETS);

export const placeSchema = z.enum(PLACES);

/** Where a person's or an organisation's exercise is done: breaks are at the desk. */
export const deskPlaceSchema = z.enum(['seated', 'standing'], {
  error: () =>
    'use "seated" or "standing": breaks happen at the desk, so an exercise on the floor cannot be shown in one',
});

export const breakKindsSchema = z
  .array(z.enum(['micro', 'long']))
  .min(1, 'name at least one break kind: "micro" or "long"')
  .max(2)
  .refine((kinds) => new Set(kinds).size === kinds.length, 'name each break kind once')
  .readonly() satisfies z.ZodType<readonly BreakKind[]>;

export const doseSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('hold'),
    seconds: wholeNumber(1, 120, 'seconds'),
    reps: wholeNumber(1, 30, 'repetitions'),
    perSide: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('reps'),
    reps: wholeNumber(1, 50, 'repetitions'),
    perSide: z.boolean().optional(),
    secondsPerRep: z
      .number()
      .min(1, 'use at least 1 second per repetition')
      .max(20, 'use at most 20 seconds per repetition')
      .optional(),
  }),
  z.strictObject({
    kind: z.literal('timed'),
    seconds: wholeNumber(5, MAX_EXERCISE_SECONDS, 'seconds'),
  }),
]) satisfies z.ZodType<Dose>;

/** The checks every exercise shares, whoever wrote it: the dose's length and the break kinds it fits. */
function checkTiming(
  exercise: { dose: Dose; breakKinds: readonly BreakKind[] },
  ctx: z.RefinementCtx,
): void {
  const seconds = doseSeconds(exercise.dose);
  if (seconds > MAX_EXERCISE_SECONDS) {
    ctx.addIssue({
      code: 'custom',
      path: ['dose'],
      message: `this dose takes ${seconds} s; keep one exercise under ${MAX_EXERCISE_SECONDS / 60} minutes`,
      params: { code: 'exercise-dose-too-long', seconds, max: MAX_EXERCISE_SECONDS / 60 },
    });
  }
  if (exercise.breakKinds.includes('micro') && !fitsMicroBreak(exercise.dose)) {
    ctx.addIssue({
      code: 'custom',
      path: ['breakKinds'],
      message: `this dose takes ${seconds} s but a micro break lasts ${MICRO_BREAK_SECONDS} s; offer it for long breaks only, or shorten the dose`,
      params: { code: 'exercise-dose-over-micro', seconds, micro: MICRO_BREAK_SECONDS },
    });
  }
}

/** A built-in exercise definition (src/core/content/exercises.ts). */
export const exerciseSchema = z
  .strictObject({
    id: kebabId,
    target: targetSchema,
    place: placeSchema,
    // Built-in floor exercises are offered for no break; the rest for one or both.
    breakKinds: z
      .array(z.enum(['micro', 'long']))
      .max(2)
      .refine((kinds) => new Set(kinds).size === kinds.length, 'name each break kind once')
      .readonly(),
    dose: doseSchema,
    stepCount: wholeNumber(1, 8, 'steps'),
    illustration: z.string().regex(/^[a-z0-9-]+\.svg$/, 'name an SVG file in assets/exercises/'),
    source: z.string().trim().min(1, 'name the source of the exercise'),
    cautionKey: z.boolean().optional(),
  })
  .superRefine(checkTiming)
  .superRefine((exercise, ctx) => {
    const floor = exercise.place === 'floor';
    if (floor === exercise.breakKinds.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['breakKinds'],
        message: floor
          ? 'a floor exercise is for the core routine at home; offer it for no break'
          : 'offer a seated or standing exercise for at least one break kind',
      });
    }
  }) satisfies z.ZodType<Exercise, unknown>;

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'write at least one character')
    .max(max, `use at most ${max} characters`);

/** A picture file name as stored in the app's data: no folders, an image extension. */
const pictureFileName = z
  .string()
  .max(100, 'use at most 100 characters')
  .regex(
    /^[\p{L}\p{N}_][\p{L}\p{N}_ .()-]*\.(?:png|jpe?g|webp|svg)$/iu,
    'name a .png, .jpg, .webp or .svg file, without folders',
  );

/**
 * A person's own exercise, or an organisation's from policy: the same fields as a
 * built-in one but with its words as plain strings (in the writer's language) instead
 * of locale keys, and an optional picture instead of a built-in illustration.
 */
export const customExerciseSchema = z
  .strictObject({
    id: kebabId,
    title: plainText(80),
    steps: z.array(plainText(200)).min(1, 'write at least one step').max(8, 'use at most 8 steps'),
    safety: plainText(200).optional(),
    dose: doseSchema,
    target: targetSchema,
    place: deskPlaceSchema.optional(),
    breakKinds: breakKindsSchema,
    picture: pictureFileName.optional(),
    source: plainText(200).optional(),
  })
  .superRefine(checkTiming);
export type CustomExercise = z.infer<typeof customExerciseSchema>;

/** The `exercises` list of a policy file, or a person's saved list: ids unique. */
export const customExercisesSchema = z
  .array(customExerciseSchema)
  .max(100, 'use at most 100 exercises')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((exercise, index) => {
      if (seen.has(exercise.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `"${exercise.id}" is used twice; give each exercise its own id`,
        });
      }
      seen.add(exercise.id);
    });
  });

/** `steps[2].title`-style JSON paths, as the rest of the app names them. */
export function jsonPath(path: readonly PropertyKey[]): string {
  const text = path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
  return text === '' ? '(root)' : text;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function parseWith<T>(schema: z.ZodType<T, unknown>, input: unknown): ParseResult<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`),
  };
}

/** A custom exercise from Settings or policy, or errors like `steps[1]: use at most 200 characters`. */
export function parseCustomExercise(input: unknown): ParseResult<CustomExercise> {
  return parseWith(customExerciseSchema, input);
}

export function parseCustomExercises(input: unknown): ParseResult<CustomExercise[]> {
  return parseWith(customExercisesSchema, input);
}

/** An exercise with its words resolved in one language: what a person reads. */
export const resolvedExerciseSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  target: targetSchema,
  targetLabel: z.string(),
  /** Always said for a built-in exercise; a person's or organisation's may leave it out. */
  place: placeSchema.optional(),
  breakKinds: z.array(z.enum(['micro', 'long'])),
  dose: doseSchema,
  doseText: z.string(),
  /** Seconds of movement the dose asks for. */
  seconds: z.number(),
  steps: z.array(z.string()).min(1),
  safety: z.string(),
  caution: z.string().optional(),
  why: z.string().optional(),
  illustration: z.string().optional(),
  source: z.string(),
});
export type ResolvedExercise = z.infer<typeof resolvedExerciseSchema>;

export {
  type CustomExerciseOrigin,
  doseText,
  exerciseTextKeys,
  resolveCustomExercise,
  resolveExercise,
  targetLabel,
} from './exercise-words';

/** A person's choices about the rotation, as stored in settings. */
export const exercisePreferencesSchema = z.strictObject({
  hidden: z.array(z.string()).max(500).default([]),
  favourites: z.array(z.string()).max(500).default([]),
}) satisfies z.ZodType<ExercisePreferences, unknown>;

const rotationCycleSchema = z.strictObject({
  shown: z.array(z.string()).max(1000),
  last: z.array(z.string()).max(ROUTINE_MAX_EXERCISES),
});

/** The rotation's stored state (src/core/content/rotation.ts). */
export const rotationStateSchema = z.strictObject({
  version: z.literal(1),
  rng: z.number().int().min(0).max(0xffffffff),
  micro: rotationCycleSchema,
  long: rotationCycleSchema,
}) satisfies z.ZodType<RotationState, unknown>;
