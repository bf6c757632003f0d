import nodeCron from 'node-cron';
import { z } from 'zod';
import { CHECKIN_ROUTINE_ID } from '../core/checkin/routine';
import { isRecord, mergeLayers } from '../core/json';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '../core/locale/language';
import { parseCron } from '../core/schedule/cron';
import { parseClockTime } from '../core/schedule/work-hours';
import { type LimitedSetting, SETTING_LIMITS } from '../core/settings/limits';
import {
  DEFAULT_SETTINGS,
  type Settings,
  THEME_SETTINGS,
  type ThemeSetting,
  WEEKDAYS,
  type Weekday,
} from '../core/settings/settings';
import { THERAPY_MAX_MINUTES, THERAPY_MIN_MINUTES } from '../core/therapy/limits';
import { formatDuration, parseDuration } from '../core/time/duration';
import { customChecklistItemsSchema } from './checklist';
import { customExercisesSchema } from './content';
import { organisationLinksSchema } from './health';

/**
 * The settings FILE shape (docs/settings.md): the same keys in
 * settings files, policy files and scenarios, durations as strings ("20m"). Every key
 * is optional so a file, a policy's defaults or its locks can hold any part; unknown
 * keys are errors. `toCoreSettings` merges layers into the core's `Settings`.
 */

