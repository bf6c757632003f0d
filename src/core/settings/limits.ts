import { THERAPY_MIN_REST_MINUTES } from '../therapy/limits';
import { HOUR, MINUTE, SECOND } from '../time/duration';

/**
 * The allowed range of every numeric setting: the settings and policy schemas enforce
 * them, and the settings page names them in its messages. Durations are in ms. The
 * therapy minutes are decided in core/therapy/limits.ts and not repeated here.
 */
export interface SettingRange {
  min: number;
  max: number;
}

export const SETTING_LIMITS = {
  'microBreak.every': { min: MINUTE, max: 4 * HOUR },
  'microBreak.duration': { min: 5 * SECOND, max: 30 * MINUTE },
  'longBreak.every': { min: 5 * MINUTE, max: 8 * HOUR },
  'longBreak.duration': { min: MINUTE, max: 2 * HOUR },
  warningBefore: { min: 0, max: 30 * MINUTE },
  'postpone.duration': { min: MINUTE, max: 2 * HOUR },
  'postpone.maxPerBreak': { min: 0, max: 20 },
  'skip.maxPerDay': { min: 0, max: 100 },
  /** Never under THERAPY_MIN_REST_MINUTES (core/therapy/limits.ts, with its sources). */
  'therapy.restBetween': { min: THERAPY_MIN_REST_MINUTES * MINUTE, max: 24 * HOUR },
  'notifications.volume': { min: 0, max: 100 },
  'history.keepDays': { min: 1, max: 3650 },
  'deferral.maxMinutes': { min: 0, max: 240 },
  'sitStand.sitMinutes': { min: 5, max: 120 },
  'sitStand.standMinutes': { min: 1, max: 60 },
  'sitStand.moveMinutes': { min: 0, max: 30 },
} as const satisfies Record<string, SettingRange>;

export type LimitedSetting = keyof typeof SETTING_LIMITS;

/** A year of history unless the user or their organisation says otherwise. */
export const HISTORY_KEEP_DAYS_DEFAULT = 365;
