import {
  addDays,
  formatLocalDate,
  type LocalDate,
  localDateTime,
  localToEpoch,
} from '../time/zoned';
import { type StatsRecord, statsRecordOf, therapyMinutesRan } from './records';

/**
 * Statistics over the history, by day in the person's time zone (docs/history.md
 * "Statistics" defines every figure):
 *
 * - a break is **due** once, when it is settled: taken, skipped, or covered by a
 *   natural break. A postponed break comes back and counts when it is settled, so
 *   postponing never counts a break twice; one spell away from the desk is one
 *   natural break, even when it grows from covering a micro break to a long one;
 * - **compliance** = (taken + natural) / due, in whole percent; none on a day with
 *   nothing due;
 * - a day **meets the goal** when something was due and compliance is at least
 *   `STREAK_GOAL_PERCENT`. A **streak** is the run of such days; days with nothing due
 *   (weekends, days off) neither add to it nor end it, and today counts once it meets
 *   the goal but cannot end a streak before it is over.
 */
export const STREAK_GOAL_PERCENT = 80;

/** Idle is sampled in whole seconds: two readings of one spell may disagree by a little. */
const SAME_SPELL_MS = 2000;

export interface BreakCounts {
  due: number;
  taken: number;
  skipped: number;
  postponed: number;
  natural: number;
}

export interface TherapyMinutes {
  heatMinutes: number;
  iceMinutes: number;
  heatSessions: number;
  iceSessions: number;
}

export interface DayStats extends BreakCounts, TherapyMinutes {
  /** YYYY-MM-DD in the time zone. */
  date: string;
  compliancePercent: number | null;
  /** The last checklist score of the day. */
  checklistPercent: number | null;
  /** null when nothing was due. */
  meetsGoal: boolean | null;
}

export interface PeriodStats extends BreakCounts, TherapyMinutes {
  days: number;
  from: string;
  to: string;
  compliancePercent: number | null;
  /** The most recent checklist score in the period. */
  checklistPercent: number | null;
}

export interface ChecklistPoint {
  at: number;
  date: string;
  percent: number | null;
  yes: number;
  no: number;
  notApplicable: number;
}

export interface StatsReport {
  timeZone: string;
  generatedAt: number;
  /** The period asked for: `days` days ending today. */
  days: number;
  today: PeriodStats;
  last7: PeriodStats;
  last30: PeriodStats;
  period: PeriodStats;
  /** One entry per day of the period, oldest first, days without records included. */
  daily: DayStats[];
  streak: { current: number; longest: number; goalPercent: number };
  /** Checklist results in the period, oldest first. */
  checklist: ChecklistPoint[];
}

export interface StatsOptions {
  now: number;
  timeZone: string;
  /** Length of the period, today included. */
  days: number;
}

type Day = BreakCounts &
  TherapyMinutes & { checklist: { at: number; percent: number | null } | null };

const emptyDay = (): Day => ({
  due: 0,
  taken: 0,
  skipped: 0,
  postponed: 0,
  natural: 0,
  heatMinutes: 0,
  iceMinutes: 0,
  heatSessions: 0,
  iceSessions: 0,
  checklist: null,
});

/** Local dates of instants, remembering the last day's bounds: Intl is called once a day, not once a record. */
function dayKeys(timeZone: string) {
  let cached: { start: number; end: number; key: string } | null = null;
  return (at: number): string => {
    if (cached && at >= cached.start && at < cached.end) return cached.key;
    const local = localDateTime(at, timeZone);
    const date: LocalDate = { year: local.year, month: local.month, day: local.day };
    const start = localToEpoch(date, 0, 0, 0, timeZone).epochMs;
    const end = localToEpoch(addDays(date, 1), 0, 0, 0, timeZone).epochMs;
    const key = formatLocalDate(date);
    // A day whose midnight falls in a gap still holds `at`; only cache bounds that do.
    cached = at >= start && at < end ? { start, end, key } : null;
    return key;
  };
}

const roundMinutes = (minutes: number) => Math.round(minutes * 10) / 10;

export function compliancePercent(counts: Pick<BreakCounts, 'due' | 'taken' | 'natural'>) {
  return counts.due === 0 ? null : Math.round((100 * (counts.taken + counts.natural)) / counts.due);
}

function addRecord(day: Day, record: StatsRecord) {
  switch (record.type) {
    case 'break-taken':
      day.taken++;
      day.due++;
      return;
    case 'break-skipped':
      day.skipped++;
      day.due++;
      return;
    case 'natural-break':
      day.natural++;
      day.due++;
      return;
    case 'break-postponed':
      day.postponed++;
      return;
    case 'therapy-end': {
      const ran = therapyMinutesRan(record);
      if (record.kind === 'heat') {
        day.heatMinutes += ran;
        day.heatSessions++;
      } else {
        day.iceMinutes += ran;
        day.iceSessions++;
      }
      return;
    }
    case 'checklist-result':
      if (!day.checklist || record.at >= day.checklist.at) {
        day.checklist = { at: record.at, percent: record.score.percent };
      }
      return;
    default:
      return;
  }
}

function meetsGoal(day: BreakCounts): boolean | null {
  const percent = compliancePercent(day);
  return percent === null ? null : percent >= STREAK_GOAL_PERCENT;
}

