import breaks from './en/breaks.json';
import checklist from './en/checklist.json';
import common from './en/common.json';
import exercises from './en/exercises.json';
import focus from './en/focus.json';
import health from './en/health.json';
import settings from './en/settings.json';
import stats from './en/stats.json';
import therapy from './en/therapy.json';

/**
 * Every user-visible string, by language and namespace. `common` is the app's chrome;
 * `exercises`, `checklist` and `health` (red flags, breathing, therapy safety) hold the
 * words of the typed content in src/core/content, which carries only ids and sources.
 */
export const NAMESPACES = [
  'common',
  'exercises',
  'checklist',
  'health',
  'therapy',
  'breaks',
  'settings',
  'stats',
  'focus',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const RESOURCES = {
  en: { common, exercises, checklist, health, therapy, breaks, settings, stats, focus },
} as const;

export type Language = keyof typeof RESOURCES;
export const LANGUAGES = Object.keys(RESOURCES) as Language[];
