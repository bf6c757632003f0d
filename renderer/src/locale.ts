import type { LocaleView, UnhunchApi } from '../../src/contract/contract';
import { resolveLocale } from '../../src/contract/i18n';

/** How long the shell waits for the app to say its language before using the browser's. */
const ASK_TIMEOUT_MS = 2000;

/**
 * The language the shell shows, as the app decides it (the `language` setting over
 * the system's). If the app cannot answer in time the browser's own languages stand
 * in, and the shell asks again once connected.
 */
export async function askLocale(api: UnhunchApi): Promise<LocaleView> {
  const fallback = resolveLocale('system', navigator.languages);
  const timeout = new Promise<LocaleView>((resolve) =>
    setTimeout(() => resolve(fallback), ASK_TIMEOUT_MS),
  );
  return Promise.race([api.call('getLocale'), timeout]).catch(() => fallback);
}

/** Shows the UI again when the language differs from the one it was drawn in. */
export function followLocale(api: UnhunchApi, shown: LocaleView): (view: LocaleView) => void {
  const check = (view: LocaleView) => {
    if (view.language !== shown.language || view.intlLocale !== shown.intlLocale) {
      location.reload();
    }
  };
  api.on('locale', check);
  return check;
}
