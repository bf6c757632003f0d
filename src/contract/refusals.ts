/**
 * Every code a refused call or a rejected setting can carry across the contract. The
 * words live in `common:refusals.<code>` of each locale (a code with a `count` param has
 * plural keys); `refusalText` (i18n.ts) turns a code and its params into them. Params are
 * numbers, ids and paths, never words.
 */
export const REFUSAL_CODES = [
  // The timer (src/core/breaks).
  'break-on',
  'paused',
  'outside-work-hours',
  'breaks-off',
  'strict-postpone',
  'already-postponed',
  'nothing-to-postpone',
  'postpone-off',
  'postpone-limit',
  'strict-skip',
  'nothing-to-skip',
  'no-skips-left',
  'finish-break-first',
  'not-paused',
  'stopped',
  'pause-too-short',
  'time-passed',
  'no-therapy-running',
  // Heat and ice (src/core/therapy, src/app/features/therapy.ts).
  'therapy-running',
  'therapy-too-short',
  'therapy-not-whole',
  'therapy-over-cap',
  'therapy-resting',
  'therapy-awaiting-ack',
  'therapy-over-policy-cap',
  'therapy-resting-until',
  'therapy-nothing-to-acknowledge',
  'therapy-step-always-shown',
  // A disk that would not take the change.
  'save-failed',
  // Settings: a change refused as a whole, and one issue of a value or a file.
  'settings-managed',
  'settings-invalid',
  'setting-locked',
  'setting-range',
  'setting-too-small',
  'setting-too-big',
  'setting-invalid',
  'setting-unknown-keys',
  'file-not-json',
  'file-not-object',
  'file-unreadable-version',
  // Exercises, the checklist, the check-in, the history, health links.
  'exercise-unknown',
  'exercise-not-own',
  'checklist-no-answers',
  'checklist-invalid-answers',
  'checkin-invalid-answer',
  'history-clear-failed',
  'link-not-offered',
  'links-unavailable',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** What a refusal's words need: numbers, ids and paths, never words. */
export type RefusalParams = Record<string, string | number>;

/** A refusal as it crosses the contract. */
export interface Refusal {
  code: RefusalCode;
  params?: RefusalParams;
}
