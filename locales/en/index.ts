import type { LanguageResources } from '../index';
import core from './core';
import more from './more';

/** English, complete: the fallback and the reference for the other languages, in two chunks in the renderer (./core and ./more). */
export default { ...core, ...more } satisfies LanguageResources;
