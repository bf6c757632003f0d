import { formatClockTime } from '../../src/contract/i18n';

/**
 * How the renderer writes times, days and shares, all from `Intl` and the language in
 * use: one time format for every page (see `formatClockTime`), a weekday added when
 * a time is not today, and percentages that never break between number and sign.
 */

/** Time left as a countdown shows it, whole seconds rounded up: "4:05", "0:09", never below "0:00". */
export function countdown(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A time of day in the language's short form: "5:01 PM", "17:01". */
export function createTimeFormat(language: string): (at: number) => string {
  return (at) => formatClockTime(at, language);
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/**
 * "5:01 PM" today, "Monday, 9:20 AM" on another day within the week, "Mon, Dec 14,
 * 9:20 AM" further away: a time with its day whenever the day is not today.
 */
export function formatWhen(at: number, now: number, language: string): string {
  const time = formatClockTime(at, language);
  if (sameDay(new Date(at), new Date(now))) return time;
  const withinWeek = Math.abs(at - now) < 6 * 24 * 3600_000;
  const day = new Intl.DateTimeFormat(
    language,
    withinWeek ? { weekday: 'long' } : { weekday: 'short', month: 'short', day: 'numeric' },
  ).format(at);
  return `${day}, ${time}`;
}

/**
 * "80%", "80 %": a share (0..1) as the language writes it, with the space between
 * number and sign made non-breaking so the two never part at a line end.
 */
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 })
    .format(share)
    .replace(/\s/g, '\u00a0');
}
