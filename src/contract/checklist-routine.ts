import { validate, validateDetailed } from 'node-cron';

/**
 * The checklist re-check reminder: a node-cron routine in settings (`routines`,
 * docs/settings.md). Weekly on Monday at 10:00 local time by default, when the week's
 * setup has settled but the day is young.
 */
export const CHECKLIST_RECHECK_ROUTINE_ID = 'checklist-recheck';
export const CHECKLIST_RECHECK_DEFAULT_CRON = '0 10 * * 1';

export type CronCheck = { ok: true; cron: string } | { ok: false; field: string; error: string };

/**
 * A reminder schedule is five fields (minute hour day-of-month month day-of-week).
 * node-cron also takes a leading seconds field; refusing it keeps a typo from
 * turning a weekly reminder into one every second. `field` names where the value
 * came from, e.g. `routines[0].cron`.
 */
export function validateRecheckCron(
  cron: unknown,
  field = `routines.${CHECKLIST_RECHECK_ROUTINE_ID}.cron`,
): CronCheck {
  if (typeof cron !== 'string' || cron.trim() === '') {
    return {
      ok: false,
      field,
      error: `${field}: expected a cron schedule such as "${CHECKLIST_RECHECK_DEFAULT_CRON}" (Mondays at 10:00)`,
    };
  }
  const text = cron.trim().replace(/\s+/g, ' ');
  const fields = text.split(' ').length;
  if (fields !== 5) {
    return {
      ok: false,
      field,
      error: `${field}: "${text}" has ${fields} fields; write 5 (minute hour day-of-month month day-of-week), e.g. "${CHECKLIST_RECHECK_DEFAULT_CRON}"`,
    };
  }
  if (!validate(text)) {
    const reason = validateDetailed(text).errors[0]?.message ?? 'not a valid cron schedule';
    return { ok: false, field, error: `${field}: "${text}" is not valid (${reason})` };
  }
  return { ok: true, cron: text };
}