/** Current and longest streak over every day of the history up to today. */
export function streaks(byDate: ReadonlyMap<string, BreakCounts>, today: string) {
  const dates = [...byDate.keys()].filter((date) => date <= today).sort();
  let longest = 0;
  let run = 0;
  for (const date of dates) {
    const met = meetsGoal(byDate.get(date)!);
    if (met === null) continue;
    if (met) longest = Math.max(longest, ++run);
    else if (date !== today) run = 0;
  }
  let current = 0;
  for (let index = dates.length - 1; index >= 0; index--) {
    const date = dates[index]!;
    const met = meetsGoal(byDate.get(date)!);
    if (met === null || (met === false && date === today)) continue;
    if (!met) break;
    current++;
  }
  return { current, longest, goalPercent: STREAK_GOAL_PERCENT };
}

type RawRecord = { at: number; type: string; [field: string]: unknown };

/**
 * The statistics kept up to date record by record: each record is added once, as it
 * is read or appended, into per-day counts, so a report costs the days it covers, not
 * the length of the history. Records must come in file order (a natural break's spell
 * is recognised against the one before it).
 */
export interface StatsAccumulator {
  readonly timeZone: string;
  add(raw: RawRecord): void;
  report(options: Omit<StatsOptions, 'timeZone'>): StatsReport;
}

export function createStatsAccumulator(timeZone: string): StatsAccumulator {
  const keyOf = dayKeys(timeZone);
  const byDate = new Map<string, Day>();
  const checklistRecords: {
    record: Extract<StatsRecord, { type: 'checklist-result' }>;
    date: string;
  }[] = [];
  // When the last natural break's spell away began: the same spell seen again is an upgrade.
  let lastSpellStart: number | null = null;
  const add = (raw: RawRecord) => {
    const record = statsRecordOf(raw);
    if (!record) return;
    if (record.type === 'natural-break' && record.idleSeconds !== undefined) {
      const spellStart = record.at - record.idleSeconds * 1000;
      const sameSpell =
        lastSpellStart !== null && Math.abs(spellStart - lastSpellStart) <= SAME_SPELL_MS;
      lastSpellStart = spellStart;
      if (sameSpell) return;
    }
    const date = keyOf(record.at);
    let day = byDate.get(date);
    if (!day) {
      day = emptyDay();
      byDate.set(date, day);
    }
    addRecord(day, record);
    if (record.type === 'checklist-result') checklistRecords.push({ record, date });
  };
  return {
    timeZone,
    add,
    report: (options) => reportOf(byDate, checklistRecords, { ...options, timeZone }),
  };
}

/** Every figure of the statistics page, from raw history records. Pure: same input, same report. */
export function computeStats(rawRecords: readonly RawRecord[], options: StatsOptions): StatsReport {
  const accumulator = createStatsAccumulator(options.timeZone);
  for (const raw of rawRecords) accumulator.add(raw);
  return accumulator.report(options);
}

function reportOf(
  byDate: ReadonlyMap<string, Day>,
  checklistRecords: readonly {
    record: Extract<StatsRecord, { type: 'checklist-result' }>;
    date: string;
  }[],
  options: StatsOptions,
): StatsReport {
  const { now, timeZone } = options;
  const days = Math.max(1, Math.floor(options.days));
  const todayLocal = localDateTime(now, timeZone);
  const todayDate: LocalDate = {
    year: todayLocal.year,
    month: todayLocal.month,
    day: todayLocal.day,
  };
  const today = formatLocalDate(todayDate);
  const datesBack = (count: number) =>
    Array.from({ length: count }, (_, index) =>
      formatLocalDate(addDays(todayDate, index - count + 1)),
    );

  const dayStats = (date: string): DayStats => {
    const day = byDate.get(date) ?? emptyDay();
    const { checklist, ...counts } = day;
    return {
      date,
      ...counts,
      heatMinutes: roundMinutes(day.heatMinutes),
      iceMinutes: roundMinutes(day.iceMinutes),
      compliancePercent: compliancePercent(day),
      checklistPercent: checklist?.percent ?? null,
      meetsGoal: meetsGoal(day),
    };
  };

  const periodOf = (count: number): PeriodStats => {
    const dates = datesBack(count);
    const total = emptyDay();
    let latestChecklist: { at: number; percent: number | null } | null = null;
    for (const date of dates) {
      const day = byDate.get(date);
      if (!day) continue;
      total.due += day.due;
      total.taken += day.taken;
      total.skipped += day.skipped;
      total.postponed += day.postponed;
      total.natural += day.natural;
      total.heatMinutes += day.heatMinutes;
      total.iceMinutes += day.iceMinutes;
      total.heatSessions += day.heatSessions;
      total.iceSessions += day.iceSessions;
      if (day.checklist && (!latestChecklist || day.checklist.at > latestChecklist.at)) {
        latestChecklist = day.checklist;
      }
    }
    const { checklist: _none, ...counts } = total;
    return {
      days: count,
      from: dates[0]!,
      to: today,
      ...counts,
      heatMinutes: roundMinutes(total.heatMinutes),
      iceMinutes: roundMinutes(total.iceMinutes),
      compliancePercent: compliancePercent(total),
      checklistPercent: latestChecklist?.percent ?? null,
    };
  };

  const periodDates = datesBack(days);
  const from = periodDates[0]!;
  return {
    timeZone,
    generatedAt: now,
    days,
    today: periodOf(1),
    last7: periodOf(7),
    last30: periodOf(30),
    period: periodOf(days),
    daily: periodDates.map(dayStats),
    streak: streaks(byDate, today),
    checklist: checklistRecords
      .filter(({ date }) => date >= from && date <= today)
      .sort((a, b) => a.record.at - b.record.at)
      .map(({ record, date }) => ({ at: record.at, date, ...record.score })),
  };
}
