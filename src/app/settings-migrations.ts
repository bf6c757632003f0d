import { isRecord } from '../core/json';
import { THERAPY_MIN_REST_MINUTES } from '../core/therapy/limits';
import { formatDuration, parseDuration } from '../core/time/duration';

/**
 * The settings file's format, by version, and the chain of migrations that brings an
 * older file up to the current one. The file on disk (and an exported settings file)
 * is a document `{ "version": 1, "settings": { …the settings keys… } }`.
 *
 * - version 0: the first format, flat keys with plain numbers of minutes or seconds
 *   (`"microBreakIntervalMinutes": 20`). It had no `version` field.
 * - version 1: the settings keys (docs/settings.md) under `settings`, durations as strings ("20m").
 *   Files written before the `version` field existed have `settings` and no `version`.
 *
 * A migration is a pure function from one version's document to the next; each one
 * says what it could not carry over. Nothing here validates the values: the settings
 * schema does that on the result, and a file that fails it is kept aside, not lost.
 */
export const CURRENT_SETTINGS_VERSION = 1;

export interface SettingsDocument {
  version: number;
  settings: Record<string, unknown>;
}

export type Migration =
  | { ok: true; document: SettingsDocument; from: number; notes: string[] }
  | { ok: false; error: string };

type Step = (
  document: Record<string, unknown>,
) =>
  | { ok: true; document: Record<string, unknown>; notes: string[] }
  | { ok: false; error: string };

/** The keys only a version 0 file has, to tell one from a bare settings object. */
export const VERSION_0_KEYS = [
  'microBreakEnabled',
  'microBreakIntervalMinutes',
  'microBreakSeconds',
  'longBreakEnabled',
  'longBreakIntervalMinutes',
  'longBreakMinutes',
  'warningSeconds',
  'postponeMinutes',
  'maxPostpones',
  'maxSkipsPerDay',
  'strictMode',
  'naturalBreaks',
  'workDays',
  'workStart',
  'workEnd',
  'therapyMinutes',
  'therapyCapMinutes',
  'therapyRestMinutes',
] as const;

/** Which version a parsed document is; null when it is none we know. */
export function settingsVersionOf(document: unknown): number | null {
  if (!isRecord(document)) return null;
  if ('version' in document) {
    const { version } = document;
    return typeof version === 'number' && Number.isInteger(version) && version >= 0
      ? version
      : null;
  }
  if ('settings' in document) return 1;
  return 0;
}

/** A number of `unit` ms as a duration string, if it is a whole number of seconds. */
function durationOf(value: unknown, unitMs: number, key: string): string | { error: string } {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    return { error: `${key} should be a number of ${unitMs === 60_000 ? 'minutes' : 'seconds'}` };
  }
  const ms = value * unitMs;
  if (!Number.isInteger(ms / 1000)) return { error: `${key} is not a whole number of seconds` };
  return formatDuration(ms);
}

