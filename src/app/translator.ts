import i18next, { type TFunction } from 'i18next';
import { ALL_RESOURCES } from '../../locales/all';
import { i18nextOptions } from '../contract/i18n';
import { FALLBACK_LANGUAGE, type Language } from '../core/locale/language';

/**
 * The app's own words (exercise titles and steps it sends to every window, the
 * notification text, the tray menu): the same locale files and options as
 * src/contract/i18n.ts, every language in memory, so i18next starts at once and a
 * change of language takes effect on the next `t` call. `t` stays the same function.
 */
export interface AppTranslator {
  t: TFunction;
  language(): Language;
  setLanguage(language: Language): void;
}

export function createAppTranslator(language: Language = FALLBACK_LANGUAGE): AppTranslator {
  const instance = i18next.createInstance();
  void instance.init({ ...i18nextOptions(language, ALL_RESOURCES), initAsync: false });
  return {
    t: instance.t.bind(instance),
    language: () => instance.language as Language,
    setLanguage(next) {
      // Every language is loaded already: the change is done before this returns.
      if (instance.language !== next) void instance.changeLanguage(next);
    },
  };
}
