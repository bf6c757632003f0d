import i18next, { type i18n, type TFunction } from 'i18next';
import { NAMESPACES, RESOURCES } from '../../locales/index';

/**
 * One i18next setup for every host: the renderer, the tray menu in the Electron main
 * process and the web host. Locale files live in /locales; English is complete and the
 * fallback for any missing key.
 */

export async function createTranslator(
  language: string = 'en',
): Promise<{ t: TFunction; i18n: i18n }> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: RESOURCES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return { t: instance.t.bind(instance), i18n: instance };
}

/** "12 minutes", "1 h 5 min", "less than a minute": how a countdown reads. */
export function formatCountdown(t: TFunction, ms: number): string {
  const totalMinutes = Math.ceil(Math.max(0, ms) / 60000);
  if (ms < 60000) return t('duration.lessThanMinute');
  if (totalMinutes < 60) return t('duration.minutes', { count: totalMinutes });
  return t('duration.hoursMinutes', {
    hours: Math.floor(totalMinutes / 60),
    minutes: totalMinutes % 60,
  });
}

export function formatClockTime(at: number, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}
