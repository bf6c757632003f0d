import { z } from 'zod';
import { LANGUAGE_SETTINGS, LANGUAGES } from '../../core/locale/language';
import { noInput } from './common';

/**
 * The language the UI speaks: the `language` setting, or the system's best supported
 * match (src/core/locale/language.ts). Pushed as `locale` when either changes; the
 * renderer then shows itself again in the new language.
 */
export const localeViewSchema = z.object({
  /** The language of the words now. */
  language: z.enum(LANGUAGES),
  /** What "system" gives on this computer. */
  systemLanguage: z.enum(LANGUAGES),
  setting: z.enum(LANGUAGE_SETTINGS),
  /** The BCP 47 tag dates and times are formatted with (en-GB keeps a 24-hour clock). */
  intlLocale: z.string(),
});
export type LocaleView = z.infer<typeof localeViewSchema>;

export const localeCalls = {
  getLocale: { input: noInput, output: localeViewSchema },
} as const;

export const localeEvents = {
  locale: localeViewSchema,
} as const;
