import { LANGUAGES, type Language } from '../src/core/locale/language';
/**
 * Every user-visible string, by language and namespace. `common` is the app's chrome;
 * `exercises`, `checklist` and `health` (red flags, breathing, therapy safety) hold the
 * words of the typed content in src/core/content, which carries only ids and sources.
 * English (./en) is complete and the fallback; German and Spanish have the same keys
 * (tests/unit/i18n/locales.test.ts) in ./de and ./es. Each language loads as one chunk.
 * A namespace is one file per language and one line here and in ./en, ./de and ./es.
 */
export const NAMESPACES = [
  'common',
  'exercises',
  'checklist',
  'health',
  'therapy',
  'breaks',
  'settings',
  'stats',
  'focus',
  'checkin',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** One language's words: every namespace. */
export type LanguageResources = Record<Namespace, object>;

/**
 * Each language is its own chunk, English too: the renderer loads only the one it
 * shows, so a page in German does not carry the English words as well.
 */
const LOADERS: Record<Language, () => Promise<LanguageResources>> = {
  en: async () => (await import('./en/index')).default,
  de: async () => (await import('./de/index')).default,
  es: async () => (await import('./es/index')).default,
};

export async function loadLanguage(language: Language): Promise<LanguageResources> {
  return LOADERS[language]();
}

export { LANGUAGES, type Language };
