import { describe, expect, it } from 'vitest';
import { withCheckinColumns } from '../../../src/core/checkin/csv';
import { checkinReport, daysForWeeks } from '../../../src/core/checkin/records';
import { mondayOf, weeklyTrend } from '../../../src/core/checkin/trend';
import { computeStats } from '../../../src/core/stats/aggregate';

const NO_FLAGS = { emergency: false, urgent: false };
const day = (date: string, taken: number, heatMinutes = 0) => ({
  date,
  due: taken + 1,
  taken,
  natural: 0,
  heatMinutes,
  iceMinutes: 0,
});

/** The report as the app makes it: the statistics' days for whole weeks, then the check-ins. */
function reportOf(
  records: { at: number; type: string; [field: string]: unknown }[],
  { now, timeZone, weeks }: { now: number; timeZone: string; weeks: number },
) {
  const days = daysForWeeks(now, timeZone, weeks);
  return checkinReport(computeStats(records, { now, timeZone, days }).daily, records, timeZone);
}

describe('the weekly trend', () => {
  it('weeks start on Monday', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
  });

  it('puts each week’s check-in beside the breaks kept and heat minutes of that week', () => {
    const weeks = weeklyTrend(
      [day('2026-11-27', 4, 15), day('2026-11-30', 5), day('2026-12-01', 6, 10)],
      [{ date: '2026-12-04', at: 2, pain: 3, interference: 2, redFlags: NO_FLAGS }],
    );
    expect(weeks).toEqual([
      expect.objectContaining({
        weekStart: '2026-11-23',
        pain: null,
        breaksKept: 4,
        heatMinutes: 15,
      }),
      expect.objectContaining({
        weekStart: '2026-11-30',
        pain: 3,
        interference: 2,
        breaksKept: 11,
        breaksDue: 13,
        heatMinutes: 10,
      }),
    ]);
  });

  it('reads check-ins from the history in the person’s zone and skips unreadable ones', () => {
    const now = Date.UTC(2026, 11, 4, 12);
    const report = reportOf(
      [
        // Sunday 23:30 UTC is already Monday in Berlin: the new week.
        {
          at: Date.UTC(2026, 10, 29, 23, 30),
          type: 'weekly-checkin',
          pain: 4,
          interference: 1,
          redFlags: NO_FLAGS,
        },
        {
          at: Date.UTC(2026, 11, 2),
          type: 'weekly-checkin',
          pain: 'a lot',
          interference: 1,
          redFlags: NO_FLAGS,
        },
        { at: Date.UTC(2026, 11, 3), type: 'break-taken', kind: 'micro' },
      ],
      { now, timeZone: 'Europe/Berlin', weeks: 2 },
    );
    expect(report.weeks.map((w) => [w.weekStart, w.pain, w.breaksKept])).toEqual([
      ['2026-11-30', 4, 1],
    ]);
    expect(report.checkins).toHaveLength(1);
  });

  it('starts at the first week that holds anything, and shows this week when nothing does', () => {
    const now = Date.UTC(2026, 11, 4, 12);
    const checkin = {
      at: Date.UTC(2026, 10, 25),
      type: 'weekly-checkin',
      pain: 2,
      interference: 1,
      redFlags: NO_FLAGS,
    };
    const report = reportOf([checkin], { now, timeZone: 'UTC', weeks: 12 });
    expect(report.weeks.map((w) => w.weekStart)).toEqual(['2026-11-23', '2026-11-30']);
    const empty = reportOf([], { now, timeZone: 'UTC', weeks: 12 });
    expect(empty.weeks.map((w) => w.weekStart)).toEqual(['2026-11-30']);
  });
});

describe('the CSV with check-ins ticked', () => {
  it('adds the day’s pain, interference and red-flag answer as three columns', () => {
    const csv = 'date,taken\r\n2026-12-03,4\r\n2026-12-04,5\r\n';
    expect(
      withCheckinColumns(csv, [
        {
          date: '2026-12-04',
          at: 1,
          pain: 3,
          interference: 2,
          redFlags: { emergency: false, urgent: true },
        },
      ]),
    ).toBe(
      'date,taken,checkin_pain,checkin_interference,checkin_red_flag\r\n2026-12-03,4,,,\r\n2026-12-04,5,3,2,yes\r\n',
    );
  });
});
