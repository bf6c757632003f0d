import { z } from 'zod';
import { REFUSAL_CODES } from '../refusals';
import { settingsFileSchema } from '../settings';
import { MAX_SETTINGS_IMPORT_CHARS } from '../settings-limits';
import { actionResultSchema, noInput, refusalParamsSchema } from './common';

/**
 * Reading and changing settings. `updateSettings` takes a partial settings file and
 * is refused, with a code, if it touches anything the organisation's policy locks.
 */
export const settingsViewSchema = z.object({
  /** Every key, as in effect now (defaults < policy defaults < user < policy locks). */
  effective: z.record(z.string(), z.unknown()),
  /** Only what the user chose. */
  user: z.record(z.string(), z.unknown()),
  /** Dotted paths the policy locks: "Managed by your organization". */
  locked: z.array(z.string()),
  /** Whether an organisation policy is in force. */
  managed: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/**
 * A problem with a value, where it is: `microBreak.every` (dotted, no root), as a code
 * and numbers the UI words (`refusals.<code>`): `setting-locked` is managed by the
 * organisation's policy, `setting-too-small` has `min`, `setting-too-big` has `max`.
 */
export const settingsIssueSchema = z.object({
  path: z.string(),
  code: z.enum(REFUSAL_CODES),
  params: refusalParamsSchema.optional(),
});
export type SettingsIssue = z.infer<typeof settingsIssueSchema>;

export const settingsValidationSchema = z.object({
  ok: z.boolean(),
  issues: z.array(settingsIssueSchema),
});

export const settingsImportSchema = z.object({
  ok: z.boolean(),
  /** What was wrong, when `ok` is false (the path `(file)` for the file as a whole). */
  issues: z.array(settingsIssueSchema),
  /** Settings in the file that the organisation manages: left as they are. */
  ignoredLocked: z.array(z.string()),
});

export const settingsCalls = {
  getSettings: { input: noInput, output: settingsViewSchema },
  updateSettings: { input: settingsFileSchema, output: actionResultSchema },
  /**
   * Would this change be accepted? Any JSON: the issues name paths as the settings
   * page names its fields, so the page shows each message beside its field.
   */
  validateSettings: { input: z.unknown(), output: settingsValidationSchema },
  /** Back to the defaults (and the organisation's), keeping nothing the user chose. */
  restoreDefaults: { input: noInput, output: actionResultSchema },
  /** The settings in force as a file to keep: `{ "version": 1, "settings": {…} }`. */
  exportSettings: {
    input: noInput,
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
  /** A settings file's text (any version); replaces the user's settings if valid. */
  importSettings: {
    input: z.strictObject({ text: z.string().max(MAX_SETTINGS_IMPORT_CHARS) }),
    output: settingsImportSchema,
  },
} as const;

export const settingsEvents = {
  settings: settingsViewSchema,
} as const;
