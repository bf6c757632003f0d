import { CHECKIN_RECORD, checkinReport, daysForWeeks } from '../../core/checkin/records';
import type { StatsAccumulator } from '../../core/stats/aggregate';

type Raw = { at: number; type: string; [field: string]: unknown };

/** The records the trend reads besides the break counts: the scan keeps only these. */
export function isCheckinTrendRecord(record: Raw): boolean {
  return record.type === CHECKIN_RECORD || record.type === 'checklist-result';
}

/**
 * `unhunch stats`'s weekly pain trend: the weekly check-in's pain and interference
 * beside breaks kept and heat/ice, one line a week of the period. Empty when the
 * history holds no check-in, so people who never turned it on see nothing of it.
 */
export function weeklyPainTrend(
  counts: StatsAccumulator,
  records: readonly Raw[],
  options: { now: number; days: number },
): string {
  const weeks = Math.min(52, Math.max(1, Math.ceil(options.days / 7)));
  const days = daysForWeeks(options.now, counts.timeZone, weeks);
  const { daily } = counts.report({ now: options.now, days });
  const report = checkinReport(daily, records, counts.timeZone);
  if (report.checkins.length === 0) return '';
  const score = (value: number | null) => (value === null ? '–' : String(value));
  const header = ['week of', 'pain', 'in the way', 'breaks kept', 'heat (min)', 'ice (min)'];
  const rows = report.weeks.map((week) => [
    week.weekStart,
    score(week.pain),
    score(week.interference),
    `${week.breaksKept}/${week.breaksDue}`,
    String(Math.round(week.heatMinutes)),
    String(Math.round(week.iceMinutes)),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ');
  return [
    '',
    'Upper back, week by week (your weekly check-in; pain and how much it got in the way of work, 0-10):',
    line(header),
    ...rows.map(line),
  ].join('\n');
}
