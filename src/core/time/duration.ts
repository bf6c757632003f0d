/** Durations in settings, policies and scenarios are strings of h, m, s parts: `1h30m`, `45s`. */

const DURATION_PATTERN = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

export type DurationParse = { ok: true; ms: number } | { ok: false; error: string };

export function parseDuration(text: string): DurationParse {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match || text.trim() === '') {
    return { ok: false, error: `"${text}" is not a duration; write it like 1h30m, 20m or 45s` };
  }
  const [, h = '0', m = '0', s = '0'] = match;
  return { ok: true, ms: ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 };
}

/** The shortest h/m/s string for a whole number of seconds; `0s` for zero. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const text = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
  return text === '' ? '0s' : text;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
