import { z } from 'zod';
import {
  BUILT_IN_CHECKLIST_IDS,
  CHECKLIST_ANSWERS,
  CHECKLIST_AREAS,
  type ChecklistAnswers,
  type OrganisationChecklistItem,
} from '../core/content/checklist';

/**
 * The edge of the checklist: what a renderer may submit and what a policy may add.
 * Everything here turns untrusted JSON into the core's types or an error naming the
 * JSON path.
 */

export const checklistAnswerSchema = z.enum(CHECKLIST_ANSWERS);

/**
 * Answers by item id, for a checklist made of `itemIds` (built-ins plus any
 * organisation items). An unknown id is an error at that id's path.
 */
export function checklistAnswersSchemaFor(itemIds: readonly string[]) {
  const known = new Set(itemIds);
  return z.record(z.string(), checklistAnswerSchema).superRefine((answers, ctx) => {
    for (const id of Object.keys(answers)) {
      if (!known.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: `"${id}" is not an item of this checklist; answer only the items shown`,
        });
      }
    }
  }) satisfies z.ZodType<ChecklistAnswers>;
}

/** Answers to the built-in checklist. */
export const checklistAnswersSchema = checklistAnswersSchemaFor(BUILT_IN_CHECKLIST_IDS);

const plainText = (max: number) =>
  z.string().trim().min(1, 'write some text here').max(max, `use at most ${max} characters`);

/** An organisation's own checklist item, from the `checklist` list of a policy file. */
export const customChecklistItemSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens')
    .max(40),
  area: z.enum(CHECKLIST_AREAS).default('organisation'),
  question: plainText(200),
  why: plainText(600),
  fix: plainText(600),
  source: plainText(120).optional(),
}) satisfies z.ZodType<OrganisationChecklistItem, unknown>;

export const customChecklistItemsSchema = z.array(customChecklistItemSchema).max(50);

const checklistScoreSchema = z.strictObject({
  total: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  yes: z.number().int().nonnegative(),
  no: z.number().int().nonnegative(),
  notApplicable: z.number().int().nonnegative(),
  percent: z.number().int().min(0).max(100).nullable(),
  fixes: z.array(z.string()),
});

/**
 * A stored check. Item ids are not checked against today's checklist: the history
 * outlives organisation items and renamed ones.
 */
export const checklistResultSchema = z.strictObject({
  at: z.number().int().nonnegative(),
  answers: z.record(z.string(), checklistAnswerSchema),
  score: checklistScoreSchema,
});
export const checklistHistorySchema = z.array(checklistResultSchema);
