import { z } from 'zod';
import { checklistAnswersSchemaFor, customChecklistItemSchema } from '../../contract/checklist';
import { CHECKLIST_RECHECK_ROUTINE_ID } from '../../contract/checklist-routine';
import { jsonPath } from '../../contract/content';
import type {
  ChecklistDue,
  ChecklistEntryView,
  ChecklistResultView,
  checklistCalls,
  HandlersFor,
} from '../../contract/contract';
import type { Refusal } from '../../contract/refusals';
import {
  CHECKLIST_ANSWERS,
  CHECKLIST_ITEMS,
  type ChecklistAnswers,
  type ChecklistEntry,
  type ChecklistResult,
  checklistResult,
  compareChecklistResults,
  mergeChecklist,
  type OrganisationChecklistItem,
  scoreChecklist,
} from '../../core/content/checklist';
import type { AppContext } from '../context';
import { logRefusal } from '../ports';

/** The history record of one completed check. The statistics read it: keep its shape. */
export const CHECKLIST_RESULT_RECORD = 'checklist-result';

export const checklistResultRecordSchema = z.object({
  at: z.number(),
  type: z.literal(CHECKLIST_RESULT_RECORD),
  answers: z.record(z.string(), z.enum(CHECKLIST_ANSWERS)),
  score: z.object({
    yes: z.number(),
    no: z.number(),
    notApplicable: z.number(),
    percent: z.number().nullable(),
  }),
});
export type ChecklistResultRecord = z.infer<typeof checklistResultRecordSchema>;

/**
 * Today's checklist: the built-in items, then the organisation's from its policy.
 * An invalid organisation item is left out and logged with its JSON path; the
 * checklist itself always works.
 */
export function currentChecklist(ctx: AppContext): ChecklistEntry[] {
  const organisationItems: OrganisationChecklistItem[] = [];
  for (const [index, raw] of (ctx.settings.policy()?.checklist ?? []).entries()) {
    const parsed = customChecklistItemSchema.safeParse(raw);
    if (parsed.success) organisationItems.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        ctx.logger.warn(
          `policy checklist item left out: ${jsonPath(['checklist', index, ...issue.path])}: ${issue.message}`,
        );
      }
    }
  }
  const merged = mergeChecklist(CHECKLIST_ITEMS, organisationItems);
  if (merged.ok) return merged.entries;
  ctx.logger.warn(`policy checklist items left out: ${jsonPath(merged.path)}: ${merged.error}`);
  const builtInsOnly = mergeChecklist(CHECKLIST_ITEMS, []);
  return builtInsOnly.ok ? builtInsOnly.entries : [];
}

function entryView(entry: ChecklistEntry): ChecklistEntryView {
  const base = { id: entry.id, area: entry.area, origin: entry.origin, source: [...entry.source] };
  return entry.origin === 'organisation' ? { ...base, text: entry.text } : base;
}

/** Stored checks, oldest first; a line that is not a check is skipped and logged. */
function storedResults(ctx: AppContext, entries: readonly ChecklistEntry[]): ChecklistResult[] {
  const results: ChecklistResult[] = [];
  for (const record of ctx.history.read()) {
    if (record.type !== CHECKLIST_RESULT_RECORD) continue;
    const parsed = checklistResultRecordSchema.safeParse(record);
    if (!parsed.success) {
      ctx.logger.warn('history: skipped a record that is not readable');
      continue;
    }
    // Score against the items asked then: today's order first, then any that have gone.
    const known = new Set(entries.map((entry) => entry.id));
    const items = [
      ...entries.filter((entry) => Object.hasOwn(parsed.data.answers, entry.id)),
      ...Object.keys(parsed.data.answers)
        .filter((id) => !known.has(id))
        .map((id) => ({ id })),
    ];
    results.push({
      at: parsed.data.at,
      answers: parsed.data.answers,
      score: scoreChecklist(items, parsed.data.answers),
    });
  }
  return results.sort((a, b) => a.at - b.at);
}

function withProgress(current: ChecklistResult, previous?: ChecklistResult): ChecklistResultView {
  return {
    at: current.at,
    answers: { ...current.answers },
    score: current.score,
    progress: previous ? compareChecklistResults(previous, current) : null,
  };
}

/** Newest first, each with what changed since the check before it. */
function historyView(results: readonly ChecklistResult[]): ChecklistResultView[] {
  return results.map((result, index) => withProgress(result, results[index - 1])).reverse();
}

function validateAnswers(
  entries: readonly ChecklistEntry[],
  answers: ChecklistAnswers,
): { ok: true } | ({ ok: false } & Refusal) {
  if (Object.keys(answers).length === 0) return { ok: false, code: 'checklist-no-answers' };
  const parsed = checklistAnswersSchemaFor(entries.map((entry) => entry.id)).safeParse(answers);
  if (parsed.success) return { ok: true };
  return {
    ok: false,
    code: 'checklist-invalid-answers',
    params: {
      paths: parsed.error.issues.map((issue) => jsonPath(['answers', ...issue.path])).join(', '),
    },
  };
}

/**
 * The checklist feature. It also listens for the timer service's `checklist-recheck`
 * routine and pushes `checklist-due`, which the UI shows as a banner and the Electron
 * host may turn into a notification (`app.onEvent`).
 */
export function checklistHandlers(ctx: AppContext): HandlersFor<typeof checklistCalls> {
  let due: ChecklistDue = { due: false, since: null };
  const setDue = (next: ChecklistDue) => {
    due = next;
    ctx.emit('checklist-due', due);
  };
  ctx.timer.onEvent((event) => {
    if (event.type === 'routine' && event.id === CHECKLIST_RECHECK_ROUTINE_ID) {
      setDue({ due: true, since: event.at });
    }
  });

  return {
    getChecklist: () => ({ items: currentChecklist(ctx).map(entryView) }),

    submitChecklist: ({ answers }) => {
      const entries = currentChecklist(ctx);
      const valid = validateAnswers(entries, answers);
      if (!valid.ok) {
        // The person is told why; the log keeps no answers and no item names.
        logRefusal(ctx.logger, 'unknown-items', 'warn');
        return valid;
      }
      const previous = storedResults(ctx, entries).at(-1);
      const result = checklistResult(entries, answers, ctx.clock.now());
      const { yes, no, notApplicable, percent } = result.score;
      const record: ChecklistResultRecord = {
        at: result.at,
        type: CHECKLIST_RESULT_RECORD,
        answers: result.answers,
        score: { yes, no, notApplicable, percent },
      };
      try {
        ctx.history.append(record);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        ctx.logger.error(`checklist result not saved: ${detail}`);
        return { ok: false, code: 'save-failed' };
      }
      if (due.due) setDue({ due: false, since: null });
      return { ok: true, result: withProgress(result, previous) };
    },

    getChecklistHistory: () => historyView(storedResults(ctx, currentChecklist(ctx))),

    getChecklistDue: () => due,

    dismissChecklistDue: () => {
      if (due.due) setDue({ due: false, since: null });
      return due;
    },
  };
}
