import type { Language } from '../src/core/locale/language';
import de from './de/index';
import en from './en/index';
import es from './es/index';
import type { LanguageResources } from './index';

/**
 * Every language at once, for the Node hosts (Electron main, web host, CLI), which
 * translate notifications, the tray and content without waiting. Never the renderer:
 * it loads one language through `loadLanguage`.
 */
export const ALL_RESOURCES: Record<Language, LanguageResources> = { en, de, es };
