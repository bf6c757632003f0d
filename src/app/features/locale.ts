import type { HandlersFor, LocaleView, localeCalls } from '../../contract/contract';
import { resolveLocale } from '../../core/locale/language';
import type { AppContext } from '../context';
import type { AppTranslator } from '../translator';

/**
 * The language the app speaks: the `language` setting over the system's preferred
 * languages, which the host passes in (Electron's, or the browser's for the web host).
 * Keeps the app's translator in that language and tells every UI when it changes.
 */
export interface LocaleFeature {
  handlers: HandlersFor<typeof localeCalls>;
  view(): LocaleView;
  /** The host learned the system's preferred languages anew (most preferred first). */
  setSystemLanguages(languages: readonly string[]): void;
  dispose(): void;
}

export function createLocaleFeature(
  ctx: AppContext,
  translator: AppTranslator,
  systemLanguages: readonly string[],
): LocaleFeature {
  let system = [...systemLanguages];
  const view = (): LocaleView => resolveLocale(ctx.settings.effective().language, system);
  let current = view();
  translator.setLanguage(current.language);

  const update = () => {
    const next = view();
    if (
      next.language === current.language &&
      next.systemLanguage === current.systemLanguage &&
      next.setting === current.setting &&
      next.intlLocale === current.intlLocale
    ) {
      return;
    }
    current = next;
    translator.setLanguage(next.language);
    ctx.logger.info(`language: ${next.language} (setting ${next.setting})`);
    ctx.emit('locale', next);
  };

  const unsubscribe = ctx.settings.onChange(update);
  return {
    handlers: { getLocale: () => current },
    view: () => current,
    setSystemLanguages(languages) {
      system = [...languages];
      update();
    },
    dispose: unsubscribe,
  };
}