const duration = (
  what: string,
  { allowZero = false, limit }: { allowZero?: boolean; limit?: LimitedSetting } = {},
) =>
  z.string().superRefine((text, ctx) => {
    const parsed = parseDuration(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
    } else if (!allowZero && parsed.ms <= 0) {
      ctx.addIssue({ code: 'custom', message: `${what} must be longer than 0s` });
    } else if (limit) {
      const { min, max } = SETTING_LIMITS[limit];
      if (parsed.ms < min || parsed.ms > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${what} must be from ${formatDuration(min)} to ${formatDuration(max)}`,
        });
      }
    }
  });

/** A whole number within the setting's range (SETTING_LIMITS), the range named in the message. */
const count = (what: string, limit: LimitedSetting) => {
  const { min, max } = SETTING_LIMITS[limit];
  const message = `${what} must be a whole number from ${min} to ${max}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

const clockTime = z.string().refine((text) => parseClockTime(text) !== null, {
  error: 'write a time of day as HH:MM, from 00:00 to 24:00',
});

/** node-cron gives the clear messages; the core's own matcher must read it too. */
export function cronError(expression: string): string | null {
  const fields = expression.trim().split(/\s+/).length;
  // A seconds field would turn a weekly reminder into one a second by a slip; routines take 5 fields.
  if (fields !== 5) {
    return `"${expression}" has ${fields} fields; write 5 (minute hour day-of-month month day-of-week), e.g. "0 10 * * 1"`;
  }
  const checked = nodeCron.validateDetailed(expression);
  if (!checked.valid) {
    const first = checked.errors[0];
    return `"${expression}" is not a cron expression: ${first ? first.message : 'it does not parse'}`;
  }
  const core = parseCron(expression);
  if (!core.ok) return `"${expression}" cannot be used for a routine: ${core.error}`;
  return null;
}

/** Room for any real routine ("0,15,30,45 8-18 * * 1-5"); a longer text is refused before it is parsed. */
export const MAX_CRON_CHARS = 120;

const cron = z.string().superRefine((text, ctx) => {
  if (text.length > MAX_CRON_CHARS) {
    ctx.addIssue({
      code: 'custom',
      message: `a cron expression has at most ${MAX_CRON_CHARS} characters; this one has ${text.length}`,
    });
    return;
  }
  const error = cronError(text);
  if (error) ctx.addIssue({ code: 'custom', message: error });
});

const therapyMinutes = z
  .number()
  .int({ error: 'therapy minutes are whole minutes' })
  .min(THERAPY_MIN_MINUTES, { error: `therapy lasts at least ${THERAPY_MIN_MINUTES} minute` })
  .max(THERAPY_MAX_MINUTES, {
    error: `therapy is capped at ${THERAPY_MAX_MINUTES} minutes; longer sessions can harm the skin`,
  });

const breakKindFile = (kind: 'microBreak' | 'longBreak') =>
  z.strictObject({
    enabled: z.boolean().optional(),
    every: duration('every', { limit: `${kind}.every` }).optional(),
    duration: duration('a break', { limit: `${kind}.duration` }).optional(),
  });

const weekday = z.enum(WEEKDAYS as [Weekday, ...Weekday[]]);

const workHoursFile = z.strictObject({
  days: z
    .array(weekday)
    .refine((days) => new Set(days).size === days.length, { error: 'list each day once' })
    .optional(),
  from: clockTime.optional(),
  to: clockTime.optional(),
});

const routineFile = z.strictObject({
  id: z
    .string()
    .min(1, { error: 'a routine needs an id' })
    .refine((id) => id !== CHECKIN_ROUTINE_ID, {
      error: `"${CHECKIN_ROUTINE_ID}" is the weekly check-in's own reminder; turn it on with checkin.enabled`,
    }),
  cron,
});

/** A meeting app of the deferral list: a window title pattern, a process name, or both. */
const meetingAppFile = z
  .strictObject({
    name: z.string().trim().min(1, { error: 'a meeting app needs a name' }).max(80),
    windowTitle: z.string().trim().min(1).max(200).optional(),
    process: z.string().trim().min(1).max(200).optional(),
  })
  .refine((app) => app.windowTitle !== undefined || app.process !== undefined, {
    error: 'say how to recognise it: a windowTitle, a process, or both',
  });

const deferralFile = z.strictObject({
  maxMinutes: count('minutes a break may wait', 'deferral.maxMinutes').optional(),
  camera: z.boolean().optional(),
  microphone: z.boolean().optional(),
  fullscreen: z.boolean().optional(),
  screenSharing: z.boolean().optional(),
  doNotDisturb: z.boolean().optional(),
  meetingApps: z.boolean().optional(),
  meetingAppList: z.array(meetingAppFile).max(100).optional(),
});

const sitStandFile = z.strictObject({
  enabled: z.boolean().optional(),
  sitMinutes: count('sitting minutes', 'sitStand.sitMinutes').optional(),
  standMinutes: count('standing minutes', 'sitStand.standMinutes').optional(),
  moveMinutes: count('moving minutes', 'sitStand.moveMinutes').optional(),
});

export const settingsFileSchema = z.strictObject({
  microBreak: breakKindFile('microBreak').optional(),
  longBreak: breakKindFile('longBreak').optional(),
  warningBefore: duration('warningBefore', { allowZero: true, limit: 'warningBefore' }).optional(),
  postpone: z
    .strictObject({
      duration: duration('a postpone', { limit: 'postpone.duration' }).optional(),
      maxPerBreak: count('postpones per break', 'postpone.maxPerBreak').optional(),
    })
    .optional(),
  skip: z
    .strictObject({ maxPerDay: count('skips a day', 'skip.maxPerDay').nullable().optional() })
    .optional(),
  strictMode: z.boolean().optional(),
  naturalBreaks: z.boolean().optional(),
  workHours: workHoursFile.nullable().optional(),
  therapy: z
    .strictObject({
      defaultMinutes: therapyMinutes.optional(),
      capMinutes: therapyMinutes.optional(),
      restBetween: duration('restBetween', {
        allowZero: true,
        limit: 'therapy.restBetween',
      }).optional(),
    })
    .optional(),
  routines: z
    .array(routineFile)
    .refine((list) => new Set(list.map((r) => r.id)).size === list.length, {
      error: 'each routine needs its own id',
    })
    .optional(),
  notifications: z
    .strictObject({
      enabled: z.boolean().optional(),
      sound: z.boolean().optional(),
      volume: count('the volume', 'notifications.volume').optional(),
    })
    .optional(),
  startup: z.strictObject({ openAtLogin: z.boolean().optional() }).optional(),
  history: z
    .strictObject({ keepDays: count('days of history', 'history.keepDays').optional() })
    .optional(),
  exercises: z
    .strictObject({
      favourites: z.array(z.string().max(64)).max(500).optional(),
      hidden: z.array(z.string().max(64)).max(500).optional(),
    })
    .optional(),
  deferral: deferralFile.optional(),
  sitStand: sitStandFile.optional(),
  language: z
    .enum(LANGUAGE_SETTINGS, {
      error: `the language is one of ${LANGUAGE_SETTINGS.map((l) => `"${l}"`).join(', ')}`,
    })
    .optional(),
  theme: z
    .enum(THEME_SETTINGS, {
      error: `the theme is one of ${THEME_SETTINGS.map((t) => `"${t}"`).join(', ')}`,
    })
    .optional(),
  checkin: z.strictObject({ enabled: z.boolean().optional(), cron: cron.optional() }).optional(),
});

/**
 * What a policy's `defaults` and `locked` may hold: every setting but the weekly
 * check-in, which is the person's own (docs/checkin.md). Strict, so a policy naming
 * `checkin` is refused as a whole, with the reason (`parsePolicy`).
 */
export const policySettingsFileSchema = settingsFileSchema.omit({ checkin: true });
export const CHECKIN_NOT_FOR_POLICY =
  'the weekly check-in is each person’s own choice: a policy cannot turn it on, lock it or read it';

/** A settings file, a policy's defaults or its locks: any part of the keys. */
export type SettingsFile = z.infer<typeof settingsFileSchema>;

/** The full file shape, every key present, as `fromCoreSettings` writes it. */
export type CompleteSettingsFile = {
  microBreak: { enabled: boolean; every: string; duration: string };
  longBreak: { enabled: boolean; every: string; duration: string };
  warningBefore: string;
  postpone: { duration: string; maxPerBreak: number };
  skip: { maxPerDay: number | null };
  strictMode: boolean;
  naturalBreaks: boolean;
  workHours: { days: Weekday[]; from: string; to: string } | null;
  therapy: { defaultMinutes: number; capMinutes: number; restBetween: string };
  routines: { id: string; cron: string }[];
  notifications: { enabled: boolean; sound: boolean; volume: number };
  startup: { openAtLogin: boolean };
  history: { keepDays: number };
  exercises: { favourites: string[]; hidden: string[] };
  deferral: Settings['deferral'];
  sitStand: Settings['sitStand'];
  language: LanguageSetting;
  theme: ThemeSetting;
  checkin: Settings['checkin'];
};

/** An organisation's checklist items: the checklist refuses two with one id, so the policy does. */
const policyChecklistSchema = customChecklistItemsSchema.superRefine((items, ctx) => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `"${item.id}" is used twice; give each checklist item its own id`,
      });
    }
    seen.add(item.id);
  });
});