/** Version 0 (flat, numbers) to version 1 (the settings keys, duration strings). */
const fromVersion0: Step = (v0) => {
  const notes: string[] = [];
  const settings: Record<string, Record<string, unknown> | unknown> = {};
  const errors: string[] = [];
  const group = (key: string): Record<string, unknown> => {
    const existing = settings[key];
    if (isRecord(existing)) return existing;
    const created: Record<string, unknown> = {};
    settings[key] = created;
    return created;
  };
  const put = (target: () => Record<string, unknown>, field: string, value: unknown) => {
    if (value !== undefined) target()[field] = value;
  };
  const putDuration = (
    target: () => Record<string, unknown>,
    field: string,
    key: string,
    unitMs: number,
  ) => {
    if (!(key in v0)) return;
    const converted = durationOf(v0[key], unitMs, key);
    if (typeof converted === 'string') target()[field] = converted;
    else errors.push(converted.error);
  };
  const micro = () => group('microBreak');
  const long = () => group('longBreak');
  const postpone = () => group('postpone');
  const therapy = () => group('therapy');

  put(micro, 'enabled', v0.microBreakEnabled);
  putDuration(micro, 'every', 'microBreakIntervalMinutes', 60_000);
  putDuration(micro, 'duration', 'microBreakSeconds', 1000);
  put(long, 'enabled', v0.longBreakEnabled);
  putDuration(long, 'every', 'longBreakIntervalMinutes', 60_000);
  putDuration(long, 'duration', 'longBreakMinutes', 60_000);
  if ('warningSeconds' in v0) {
    const converted = durationOf(v0.warningSeconds, 1000, 'warningSeconds');
    if (typeof converted === 'string') settings.warningBefore = converted;
    else errors.push(converted.error);
  }
  putDuration(postpone, 'duration', 'postponeMinutes', 60_000);
  put(postpone, 'maxPerBreak', v0.maxPostpones);
  if ('maxSkipsPerDay' in v0) settings.skip = { maxPerDay: v0.maxSkipsPerDay };
  if ('strictMode' in v0) settings.strictMode = v0.strictMode;
  if ('naturalBreaks' in v0) settings.naturalBreaks = v0.naturalBreaks;
  // Version 0 said "always" with an empty list of days.
  if (Array.isArray(v0.workDays) && v0.workDays.length === 0) settings.workHours = null;
  else if ('workDays' in v0 || 'workStart' in v0 || 'workEnd' in v0) {
    const hours: Record<string, unknown> = {};
    if ('workDays' in v0) hours.days = v0.workDays;
    if ('workStart' in v0) hours.from = v0.workStart;
    if ('workEnd' in v0) hours.to = v0.workEnd;
    settings.workHours = hours;
  }
  put(therapy, 'defaultMinutes', v0.therapyMinutes);
  put(therapy, 'capMinutes', v0.therapyCapMinutes);
  putDuration(therapy, 'restBetween', 'therapyRestMinutes', 60_000);

  const known = new Set<string>(VERSION_0_KEYS);
  for (const key of Object.keys(v0)) {
    if (!known.has(key)) notes.push(`"${key}" is not a setting any more and was left out`);
  }
  if (errors.length > 0) return { ok: false, error: errors.join('; ') };
  return { ok: true, document: { version: 1, settings }, notes };
};

/** MIGRATIONS[n] turns a version n document into a version n + 1 one. */
const MIGRATIONS: Record<number, Step> = { 0: fromVersion0 };

/**
 * Brings a parsed settings document to the current version, or says why it cannot:
 * not an object, an unknown or newer version, or values a migration cannot convert.
 */
export function migrateSettingsDocument(raw: unknown): Migration {
  const from = settingsVersionOf(raw);
  if (from === null || !isRecord(raw)) {
    return { ok: false, error: 'the file is not a settings document of any known version' };
  }
  if (from > CURRENT_SETTINGS_VERSION) {
    return {
      ok: false,
      error: `the file was written by a newer Unhunch (settings version ${from}); this one reads up to version ${CURRENT_SETTINGS_VERSION}`,
    };
  }
  let document: Record<string, unknown> = raw;
  const notes: string[] = [];
  for (let version = from; version < CURRENT_SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, error: `no migration from settings version ${version}` };
    const result = step(document);
    if (!result.ok) {
      return {
        ok: false,
        error: `settings version ${version} could not be converted: ${result.error}`,
      };
    }
    document = result.document;
    notes.push(...result.notes);
  }
  // Version 1 files from before the `version` field are stamped on the way through.
  if (document.settings !== undefined && !isRecord(document.settings)) {
    return { ok: false, error: '"settings" in the file is not an object of settings' };
  }
  const settings = raiseTherapyRest(isRecord(document.settings) ? document.settings : {}, notes);
  return { ok: true, document: { version: CURRENT_SETTINGS_VERSION, settings }, from, notes };
}

/**
 * Files written before the rest between heat or ice sessions had its floor may hold a
 * shorter one: it is raised to the floor (with a note) rather than making the whole file
 * invalid and losing every other choice in it.
 */
function raiseTherapyRest(settings: Record<string, unknown>, notes: string[]) {
  const therapy = settings.therapy;
  if (!isRecord(therapy) || typeof therapy.restBetween !== 'string') return settings;
  const rest = parseDuration(therapy.restBetween);
  const floor = THERAPY_MIN_REST_MINUTES * 60_000;
  if (!rest.ok || rest.ms >= floor) return settings;
  notes.push(
    `therapy.restBetween ${therapy.restBetween} is under the ${THERAPY_MIN_REST_MINUTES}-minute floor and was raised to it`,
  );
  return { ...settings, therapy: { ...therapy, restBetween: formatDuration(floor) } };
}
