import { z } from 'zod';
import { CHECKLIST_AREAS } from '../../core/content/checklist';
import { checklistAnswerSchema, checklistResultSchema } from '../checklist';
import { noInput, refusalSchema } from './common';

/**
 * The workstation checklist: the items to ask (ids, areas and sources; the renderer
 * translates built-in items' words from `checklist:<id>.*`, an organisation's items
 * carry their own plain words), submitting answers for a score and a fix list, the
 * past checks, and the weekly re-check reminder.
 */

export const citationSchema = z.object({
  publisher: z.string(),
  title: z.string().optional(),
  secondary: z.literal(true).optional(),
});

export const checklistEntryViewSchema = z.object({
  id: z.string(),
  area: z.enum(CHECKLIST_AREAS),
  origin: z.enum(['built-in', 'organisation']),
  source: z.array(citationSchema).min(1),
  /** Only for an organisation's items: its words, shown as they are. */
  text: z.object({ question: z.string(), why: z.string(), fix: z.string() }).optional(),
});
export type ChecklistEntryView = z.infer<typeof checklistEntryViewSchema>;

/** What changed since the check before: fixes made and new problems (item ids). */
export const checklistProgressSchema = z.object({
  fixed: z.array(z.string()),
  newProblems: z.array(z.string()),
});

/** One completed check, with its fix list (`score.fixes`) and the change since the one before. */
export const checklistResultViewSchema = checklistResultSchema.extend({
  progress: checklistProgressSchema.nullable(),
});
export type ChecklistResultView = z.infer<typeof checklistResultViewSchema>;

export const submitChecklistSchema = z.strictObject({
  /** By item id. Which ids exist depends on the organisation's items: the app checks them. */
  answers: z.record(z.string(), checklistAnswerSchema),
});

export const submitChecklistResultSchema = z.union([
  z.object({ ok: z.literal(true), result: checklistResultViewSchema }),
  refusalSchema,
]);

/** Whether the re-check reminder has fired since the last completed check. */
export const checklistDueSchema = z.object({
  due: z.boolean(),
  /** When the reminder fired (wall-clock epoch ms); null when nothing is due. */
  since: z.number().nullable(),
});
export type ChecklistDue = z.infer<typeof checklistDueSchema>;

export const checklistCalls = {
  getChecklist: { input: noInput, output: z.object({ items: z.array(checklistEntryViewSchema) }) },
  submitChecklist: { input: submitChecklistSchema, output: submitChecklistResultSchema },
  /** Past checks, newest first. */
  getChecklistHistory: { input: noInput, output: z.array(checklistResultViewSchema) },
  getChecklistDue: { input: noInput, output: checklistDueSchema },
  /** "Later": hide the re-check reminder until it fires again. */
  dismissChecklistDue: { input: noInput, output: checklistDueSchema },
} as const;

export const checklistEvents = {
  /** The re-check routine fired (due: true), or a check was done or put off (due: false). */
  'checklist-due': checklistDueSchema,
} as const;
