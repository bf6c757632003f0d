import type { Routine, Settings } from '../settings/settings';

/**
 * The weekly check-in's reminder: a routine of the timer service, like the checklist
 * re-check, armed only while the person has turned the check-in on. Its id is
 * reserved: no routines list (a settings file, a policy) may use it.
 */
export const CHECKIN_ROUTINE_ID = 'weekly-checkin';
/** Fridays at 14:00: late enough in the working week to look back on it. */
export const CHECKIN_DEFAULT_CRON = '0 14 * * 5';

/** The routines the timer service arms: the settings' own and, when on, the check-in's. */
export function routinesInForce(settings: Pick<Settings, 'routines' | 'checkin'>): Routine[] {
  const own = settings.routines.filter((routine) => routine.id !== CHECKIN_ROUTINE_ID);
  return settings.checkin.enabled
    ? [...own, { id: CHECKIN_ROUTINE_ID, cron: settings.checkin.cron }]
    : own;
}
