import type { LanguageResources } from '../index';
import breaks from './breaks.json';
import checkin from './checkin.json';
import checklist from './checklist.json';
import common from './common.json';
import exercises from './exercises.json';
import focus from './focus.json';
import health from './health.json';
import settings from './settings.json';
import stats from './stats.json';
import therapy from './therapy.json';

/** German: the same keys as ../en (tests/unit/i18n/locales.test.ts), one chunk in the renderer. */
export default {
  common,
  exercises,
  checklist,
  health,
  therapy,
  breaks,
  settings,
  stats,
  focus,
  checkin,
} satisfies LanguageResources;
