import type { LanguageResources } from '../index';
import core from './core';
import more from './more';

/** German: the same keys as ../en (tests/unit/i18n/locales.test.ts), in two chunks in the renderer (./core and ./more). */
export default { ...core, ...more } satisfies LanguageResources;
