import { z } from 'zod';
import { settingsFileSchema } from '../settings';
import { actionResultSchema, noInput } from './common';

/**
 * Reading and changing settings. `updateSettings` takes a partial settings file and
 * is refused, with a message, if it touches anything the organisation's policy locks.
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

export const settingsCalls = {
  getSettings: { input: noInput, output: settingsViewSchema },
  updateSettings: { input: settingsFileSchema, output: actionResultSchema },
} as const;

export const settingsEvents = {
  settings: settingsViewSchema,
} as const;
