/**
 * The therapy cap. Cold and heat sessions are 10–15 min and never more than 20
 * (MPFT NHS "Safe use of cold/heat treatment"; Cleveland Clinic). Every door that
 * takes a session length reads these constants: core, contract, settings and policy
 * schemas, CLI and the UI slider.
 */
export const THERAPY_MAX_MINUTES = 20;
export const THERAPY_MIN_MINUTES = 1;
export const THERAPY_DEFAULT_MINUTES = 15;

/**
 * The rest between two sessions of one kind never goes under this, whatever a setting
 * or a policy says, nor under the length of the session just ended (which the cap keeps
 * at 20 minutes or less): "20 minutes on, 20 off" is the shortest rest any source gives
 * (Cleveland Clinic); MPFT NHS asks for 2–3 hours between cold sessions and skin back
 * to normal first. The default rest is an hour (core/settings/settings.ts).
 */
export const THERAPY_MIN_REST_MINUTES = 20;

/**
 * A session that ended this long before anyone could be told (the machine slept, or
 * Unhunch was closed) is told as "ended N minutes ago" rather than "is over": the one
 * rule the notification and the page both follow, sent to them in the therapy view.
 */
export const THERAPY_LATE_NOTICE_MS = 60_000;
