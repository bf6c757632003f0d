import i18next, { type InitOptions, type i18n, type TFunction } from 'i18next';
import {
  type LanguageResources,
  loadLanguage,
  loadLanguagePart,
  NAMESPACES,
} from '../../locales/index';
import { FALLBACK_LANGUAGE, type Language, matchLanguage } from '../core/locale/language';
import type { Refusal } from './refusals';

/** The decision of which language is spoken, for the renderer (which reaches no further). */
export { resolveLocale } from '../core/locale/language';

/**
 * One i18next setup for every host: the renderer, the tray menu in the Electron main
 * process and the web host. Locale files live in /locales; English is complete and the
 * fallback for any missing key. Which language is in use is decided by
 * src/core/locale/language.ts; plurals follow `Intl.PluralRules` of that language.
 */
export function i18nextOptions(
  language: Language,
  resources: Partial<Record<Language, LanguageResources>>,
): InitOptions {
  return {
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: resources as InitOptions['resources'],
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}

/**
 * The words of one language ("de-AT" gets German, "fr" English). Only that language is
 * loaded (in the renderer, its own chunk): every language has every key
 * (tests/unit/i18n/locales.test.ts), so nothing needs English underneath.
 */
export async function createTranslator(
  language: string = FALLBACK_LANGUAGE,
): Promise<{ t: TFunction; i18n: i18n; language: Language }> {
  const lng = matchLanguage([language]);
  const instance = i18next.createInstance();
  await instance.init(i18nextOptions(lng, { [lng]: await loadLanguage(lng) }));
  return { t: instance.t.bind(instance), i18n: instance, language: lng };
}

/**
 * The renderer's translator: first the words a break window needs (locales/index.ts,
 * CORE_NAMESPACES), then the rest when a page asks for them (`loadMore`, once).
 */
export async function createPagedTranslator(language: string = FALLBACK_LANGUAGE): Promise<{
  t: TFunction;
  language: Language;
  loadMore(): Promise<void>;
}> {
  const lng = matchLanguage([language]);
  const instance = i18next.createInstance();
  const core = await loadLanguagePart(lng, 'core');
  await instance.init(i18nextOptions(lng, { [lng]: core as LanguageResources }));
  let more: Promise<void> | undefined;
  const loadMore = () => {
    more ??= loadLanguagePart(lng, 'more').then((words) => {
      for (const [ns, bundle] of Object.entries(words)) {
        instance.addResourceBundle(lng, ns, bundle, true, true);
      }
    });
    return more;
  };
  return { t: instance.t.bind(instance), language: lng, loadMore };
}

/**
 * "12 minutes", "2 hours", "1 h 5 min", "less than a minute": how a countdown reads,
 * each in the plural forms of the language in use (`duration.*` in common.json).
 */
export function formatCountdown(t: TFunction, ms: number): string {
  const totalMinutes = Math.ceil(Math.max(0, ms) / 60000);
  if (ms < 60000) return t('common:duration.lessThanMinute');
  if (totalMinutes < 60) return t('common:duration.minutes', { count: totalMinutes });
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (minutes === 0) return t('common:duration.hours', { count: hours });
  return t('common:duration.hoursMinutes', { hours, minutes });
}

/**
 * "5:01 PM", "17:01": the one way a time of day reads, the language's own short form
 * (the renderer and the tray both use it, so no page mixes "04:58 PM" with "5:01 PM").
 */
export function formatClockTime(at: number, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/**
 * The words of a refused action or a rejected setting in the language of `t`: the code
 * is looked up under `refusals.<code>` (common.json) with its params.
 */
export function refusalText(t: TFunction, refusal: Refusal): string {
  return t(`common:refusals.${refusal.code}`, { ...refusal.params, defaultValue: refusal.code });
}