/**
 * An organisation's managed policy, strict at every level: its settings layers and
 * its content (`exercises`, `checklist`, `links`) by the content contract's schemas.
 */
export const policySchema = z.strictObject({
  version: z.literal(1, { error: 'the policy version must be 1' }),
  defaults: policySettingsFileSchema.optional(),
  locked: policySettingsFileSchema.optional(),
  exercises: customExercisesSchema.optional(),
  checklist: policyChecklistSchema.optional(),
  links: organisationLinksSchema.optional(),
});
export type Policy = z.infer<typeof policySchema>;

/** The core settings back in the file shape. */
export function fromCoreSettings(settings: Settings): CompleteSettingsFile {
  const kind = (k: Settings['microBreak']) => ({
    enabled: k.enabled,
    every: formatDuration(k.everyMs),
    duration: formatDuration(k.durationMs),
  });
  return {
    microBreak: kind(settings.microBreak),
    longBreak: kind(settings.longBreak),
    warningBefore: formatDuration(settings.warningBeforeMs),
    postpone: {
      duration: formatDuration(settings.postpone.durationMs),
      maxPerBreak: settings.postpone.maxPerBreak,
    },
    skip: { maxPerDay: settings.skip.maxPerDay },
    strictMode: settings.strictMode,
    naturalBreaks: settings.naturalBreaks,
    workHours: settings.workHours
      ? {
          days: [...settings.workHours.days],
          from: settings.workHours.from,
          to: settings.workHours.to,
        }
      : null,
    therapy: {
      defaultMinutes: settings.therapy.defaultMinutes,
      capMinutes: settings.therapy.capMinutes,
      restBetween: formatDuration(settings.therapy.restBetweenMs),
    },
    routines: settings.routines.map((r) => ({ id: r.id, cron: r.cron })),
    notifications: { ...settings.notifications },
    startup: { ...settings.startup },
    history: { ...settings.history },
    exercises: {
      favourites: [...settings.exercises.favourites],
      hidden: [...settings.exercises.hidden],
    },
    deferral: copyDeferral(settings.deferral),
    sitStand: { ...settings.sitStand },
    language: settings.language,
    theme: settings.theme,
    checkin: { ...settings.checkin },
  };
}

function copyDeferral(deferral: Settings['deferral']): Settings['deferral'] {
  return { ...deferral, meetingAppList: deferral.meetingAppList.map((app) => ({ ...app })) };
}

/** Layers over the schema defaults, later ones winning: the complete file shape. */
export function mergeSettingsFiles(...layers: (SettingsFile | undefined)[]): CompleteSettingsFile {
  let merged: unknown = fromCoreSettings(DEFAULT_SETTINGS);
  for (const layer of layers) merged = mergeLayers(merged, layer);
  const complete = merged as CompleteSettingsFile;
  // workHours set by a layer after `null` may be partial: fill it from the defaults.
  if (complete.workHours !== null) {
    complete.workHours = {
      ...fromCoreSettings(DEFAULT_SETTINGS).workHours!,
      ...complete.workHours,
    };
  }
  return complete;
}

function ms(text: string): number {
  const parsed = parseDuration(text);
  // Inputs were validated by the schema; a bad string here is a programming error.
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.ms;
}

/**
 * Effective core settings from layered partial files, in the order of docs/architecture.md
 * "Settings and policy": schema defaults < policy defaults < the user's choices <
 * policy locks. Pass them in that order. The therapy default never exceeds the cap.
 */
