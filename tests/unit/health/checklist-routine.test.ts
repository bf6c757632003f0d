import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_RECHECK_DEFAULT_CRON,
  CHECKLIST_RECHECK_ROUTINE_ID,
  validateRecheckCron,
} from '../../../src/contract/checklist-routine';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';

describe('checklist re-check routine', () => {
  it('defaults to Mondays at 10:00, as the settings do', () => {
    expect(CHECKLIST_RECHECK_DEFAULT_CRON).toBe('0 10 * * 1');
    expect(DEFAULT_SETTINGS.routines).toContainEqual({
      id: CHECKLIST_RECHECK_ROUTINE_ID,
      cron: CHECKLIST_RECHECK_DEFAULT_CRON,
    });
    expect(validateRecheckCron(CHECKLIST_RECHECK_DEFAULT_CRON)).toEqual({
      ok: true,
      cron: '0 10 * * 1',
    });
  });

  it('accepts another valid schedule, tidying its spaces', () => {
    expect(validateRecheckCron('  30 9  * * 1-5 ')).toEqual({ ok: true, cron: '30 9 * * 1-5' });
  });

  it.each([
    ['61 10 * * 1', 'minute'],
    ['0 10 * *', '4 fields'],
    ['* * * * * *', '6 fields'],
    ['', 'expected a cron schedule'],
    [42, 'expected a cron schedule'],
  ])('refuses %j with an error naming the field', (cron, reason) => {
    const check = validateRecheckCron(cron, 'routines[0].cron');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.field).toBe('routines[0].cron');
    expect(check.error).toContain('routines[0].cron');
    expect(check.error).toContain(reason);
  });
});
