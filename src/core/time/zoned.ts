/**
 * Local time in an IANA time zone with nothing but Intl: work hours and cron routines
 * are written in the user's wall time, and daylight saving moves that wall time
 * against the epoch twice a year.
 */

export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday, as in cron and Date#getUTCDay. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone; the edges use it to reject a bad `timezone`. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone this machine runs in, for hosts that were not told one. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Calendar arithmetic on a local date, independent of any zone. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function localDateTime(epochMs: number, timeZone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const date = { year: fields.year ?? 1970, month: fields.month ?? 1, day: fields.day ?? 1 };
  return {
    ...date,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    weekday: weekdayOf(date),
  };
}

/** How far the zone's wall time is ahead of UTC at an instant, in ms. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const local = localDateTime(epochMs, timeZone);
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

export interface LocalInstant {
  epochMs: number;
  /** False in the spring-forward gap: the wall time never shows, and we take the instant after the gap. */
  exists: boolean;
}

/**
 * The instant a local wall time names. A time repeated when clocks fall back is the
 * first of the two; a time skipped when clocks spring forward lands after the gap
 * (Temporal's "compatible" disambiguation), so a 02:30 routine still runs that night.
 */
export function localToEpoch(
  date: LocalDate,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): LocalInstant {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second);
  const DAY = 86_400_000;
  const before = zoneOffsetMs(asUtc - DAY, timeZone);
  const after = zoneOffsetMs(asUtc + DAY, timeZone);
  // The larger offset gives the earlier instant: try it first so a repeated hour picks its first pass.
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = asUtc - offset;
    const local = localDateTime(candidate, timeZone);
    if (
      local.year === date.year &&
      local.month === date.month &&
      local.day === date.day &&
      local.hour === hour &&
      local.minute === minute &&
      local.second === second
    ) {
      return { epochMs: candidate, exists: true };
    }
  }
  return { epochMs: asUtc - Math.min(before, after), exists: false };
}

/**
 * The next instant after `after` at which the zone's wall clock shows `hour:minute`
 * ("pause until 13:00"). In the hour repeated when clocks fall back a time shows twice,
 * and either pass may be the next; in the spring-forward gap it shows not at all, and
 * the instant after the gap is taken (as `localToEpoch` does).
 */
export function nextWallClockTime(
  after: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const today = localDateTime(after, timeZone);
  const HOUR = 3_600_000;
  for (let day = 0; day <= 2; day++) {
    const date = addDays(today, day);
    const first = localToEpoch(date, hour, minute, 0, timeZone).epochMs;
    // The second pass of a repeated time, if any, is an hour (or the zone's shift) later.
    const passes = [first];
    for (const shift of [HOUR / 2, HOUR, 2 * HOUR]) {
      const local = localDateTime(first + shift, timeZone);
      if (
        local.hour === hour &&
        local.minute === minute &&
        local.second === 0 &&
        compareDates(local, date) === 0
      ) {
        passes.push(first + shift);
      }
    }
    const next = passes.find((at) => at > after);
    if (next !== undefined) return next;
  }
  return after;
}

/**
 * Whether the wall time an instant shows is shown twice that day (clocks falling back)
 * and which pass this is: `null` for a time shown once.
 */
export function repeatedWallTimePass(epochMs: number, timeZone: string): 'first' | 'second' | null {
  const instant = Math.floor(epochMs / 1000) * 1000;
  const local = localDateTime(instant, timeZone);
  const first = localToEpoch(local, local.hour, local.minute, local.second, timeZone).epochMs;
  if (first < instant) return 'second';
  for (const shift of [1_800_000, 3_600_000, 7_200_000]) {
    const later = localDateTime(instant + shift, timeZone);
    if (
      compareDates(later, local) === 0 &&
      later.hour === local.hour &&
      later.minute === local.minute &&
      later.second === local.second
    ) {
      return 'first';
    }
  }
  return null;
}

/** ISO 8601 with the zone's offset at that instant: `2026-11-24T09:20:00+01:00`. */
export function formatLocalIso(epochMs: number, timeZone: string): string {
  const local = localDateTime(epochMs, timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const offsetMinutes = Math.round(zoneOffsetMs(epochMs, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const ms = ((epochMs % 1000) + 1000) % 1000;
  return (
    `${formatLocalDate(local)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}` +
    `${ms ? `.${pad(ms, 3)}` : ''}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
