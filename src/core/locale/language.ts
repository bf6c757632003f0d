/**
 * Which language the app speaks: the person's choice in settings, or the system's
 * best match among the languages Unhunch has words for, else English (the fallback,
 * complete by construction). Pure: hosts pass the system's preferred languages in.
 */
export const LANGUAGES = ['en', 'de', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The `language` setting: follow the system, or one language whatever the system says. */
export const LANGUAGE_SETTINGS = ['system', ...LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export const FALLBACK_LANGUAGE = 'en' satisfies Language;

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** "de_AT.UTF-8", "de-at" -> "de-AT": a well-formed BCP 47 tag, or null ("C", "POSIX", junk). */
export function normaliseTag(tag: string): string | null {
  const bare = tag.trim().split(/[.@]/)[0]!.replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(bare)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The first of the preferred tags (most preferred first) whose language Unhunch
 * speaks: de-AT -> de, es-419 -> es; ["fr-FR", "de-DE"] -> de; nothing spoken -> en.
 */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = normaliseTag(tag)?.split('-')[0];
    if (primary && isLanguage(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}

export interface ResolvedLocale {
  /** The language the words are in. */
  language: Language;
  /** What `system` gives on this machine. */
  systemLanguage: Language;
  setting: LanguageSetting;
  /**
   * The tag dates and times are formatted with: the system's own (en-GB, de-AT) when
   * it is the language in use, so its clock and date habits are kept; else the language.
   */
  intlLocale: string;
}

export function resolveLocale(
  setting: LanguageSetting,
  systemLanguages: readonly string[],
): ResolvedLocale {
  const systemLanguage = matchLanguage(systemLanguages);
  const language = setting === 'system' ? systemLanguage : setting;
  const regional = systemLanguages
    .map(normaliseTag)
    .find((tag) => tag !== null && tag.split('-')[0] === language);
  return { language, systemLanguage, setting, intlLocale: regional ?? language };
}
