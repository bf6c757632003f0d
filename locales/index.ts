import { FALLBACK_LANGUAGE, LANGUAGES, type Language } from '../src/core/locale/language';
import breaks from './en/breaks.json';
import checklist from './en/checklist.json';
import common from './en/common.json';
import exercises from './en/exercises.json';
import focus from './en/focus.json';
import health from './en/health.json';
import settings from './en/settings.json';
import stats from './en/stats.json';
import therapy from './en/therapy.json';

/**
 * Every user-visible string, by language and namespace. `common` is the app's chrome;
 * `exercises`, `checklist` and `health` (red flags, breathing, therapy safety) hold the
 * words of the typed content in src/core/content, which carries only ids and sources.
 * English is complete and bundled (the fallback); German and Spanish have the same
 * keys (tests/unit/i18n/locales.test.ts) in ./de and ./es, each loaded as one chunk.
 * A namespace is one file per language and one line here and in ./de and ./es.
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
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** One language's words: every namespace. */
export type LanguageResources = Record<Namespace, object>;

export const ENGLISH = {
  common,
  exercises,
  checklist,
  health,
  therapy,
  breaks,
  settings,
  stats,
  focus,
} as const satisfies LanguageResources;

/** The other languages, each its own chunk: the renderer loads only the one it shows. */
const LOADERS: Record<
  Exclude<Language, typeof FALLBACK_LANGUAGE>,
  () => Promise<LanguageResources>
> = {
  de: async () => (await import('./de/index')).default,
  es: async () => (await import('./es/index')).default,
};

export async function loadLanguage(language: Language): Promise<LanguageResources> {
  return language === FALLBACK_LANGUAGE ? ENGLISH : LOADERS[language]();
}

export { LANGUAGES, type Language };
