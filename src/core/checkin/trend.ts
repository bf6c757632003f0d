import type { CheckinRedFlagGroup } from './triage';

/**
 * The check-in beside the breaks, week by week (Monday to Sunday in the person's
 * zone): the statistics page's trend, the printable summary and `unhunch stats`.
 * Days and check-ins come with local calendar dates already ("2026-11-30").
 */

export interface TrendDay {
  date: string;
  due: number;
  taken: number;
  natural: number;
  heatMinutes: number;
  iceMinutes: number;
}

export interface DatedCheckin {
  date: string;
  at: number;
  pain: number;
  interference: number;
  redFlags: Record<CheckinRedFlagGroup, boolean>;
}

export interface CheckinWeek {
  /** The Monday the week starts on. */
  weekStart: string;
  /** The week's last check-in, or null when none was answered. */
  pain: number | null;
  interference: number | null;
  /** Whether the week's check-in answered yes to a red-flag question. */
  redFlag: boolean;
  breaksDue: number;
  /** Taken or covered by a natural break, as "breaks kept" counts on the statistics page. */
  breaksKept: number;
  heatMinutes: number;
  iceMinutes: number;
}

/** The Monday on or before a "YYYY-MM-DD" date. */
export function mondayOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  const sinceMonday = (utc.getUTCDay() + 6) % 7;
  utc.setUTCDate(utc.getUTCDate() - sinceMonday);
  return utc.toISOString().slice(0, 10);
}

/** One row per week the days cover, oldest first; check-ins outside the days are left out. */
export function weeklyTrend(
  days: readonly TrendDay[],
  checkins: readonly DatedCheckin[],
): CheckinWeek[] {
  const weeks = new Map<string, CheckinWeek>();
  const weekOf = (date: string) => {
    const weekStart = mondayOf(date);
    let week = weeks.get(weekStart);
    if (!week) {
      week = {
        weekStart,
        pain: null,
        interference: null,
        redFlag: false,
        breaksDue: 0,
        breaksKept: 0,
        heatMinutes: 0,
        iceMinutes: 0,
      };
      weeks.set(weekStart, week);
    }
    return week;
  };
  for (const day of days) {
    const week = weekOf(day.date);
    week.breaksDue += day.due;
    week.breaksKept += day.taken + day.natural;
    week.heatMinutes += day.heatMinutes;
    week.iceMinutes += day.iceMinutes;
  }
  const sorted = [...checkins].sort((a, b) => a.at - b.at);
  for (const checkin of sorted) {
    const week = weeks.get(mondayOf(checkin.date));
    if (!week) continue;
    week.pain = checkin.pain;
    week.interference = checkin.interference;
    week.redFlag ||= checkin.redFlags.emergency || checkin.redFlags.urgent;
  }
  return [...weeks.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}
