import type { Weekday, WorkHours } from '../settings/settings';
import { addDays, type LocalDate, localDateTime, localToEpoch, weekdayOf } from '../time/zoned';

/**
 * Work hours are wall times in the user's zone. Each working day is turned into an
 * absolute interval on the day it is asked about, so a daylight-saving change moves
 * the interval with the wall clock instead of shifting it by an hour.
 */
export interface WorkInterval {
  start: number;
  end: number;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function parseClockTime(text: string): { hour: number; minute: number } | null {
  if (!CLOCK_TIME.test(text)) return null;
  const [hour = 0, minute = 0] = text.split(':').map(Number);
  return { hour, minute };
}

/** Weekday names in cron order (0 = Sunday). */
const CRON_ORDER: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function weekdayName(date: LocalDate): Weekday {
  return CRON_ORDER[weekdayOf(date)] ?? 'sun';
}

function wallInstant(
  date: LocalDate,
  clock: { hour: number; minute: number },
  zone: string,
): number {
  // "24:00" is midnight at the end of the day.
  const day = clock.hour === 24 ? addDays(date, 1) : date;
  return localToEpoch(day, clock.hour % 24, clock.minute, 0, zone).epochMs;
}

/** The working interval that starts on a local date, or null when that day is off. */
export function workIntervalOn(
  date: LocalDate,
  hours: WorkHours,
  zone: string,
): WorkInterval | null {
  if (!hours.days.includes(weekdayName(date))) return null;
  const from = parseClockTime(hours.from);
  const to = parseClockTime(hours.to);
  if (!from || !to) return null;
  const start = wallInstant(date, from, zone);
  // A "to" at or before "from" is a shift across midnight: it ends on the next day.
  const overnight = to.hour * 60 + to.minute <= from.hour * 60 + from.minute;
  const end = wallInstant(overnight ? addDays(date, 1) : date, to, zone);
  return end > start ? { start, end } : null;
}

/**
 * Work hours as absolute intervals, asked about many times a day: each local day's
 * interval is computed once, since Intl is the slow part of a simulated week.
 */
export interface WorkCalendar {
  /** `null` work hours mean always. */
  isWithin(at: number): boolean;
  /** The interval `at` falls in, if any. */
  intervalAt(at: number): WorkInterval | null;
  /** The next instant after `at` when work hours start or end; null when they never change. */
  nextEdge(at: number): number | null;
  /**
   * "Tomorrow": the next start of work hours after `at` (on a night shift at 01:05, the
   * shift that starts this evening); the next midnight without work hours.
   */
  nextWorkdayStart(at: number): number;
}

export function createWorkCalendar(hours: WorkHours | null, zone: string): WorkCalendar {
  const days = new Map<string, WorkInterval | null>();
  const intervalOn = (date: LocalDate): WorkInterval | null => {
    if (hours === null) return null;
    const key = `${date.year}-${date.month}-${date.day}`;
    let interval = days.get(key);
    if (interval === undefined) {
      interval = workIntervalOn(date, hours, zone);
      days.set(key, interval);
    }
    return interval;
  };
  // From the day before `at` (an overnight shift may still run) to a week ahead.
  const around = (at: number): WorkInterval[] => {
    const today = localDateTime(at, zone);
    const intervals: WorkInterval[] = [];
    for (let offset = -1; offset <= 8; offset++) {
      const interval = intervalOn(addDays(today, offset));
      if (interval) intervals.push(interval);
    }
    return intervals;
  };
  // Nothing changes between two edges: remember the stretch of time the last answer holds for.
  let stretch: { from: number; until: number | null; interval: WorkInterval | null } | null = null;
  const lookUp = (at: number) => {
    if (stretch && stretch.from <= at && (stretch.until === null || at < stretch.until))
      return stretch;
    const intervals = around(at);
    let until: number | null = null;
    for (const interval of intervals) {
      for (const edge of [interval.start, interval.end]) {
        if (edge > at && (until === null || edge < until)) until = edge;
      }
    }
    const interval = intervals.find((i) => i.start <= at && at < i.end) ?? null;
    stretch = { from: at, until, interval };
    return stretch;
  };
  return {
    isWithin: (at) => hours === null || lookUp(at).interval !== null,
    intervalAt: (at) => (hours === null ? null : lookUp(at).interval),
    nextEdge: (at) => (hours === null ? null : lookUp(at).until),
    nextWorkdayStart(at) {
      const today = localDateTime(at, zone);
      if (hours !== null) {
        for (let offset = 0; offset <= 8; offset++) {
          const interval = intervalOn(addDays(today, offset));
          if (interval && interval.start > at) return interval.start;
        }
      }
      return localToEpoch(addDays(today, 1), 0, 0, 0, zone).epochMs;
    },
  };
}

export function isWithinWorkHours(at: number, hours: WorkHours | null, zone: string): boolean {
  return createWorkCalendar(hours, zone).isWithin(at);
}