export function toCoreSettings(...layers: (SettingsFile | undefined)[]): Settings {
  const file = mergeSettingsFiles(...layers);
  const capMinutes = Math.min(file.therapy.capMinutes, THERAPY_MAX_MINUTES);
  return {
    microBreak: {
      enabled: file.microBreak.enabled,
      everyMs: ms(file.microBreak.every),
      durationMs: ms(file.microBreak.duration),
    },
    longBreak: {
      enabled: file.longBreak.enabled,
      everyMs: ms(file.longBreak.every),
      durationMs: ms(file.longBreak.duration),
    },
    warningBeforeMs: ms(file.warningBefore),
    postpone: { durationMs: ms(file.postpone.duration), maxPerBreak: file.postpone.maxPerBreak },
    skip: { maxPerDay: file.skip.maxPerDay },
    strictMode: file.strictMode,
    naturalBreaks: file.naturalBreaks,
    workHours: file.workHours
      ? { days: [...file.workHours.days], from: file.workHours.from, to: file.workHours.to }
      : null,
    therapy: {
      capMinutes,
      defaultMinutes: Math.min(file.therapy.defaultMinutes, capMinutes),
      restBetweenMs: ms(file.therapy.restBetween),
    },
    routines: file.routines.map((r) => ({ id: r.id, cron: r.cron })),
    notifications: { ...file.notifications },
    startup: { ...file.startup },
    history: { ...file.history },
    exercises: {
      favourites: [...file.exercises.favourites],
      hidden: [...file.exercises.hidden],
    },
    deferral: copyDeferral(file.deferral),
    sitStand: { ...file.sitStand },
    language: file.language,
    theme: file.theme,
    checkin: { ...file.checkin },
  };
}

/** The effective settings for a user under a policy (either may be absent). */
export function effectiveSettings(user?: SettingsFile, policy?: Policy): Settings {
  return toCoreSettings(policy?.defaults, user, policy?.locked);
}

/** Dotted paths a policy locks (`microBreak.every`, `workHours`), for "Managed by your organization". */
export function lockedPaths(locked: SettingsFile | undefined): string[] {
  const paths: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    // Lists and null are locked whole, as they merge whole.
    if (!isRecord(value)) {
      paths.push(prefix);
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) walk(inner, prefix ? `${prefix}.${key}` : key);
    }
  };
  if (locked) walk(locked, '');
  return paths.filter((p) => p !== '');
}

/** Is `path` (dotted) locked by a policy's locks, itself or through a parent? */
export function isLocked(path: string, locked: SettingsFile | undefined): boolean {
  return lockedPaths(locked).some((p) => p === path || path.startsWith(`${p}.`));
}

/** A zod issue's place as a JSON path: `settings.microBreak.every`, `inputs[3].at`. */
export function formatIssuePath(
  issue: { path: readonly PropertyKey[]; code?: string; keys?: readonly string[] },
  root = 'settings',
): string {
  const path = [...issue.path];
  // An unknown key is reported on its parent object; name the key itself.
  if (
    issue.code === 'unrecognized_keys' &&
    issue.keys?.length === 1 &&
    issue.keys[0] !== undefined
  ) {
    path.push(issue.keys[0]);
  }
  let text = root;
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part))
      text += text ? `.${part}` : part;
    else text += `[${JSON.stringify(String(part))}]`;
  }
  return text === '' ? '(top level)' : text;
}

/** Every issue with the path of what is wrong (`root` first) and what is wrong with it. */
export function describeIssues(
  error: z.ZodError,
  root = 'settings',
): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
    return {
      path: formatIssuePath({ path: issue.path, code: issue.code, keys }, root),
      message:
        issue.code === 'unrecognized_keys'
          ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
          : issue.message,
    };
  });
}

/** Every issue as "path: message", one a line, for logs, the CLI and the settings screen. */
export function formatIssues(error: z.ZodError, root = 'settings'): string[] {
  return describeIssues(error, root).map(({ path, message }) => `${path}: ${message}`);
}

export type SettingsParse = { ok: true; file: SettingsFile } | { ok: false; issues: string[] };

/** Parse untrusted JSON as a settings file: a typed value or the issues with their paths. */
export function parseSettingsFile(value: unknown, root = 'settings'): SettingsParse {
  const result = settingsFileSchema.safeParse(value);
  return result.success
    ? { ok: true, file: result.data }
    : { ok: false, issues: formatIssues(result.error, root) };
}

export type PolicyParse = { ok: true; policy: Policy } | { ok: false; issues: string[] };

export function parsePolicy(value: unknown, root = 'policy'): PolicyParse {
  const result = policySchema.safeParse(value);
  if (result.success) return { ok: true, policy: result.data };
  const issues = formatIssues(result.error, root).map((line) =>
    /\.checkin: unknown key "checkin"$/.test(line) ? `${line}: ${CHECKIN_NOT_FOR_POLICY}` : line,
  );
  return { ok: false, issues };
}
