import { z } from 'zod';
import { customExerciseSchema } from '../content';
import { MAX_PICTURE_DATA_URL_CHARS } from '../pictures';
import { REFUSAL_CODES } from '../refusals';
import { shownExerciseSchema } from './breaks';
import { actionResultSchema, refusalParamsSchema } from './common';

/**
 * The Exercises page: the whole catalogue with the person's favourites and hidden
 * ones (kept in the `exercises` settings key), and their own exercises, which the app
 * validates with the content contract and stores with their pictures in its data folder.
 */

export const catalogueEntrySchema = shownExerciseSchema.omit({ picture: true }).extend({
  favourite: z.boolean(),
  hidden: z.boolean(),
  /** A person's own exercise with a picture: ask `getExercisePicture` for it. */
  hasPicture: z.boolean(),
  /** A person's own exercise as they wrote it, for editing. */
  own: customExerciseSchema.optional(),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const catalogueSchema = z.object({
  exercises: z.array(catalogueEntrySchema),
  /** The organisation's policy locks favourites and hidden exercises. */
  preferencesLocked: z.boolean(),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

const exerciseIdSchema = z.string().min(1).max(64);

/** One problem with a person's exercise, by the field it is about (`title`, `steps[1]`, `picture`). */
/** What is wrong with one field of a person's exercise: a code the form words (`refusals.<code>`). */
export const fieldErrorSchema = z.object({
  field: z.string(),
  code: z.enum(REFUSAL_CODES),
  params: refusalParamsSchema.optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const saveExerciseInputSchema = z.strictObject({
  /** The exercise being edited; absent for a new one, which gets an id from the app. */
  id: exerciseIdSchema.optional(),
  /** The fields of a custom exercise (title, steps, dose, target, breakKinds, safety). */
  exercise: z.record(z.string(), z.unknown()),
  /** A new picture as a data URL, `remove` to drop the one stored; absent keeps it. */
  picture: z
    .union([
      z.strictObject({ dataUrl: z.string().max(MAX_PICTURE_DATA_URL_CHARS) }),
      z.literal('remove'),
    ])
    .optional(),
});
export type SaveExerciseInput = z.infer<typeof saveExerciseInputSchema>;

export const saveExerciseResultSchema = z.union([
  z.object({ ok: z.literal(true), id: z.string() }),
  z.object({ ok: z.literal(false), errors: z.array(fieldErrorSchema).min(1) }),
]);
export type SaveExerciseResult = z.infer<typeof saveExerciseResultSchema>;

export const exerciseCalls = {
  listExercises: { input: z.undefined(), output: catalogueSchema },
  /** Favourite or hide one exercise; refused when the policy locks these choices. */
  setExercisePreference: {
    input: z.strictObject({
      id: exerciseIdSchema,
      favourite: z.boolean().optional(),
      hidden: z.boolean().optional(),
    }),
    output: actionResultSchema,
  },
  saveCustomExercise: { input: saveExerciseInputSchema, output: saveExerciseResultSchema },
  removeCustomExercise: {
    input: z.strictObject({ id: exerciseIdSchema }),
    output: actionResultSchema,
  },
  /** A person's own exercise's picture as a data URL; null when it has none. */
  getExercisePicture: {
    input: z.strictObject({ id: exerciseIdSchema }),
    output: z.object({ dataUrl: z.string().nullable() }),
  },
} as const;

export const exerciseEvents = {
  /** The catalogue changed (an exercise saved or removed, a favourite or hidden one). */
  exercises: catalogueSchema,
} as const;
