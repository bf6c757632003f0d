import { addDays, type LocalDate, localDateTime, localToEpoch, weekdayOf } from '../time/zoned';

/**
 * Cron routines, matched in the user's zone. node-cron validates expressions at the
 * edges (settings schema) and gives the error messages; the core cannot import it and
 * must not run its scheduler (the core wakes only on its own Clock), so this small
 * matcher computes the next match itself. It accepts what node-cron's `parse` expands
 * to plain numbers (5 or 6 fields, names, ranges, steps, lists, 7 = Sunday) with the
 * same day rule (day of month AND day of week), and refuses `L` and `#`.
 */
export interface CronSchedule {
  seconds: number[];
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
}

export type CronParse = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  namesStartAt?: number;
}

const FIELDS: Record<string, FieldSpec> = {
  second: { name: 'second', min: 0, max: 59 },
  minute: { name: 'minute', min: 0, max: 59 },
  hour: { name: 'hour', min: 0, max: 23 },
  dayOfMonth: { name: 'day of month', min: 1, max: 31 },
  month: { name: 'month', min: 1, max: 12, names: MONTH_NAMES, namesStartAt: 1 },
  dayOfWeek: { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, namesStartAt: 0 },
};

function parseValue(text: string, spec: FieldSpec): number | null {
  const lower = text.toLowerCase();
  // Three-letter names, or full ones ("monday"), as node-cron accepts.
  const named = spec.names?.findIndex(
    (n) => lower === n || (lower.length > 3 && lower.startsWith(n)),
  );
  if (named !== undefined && named >= 0) return named + (spec.namesStartAt ?? 0);
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= spec.min && value <= spec.max ? value : null;
}

function parseField(text: string, spec: FieldSpec): number[] | string {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [rangeText = '', stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      return `"${item}" has a bad step in the ${spec.name} field`;
    let from: number | null;
    let to: number | null;
    if (rangeText === '*') {
      from = spec.min;
      to = spec.max;
    } else if (rangeText.includes('-')) {
      const [a = '', b = ''] = rangeText.split('-');
      from = parseValue(a, spec);
      to = parseValue(b, spec);
    } else {
      from = parseValue(rangeText, spec);
      to = stepText === undefined ? from : spec.max;
    }
    if (from === null || to === null || from > to) {
      return `"${item}" is not a valid ${spec.name}`;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

export function parseCron(expression: string): CronParse {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) {
    return { ok: false, error: `expected 5 or 6 fields but got ${parts.length}` };
  }
  if (parts.some((p) => /[#?]/.test(p) || /^\d*[LW]$/i.test(p))) {
    return { ok: false, error: 'L, W, # and ? are not supported in routines' };
  }
  const [second, minute, hour, dayOfMonth, month, dayOfWeek] =
    parts.length === 6 ? parts : ['0', ...parts];
  const parsed: number[][] = [];
  const texts = [second, minute, hour, dayOfMonth, month, dayOfWeek];
  const specs = [
    FIELDS.second,
    FIELDS.minute,
    FIELDS.hour,
    FIELDS.dayOfMonth,
    FIELDS.month,
    FIELDS.dayOfWeek,
  ];
  for (let i = 0; i < texts.length; i++) {
    const spec = specs[i];
    const text = texts[i];
    if (!spec || text === undefined) return { ok: false, error: 'bad expression' };
    const field = parseField(text, spec);
    if (typeof field === 'string') return { ok: false, error: field };
    parsed.push(field);
  }
  const [s = [], mi = [], h = [], dom = [], mo = [], dow = []] = parsed;
  return {
    ok: true,
    schedule: {
      seconds: s,
      minutes: mi,
      hours: h,
      daysOfMonth: new Set(dom),
      months: new Set(mo),
      daysOfWeek: new Set(dow.map((d) => d % 7)),
    },
  };
}

function dayMatches(date: LocalDate, schedule: CronSchedule): boolean {
  return (
    schedule.months.has(date.month) &&
    schedule.daysOfMonth.has(date.day) &&
    schedule.daysOfWeek.has(weekdayOf(date))
  );
}

/** Eight years covers a 29 February routine; anything rarer is treated as never. */
const SEARCH_DAYS = 366 * 8;

/**
 * The first instant strictly after `after` whose wall time in `zone` matches. A time
 * repeated when clocks fall back matches once; a skipped one runs just after the gap.
 */
export function nextCronMatch(schedule: CronSchedule, after: number, zone: string): number | null {
  const start = localDateTime(after, zone);
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const date = addDays(start, offset);
    if (!dayMatches(date, schedule)) continue;
    for (const hour of schedule.hours) {
      if (offset === 0 && hour < start.hour - 1) continue;
      for (const minute of schedule.minutes) {
        for (const second of schedule.seconds) {
          const at = localToEpoch(date, hour, minute, second, zone).epochMs;
          if (at > after) return at;
        }
      }
    }
  }
  return null;
}
