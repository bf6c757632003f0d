import i18next, { type TFunction } from 'i18next';
import { NAMESPACES, RESOURCES } from '../../locales/index';

/**
 * The app's own words (exercise titles and steps it sends to every window, the
 * notification text): the same locale files as src/contract/i18n.ts, set up at once.
 * The resources are in memory, so i18next needs no asynchronous start.
 */
export function appTranslator(language = 'en'): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: RESOURCES,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance.t.bind(instance);
}
