import { LANGUAGES, type Language } from '../src/core/locale/language';
/**
 * Every user-visible string, by language and namespace. `common` is the app's chrome;
 * `exercises`, `checklist` and `health` (red flags, breathing, therapy safety) hold the
 * words of the typed content in src/core/content, which carries only ids and sources.
 * English (./en) is complete and the fallback; German and Spanish have the same keys
 * (tests/unit/i18n/locales.test.ts) in ./de and ./es. A namespace is one file per
 * language and one line here and in the `core.ts` or `more.ts` of ./en, ./de and ./es
 * (English is complete and the reference; the others have its keys).
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
 * The namespaces a break window needs (the shell's words, the break, the exercises and
 * the focus notes). In the renderer each language is two chunks, `core` with these and
 * `more` with the rest, so a break window, which must paint fast and load little, does
 * not carry the checklist, health, settings and statistics words; every other page
 * loads both. Only the language in use is loaded, English too.
 */
export const CORE_NAMESPACES = ['common', 'breaks', 'exercises', 'focus'] as const;
export type LanguagePart = 'core' | 'more';
type CoreNamespace = (typeof CORE_NAMESPACES)[number];
/** A language's `core.ts`: the break window's words. */
export type CoreWords = Record<CoreNamespace, object>;
/** A language's `more.ts`: every other namespace. */
export type MoreWords = Record<Exclude<Namespace, CoreNamespace>, object>;

/** A language made whole from its two parts: the one place they are joined. */
export function joinParts(core: CoreWords, more: MoreWords): LanguageResources {
  return { ...core, ...more };
}

const PART_LOADERS: Record<
  Language,
  { core: () => Promise<CoreWords>; more: () => Promise<MoreWords> }
> = {
  en: {
    core: async () => (await import('./en/core')).default,
    more: async () => (await import('./en/more')).default,
  },
  de: {
    core: async () => (await import('./de/core')).default,
    more: async () => (await import('./de/more')).default,
  },
  es: {
    core: async () => (await import('./es/core')).default,
    more: async () => (await import('./es/more')).default,
  },
};

/** One part of a language's words (the renderer's two chunks). */
export async function loadLanguagePart(
  language: Language,
  part: LanguagePart,
): Promise<Partial<LanguageResources>> {
  return PART_LOADERS[language][part]();
}

/** Every word of a language, both parts (the Node hosts: tray, notifications, CLI). */
export async function loadLanguage(language: Language): Promise<LanguageResources> {
  const loaders = PART_LOADERS[language];
  const [core, more] = await Promise.all([loaders.core(), loaders.more()]);
  return joinParts(core, more);
}

export { LANGUAGES, type Language };
