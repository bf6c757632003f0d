import type { Language } from '../src/core/locale/language';
import deCore from './de/core';
import deMore from './de/more';
import enCore from './en/core';
import enMore from './en/more';
import esCore from './es/core';
import esMore from './es/more';
import { joinParts, type LanguageResources } from './index';

/**
 * Every language at once, for the Node hosts (Electron main, web host, CLI), which
 * translate notifications, the tray and content without waiting. Never the renderer:
 * it loads one language, in two parts, through `loadLanguagePart`.
 */
export const ALL_RESOURCES: Record<Language, LanguageResources> = {
  en: joinParts(enCore, enMore),
  de: joinParts(deCore, deMore),
  es: joinParts(esCore, esMore),
};
