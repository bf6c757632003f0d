/**
 * The ranges of the settings, for the settings page: the same constants the settings
 * schema enforces, without zod, so the page bundle stays small.
 */
export { LANGUAGE_SETTINGS, type LanguageSetting } from '../core/locale/language';
export { type LimitedSetting, SETTING_LIMITS, type SettingRange } from '../core/settings/limits';
export { THEME_SETTINGS, type ThemeSetting } from '../core/settings/settings';
export { THERAPY_MAX_MINUTES, THERAPY_MIN_MINUTES } from '../core/therapy/limits';
export { formatDuration, parseDuration } from '../core/time/duration';

/** The most an imported settings file may hold (the WebSocket takes 64 KB a message). */
export const MAX_SETTINGS_IMPORT_CHARS = 60_000;
