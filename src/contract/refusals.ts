import type { z } from 'zod';

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
  'text-too-short',
  'text-too-long',
  'list-too-short',
  'list-too-long',
  'file-not-json',
  'file-not-object',
  'file-unreadable-version',
  // Exercises, the checklist, the check-in, the history, health links.
  'exercise-unknown',
  'exercise-not-own',
  'exercise-gone',
  'exercise-dose-too-long',
  'exercise-dose-over-micro',
  'picture-too-big',
  'picture-unreadable',
  'picture-wrong-type',
  'picture-empty',
  'picture-not-what-it-claims',
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

const isRefusalCode = (code: unknown): code is RefusalCode =>
  typeof code === 'string' && (REFUSAL_CODES as readonly string[]).includes(code);

/**
 * One zod issue as a code and numbers (zod's English `message` stays in logs and the
 * CLI): a custom issue names its own `params.code`, or gives `min`/`max`; a length or a
 * number out of bounds names its bound; anything else is `setting-invalid`.
 */
export function refusalOfIssue(issue: z.core.$ZodIssue): Refusal {
  if (issue.code === 'unrecognized_keys') {
    return { code: 'setting-unknown-keys', params: { keys: issue.keys.join(', ') } };
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const small = issue.code === 'too_small';
    const bound = Number(small ? issue.minimum : issue.maximum);
    const params: RefusalParams = small ? { min: bound } : { max: bound };
    if (issue.origin === 'string') {
      return {
        code: small ? 'text-too-short' : 'text-too-long',
        params: { ...params, count: bound },
      };
    }
    if (issue.origin === 'array')
      return { code: small ? 'list-too-short' : 'list-too-long', params };
    return { code: small ? 'setting-too-small' : 'setting-too-big', params };
  }
  if (issue.code === 'custom' && issue.params) {
    const { code, ...rest } = issue.params as Record<string, string | number>;
    if (isRefusalCode(code)) return { code, params: rest };
    const { min, max } = rest;
    if (min !== undefined && max !== undefined)
      return { code: 'setting-range', params: { min, max } };
    if (min !== undefined) return { code: 'setting-too-small', params: { min } };
    if (max !== undefined) return { code: 'setting-too-big', params: { max } };
  }
  return { code: 'setting-invalid' };
}
