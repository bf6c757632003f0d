import { CITATIONS, type Sources } from '../content/citations';
import { NOT_IMPROVING_WEEKS, RED_FLAG_GROUPS } from '../content/red-flags';

/**
 * The weekly upper-back check-in's decisions (docs/checkin.md): what the person's
 * answers call for. Unhunch gives no diagnosis; it points to the same advice as the
 * About your health page, at once, and otherwise to a GP or physiotherapist.
 */

/** The 0–10 numeric rating scale of the two questions. */
export const NRS_MIN = 0;
export const NRS_MAX = 10;

/**
 * New pain above this (6 or more of 10) is worth a professional's look. docs/sources.md gives
 * no pain score for it, so this is the product's rule, not a source's; around it we
 * take the wider net: a first check-in counts as new pain (docs/checkin.md).
 */
export const NEW_PAIN_ABOVE = 5;

/** Weekly check-ins are not exactly 7 days apart; a day's slack keeps "2 weeks" from slipping a week. */
const WEEK_MS = 7 * 86_400_000;
const SLACK_MS = 86_400_000;
export const NOT_IMPROVING_MS = NOT_IMPROVING_WEEKS * WEEK_MS - SLACK_MS;
/** Check-ins this close before the newest are "recent": pain in one of them is not new. */
const RECENT_MS = NOT_IMPROVING_WEEKS * WEEK_MS + SLACK_MS;

/** The red-flag groups the check-in asks about, one yes/no each, most urgent first. */
export const CHECKIN_RED_FLAG_GROUPS = ['emergency', 'urgent'] as const;
export type CheckinRedFlagGroup = (typeof CHECKIN_RED_FLAG_GROUPS)[number];

/**
 * Signs of the urgent group that describe the person rather than something new this
 * week (age, a past cancer, the immune system): "new this week?" cannot be asked of
 * them, so the check-in lists the others. The About your health page lists all.
 */
const STANDING_SIGNS: ReadonlySet<string> = new Set([
  'new-pain-age',
  'cancer-history',
  'immune-or-drugs',
  'osteoporosis-or-steroids',
]);

/** The signs listed under each yes/no question, by the health content's ids. */
export function checkinRedFlagSigns(group: CheckinRedFlagGroup): string[] {
  const found = RED_FLAG_GROUPS.find((g) => g.urgency === group);
  return (found?.signs ?? []).map((sign) => sign.id).filter((id) => !STANDING_SIGNS.has(id));
}

export interface CheckinAnswers {
  /** Upper-back pain over the last week, 0 (none) to 10 (worst imaginable). */
  pain: number;
  /** How much it got in the way of work, 0 (not at all) to 10 (completely). */
  interference: number;
  /** "Any of these new this week?" for each group. */
  redFlags: Record<CheckinRedFlagGroup, boolean>;
}

export interface Checkin extends CheckinAnswers {
  /** Wall-clock epoch ms of the answer. */
  at: number;
}

export type SeeProfessionalReason = 'not-improving' | 'getting-worse' | 'new-pain';

export type CheckinAdvice =
  /** The About your health page's advice for that group, shown at once. */
  | { kind: 'red-flag'; urgency: CheckinRedFlagGroup; source: Sources }
  /** A plain "see a GP or physiotherapist" (with the organisation's link where there is one). */
  | { kind: 'see-professional'; reason: SeeProfessionalReason; source: Sources }
  | { kind: 'none' };

export type CheckinCheck = { ok: true } | { ok: false; path: string; error: string };

/** Answers outside the scale are refused with the field and the range named. */
export function checkAnswers(answers: CheckinAnswers): CheckinCheck {
  for (const field of ['pain', 'interference'] as const) {
    const value = answers[field];
    if (!Number.isInteger(value) || value < NRS_MIN || value > NRS_MAX) {
      return {
        ok: false,
        path: field,
        error: `${field} must be a whole number from ${NRS_MIN} to ${NRS_MAX}, got ${value}`,
      };
    }
  }
  return { ok: true };
}

const { nhs, nhsInform, niceCks } = CITATIONS;

/** Sources of each rule, kept with the rule so tests and docs cite the same. */
export const TRIAGE_SOURCES = {
  redFlag: [nhs, niceCks],
  notImproving: [nhsInform, nhs],
  gettingWorse: [nhs],
  newPain: [niceCks, nhs],
} as const satisfies Record<string, Sources>;

/**
 * What the newest check-in calls for, given every check-in kept (any order):
 * 1. a red flag that is new this week: that group's advice, the emergency group first;
 * 2. pain that has not improved over 2 weeks: it was there 2 weeks ago (the newest
 *    check-in at least that old), in every check-in since, and is no lower now;
 * 3. pain getting worse: higher than at the check-in before, which also had pain;
 * 4. new pain above 5: no check-in in the 2 weeks before reported any pain.
 */
export function triageCheckin(checkins: readonly Checkin[]): CheckinAdvice {
  const sorted = [...checkins].sort((a, b) => a.at - b.at);
  const latest = sorted.at(-1);
  if (!latest) return { kind: 'none' };

  for (const group of CHECKIN_RED_FLAG_GROUPS) {
    if (latest.redFlags[group]) {
      return { kind: 'red-flag', urgency: group, source: TRIAGE_SOURCES.redFlag };
    }
  }
  if (latest.pain === 0) return { kind: 'none' };

  const earlier = sorted.slice(0, -1);
  const windowStart = earlier.findLast((c) => latest.at - c.at >= NOT_IMPROVING_MS);
  if (windowStart && windowStart.pain > 0) {
    const since = earlier.filter((c) => c.at >= windowStart.at);
    const painThroughout = since.every((c) => c.pain > 0);
    if (painThroughout && latest.pain >= windowStart.pain) {
      return {
        kind: 'see-professional',
        reason: 'not-improving',
        source: TRIAGE_SOURCES.notImproving,
      };
    }
  }

  const recent = earlier.filter((c) => latest.at - c.at <= RECENT_MS);
  const previous = recent.at(-1);
  if (previous && previous.pain > 0 && latest.pain > previous.pain) {
    return {
      kind: 'see-professional',
      reason: 'getting-worse',
      source: TRIAGE_SOURCES.gettingWorse,
    };
  }
  const painIsNew = recent.every((c) => c.pain === 0);
  if (painIsNew && latest.pain > NEW_PAIN_ABOVE) {
    return { kind: 'see-professional', reason: 'new-pain', source: TRIAGE_SOURCES.newPain };
  }
  return { kind: 'none' };
}
