import { formatLocalDate, localDateTime } from '../time/zoned';
import { type CheckinWeek, type DatedCheckin, mondayOf, type TrendDay, weeklyTrend } from './trend';
import { CHECKIN_RED_FLAG_GROUPS, NRS_MAX, NRS_MIN } from './triage';

/** The history record of one answered check-in (docs/history.md). Keep its shape. */
export const CHECKIN_RECORD = 'weekly-checkin';

type Raw = { at: number; type: string; [field: string]: unknown };

const isScore = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= NRS_MIN && value <= NRS_MAX;

/** The check-ins of the history, oldest first, dated in `timeZone`; unreadable ones are skipped. */
export function checkinsFromHistory(records: readonly Raw[], timeZone: string): DatedCheckin[] {
  const found: DatedCheckin[] = [];
  for (const record of records) {
    if (record.type !== CHECKIN_RECORD) continue;
    const flags = record.redFlags as Record<string, unknown> | undefined;
    if (
      !isScore(record.pain) ||
      !isScore(record.interference) ||
      typeof flags !== 'object' ||
      !flags
    ) {
      continue;
    }
    if (!CHECKIN_RED_FLAG_GROUPS.every((group) => typeof flags[group] === 'boolean')) continue;
    found.push({
      at: record.at,
      date: formatLocalDate(localDateTime(record.at, timeZone)),
      pain: record.pain,
      interference: record.interference,
      redFlags: { emergency: flags.emergency === true, urgent: flags.urgent === true },
    });
  }
  return found.sort((a, b) => a.at - b.at);
}

export interface CheckinReport {
  /** Whole weeks, Monday first, this week last, from the first that holds anything. */
  weeks: CheckinWeek[];
  /** The check-ins within those weeks, oldest first. */
  checkins: DatedCheckin[];
  /** The newest workstation check kept, however old. */
  latestChecklist: { at: number; percent: number | null } | null;
}

/** How many days of statistics cover the last `weeks` whole weeks, this one (up to today) included. */
export function daysForWeeks(now: number, timeZone: string, weeks: number): number {
  const today = formatLocalDate(localDateTime(now, timeZone));
  const daysIntoWeek =
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${mondayOf(today)}T00:00:00Z`)) / 86_400_000;
  return (weeks - 1) * 7 + daysIntoWeek + 1;
}

/**
 * The check-ins beside the breaks and heat/ice of `daily` (the statistics' days, from a
 * Monday: `daysForWeeks`), week by week. `records` are the history's other records,
 * where the check-ins and checklist results are.
 */
export function checkinReport(
  daily: readonly TrendDay[],
  records: readonly Raw[],
  timeZone: string,
): CheckinReport {
  const from = daily[0]?.date ?? '';
  const to = daily.at(-1)?.date ?? '';
  const checkins = checkinsFromHistory(records, timeZone).filter(
    (c) => c.date >= from && c.date <= to,
  );
  const weeks = weeklyTrend(daily, checkins);
  // Weeks before anything was recorded say nothing: start at the first that holds something.
  const first = weeks.findIndex(
    (w) => w.pain !== null || w.breaksDue > 0 || w.heatMinutes > 0 || w.iceMinutes > 0,
  );
  return {
    weeks: first === -1 ? weeks.slice(-1) : weeks.slice(first),
    checkins,
    latestChecklist: latestChecklist(records),
  };
}

function latestChecklist(records: readonly Raw[]): CheckinReport['latestChecklist'] {
  let latest: CheckinReport['latestChecklist'] = null;
  for (const record of records) {
    if (record.type !== 'checklist-result' || (latest && latest.at > record.at)) continue;
    const percent = (record.score as { percent?: unknown } | undefined)?.percent;
    if (typeof percent === 'number' || percent === null) latest = { at: record.at, percent };
  }
  return latest;
}
