import { THERAPY_MAX_MINUTES, THERAPY_MIN_REST_MINUTES } from '../therapy/limits';
import { MINUTE } from '../time/duration';
import { CITATIONS, type Sources } from './citations';

/**
 * What to know before putting heat or ice on your back (docs/sources.md, "Heat and
 * ice"), as data the therapy timer shows. Words live in locales/<lang>/health.json
 * under `therapy.*`: `therapy.steps.<id>`, `therapy.cautions.<id>`,
 * `therapy.choices.<id>`.
 */

export type TherapyKind = 'heat' | 'ice';

export interface TherapySafetyStep {
  id: string;
  appliesTo: readonly TherapyKind[];
  /**
   * Shown on every session and never dismissable: the barrier between skin and pack
   * is what prevents cold and heat burns.
   */
  alwaysShown: boolean;
  source: Sources;
}

const {
  mpftCold,
  mpftHeat,
  moveBetterGwent,
  blackpool,
  clevelandClinic,
  clevelandIce,
  mizzou,
  diabetesOt,
  spineHealth,
  cochrane,
  nhs,
} = CITATIONS;

export const THERAPY_SAFETY_STEPS = [
  { id: 'ice-wrapped', appliesTo: ['ice'], alwaysShown: true, source: [mpftCold, moveBetterGwent] },
  {
    id: 'heat-wrapped',
    appliesTo: ['heat'],
    alwaysShown: true,
    source: [mpftHeat, moveBetterGwent],
  },
  // Water 40–45 °C, never boiling; a pad on its lowest setting with auto-off, never lain on.
  { id: 'heat-warm-not-hot', appliesTo: ['heat'], alwaysShown: false, source: [mpftHeat, mizzou] },
  {
    id: 'session-length',
    appliesTo: ['heat', 'ice'],
    alwaysShown: false,
    source: [mpftCold, mpftHeat, clevelandIce],
  },
  {
    id: 'check-skin',
    appliesTo: ['heat', 'ice'],
    alwaysShown: false,
    source: [mpftCold, mpftHeat],
  },
  // Cold goes cold → burning → aching → numb; pinkness is normal, burning pain is not.
  {
    id: 'remove-when-numb-or-burning',
    appliesTo: ['ice'],
    alwaysShown: false,
    source: [blackpool, mpftCold],
  },
  { id: 'remove-heat-if-burning', appliesTo: ['heat'], alwaysShown: false, source: [mpftHeat] },
  {
    id: 'never-sleep',
    appliesTo: ['heat', 'ice'],
    alwaysShown: false,
    source: [mpftCold, mpftHeat, spineHealth],
  },
  // Erythema ab igne ("toasted skin") from repeated low heat.
  { id: 'repeated-heat', appliesTo: ['heat'], alwaysShown: false, source: [mizzou] },
  {
    id: 'rest-between',
    appliesTo: ['heat', 'ice'],
    alwaysShown: false,
    source: [mpftCold],
  },
] as const satisfies readonly TherapySafetyStep[];

/**
 * Numbers the steps' words interpolate (`session-length`, `rest-between`), from the
 * person's effective therapy settings and never above the hard cap.
 */
export function therapySafetyValues(therapy: {
  defaultMinutes: number;
  capMinutes: number;
  restBetweenMs: number;
}): { defaultMinutes: number; maxMinutes: number; restMinutes: number } {
  const maxMinutes = Math.min(therapy.capMinutes, THERAPY_MAX_MINUTES);
  return {
    defaultMinutes: Math.min(therapy.defaultMinutes, maxMinutes),
    maxMinutes,
    restMinutes: Math.max(Math.round(therapy.restBetweenMs / MINUTE), THERAPY_MIN_REST_MINUTES),
  };
}

/**
 * Who should ask a doctor, nurse or physiotherapist before using heat or ice
 * ('ask-first'), and where not to use it at all ('avoid').
 */
export interface TherapyCaution {
  id: string;
  appliesTo: readonly TherapyKind[];
  action: 'ask-first' | 'avoid';
  source: Sources;
}

export const THERAPY_CAUTIONS = [
  {
    id: 'heart-condition',
    appliesTo: ['heat', 'ice'],
    action: 'ask-first',
    source: [mpftCold, mpftHeat],
  },
  {
    id: 'poor-circulation',
    appliesTo: ['heat', 'ice'],
    action: 'ask-first',
    source: [mpftCold, mpftHeat],
  },
  {
    id: 'reduced-sensation',
    appliesTo: ['heat', 'ice'],
    action: 'ask-first',
    source: [mpftCold, mpftHeat],
  },
  // Neuropathy hides burns: extra layers and ~10 min sessions (secondary).
  {
    id: 'diabetes',
    appliesTo: ['heat', 'ice'],
    action: 'ask-first',
    source: [moveBetterGwent, diabetesOt],
  },
  { id: 'raynauds', appliesTo: ['ice'], action: 'ask-first', source: [moveBetterGwent] },
  {
    id: 'skin-condition',
    appliesTo: ['heat', 'ice'],
    action: 'ask-first',
    source: [mpftCold, mpftHeat],
  },
  {
    id: 'fever-or-infection',
    appliesTo: ['heat', 'ice'],
    action: 'ask-first',
    source: [mpftCold, mpftHeat],
  },
  {
    id: 'past-reaction',
    appliesTo: ['heat', 'ice'],
    action: 'ask-first',
    source: [mpftCold, mpftHeat],
  },
  {
    id: 'cancer-history',
    appliesTo: ['heat', 'ice'],
    action: 'ask-first',
    source: [mpftCold, mpftHeat],
  },
  { id: 'dvt', appliesTo: ['heat'], action: 'avoid', source: [clevelandClinic] },
  {
    id: 'broken-or-numb-skin',
    appliesTo: ['heat', 'ice'],
    action: 'avoid',
    source: [moveBetterGwent, clevelandClinic],
  },
  // No heat on fresh swelling or bruising, in the first 24–48 h after an injury.
  { id: 'fresh-injury-heat', appliesTo: ['heat'], action: 'avoid', source: [clevelandClinic] },
] as const satisfies readonly TherapyCaution[];

/** Which to reach for. Acute pain is roughly the first 6 weeks (Cleveland Clinic). */
export const ACUTE_PAIN_WEEKS = 6;
/** Values the choices' words interpolate. */
export const THERAPY_CHOICE_VALUES = { acuteWeeks: ACUTE_PAIN_WEEKS } as const;

export interface TherapyChoice {
  id: string;
  kind: TherapyKind | null;
  source: Sources;
}

export const THERAPY_CHOICES = [
  { id: 'ice-for-new', kind: 'ice', source: [clevelandClinic] },
  { id: 'heat-for-stiffness', kind: 'heat', source: [clevelandClinic] },
  // Heat wraps: small short-term relief in acute and subacute low back pain (9 trials,
  // 1,117 people); not enough evidence on cold; packs are no long-term solution.
  { id: 'evidence', kind: null, source: [cochrane, nhs] },
] as const satisfies readonly TherapyChoice[];

/** The steps to show for a session of `kind`, undismissable ones first. */
export function safetyStepsFor(
  kind: TherapyKind,
  dismissed: ReadonlySet<string> = new Set(),
): TherapySafetyStep[] {
  const steps: TherapySafetyStep[] = THERAPY_SAFETY_STEPS.filter((step) =>
    (step.appliesTo as readonly TherapyKind[]).includes(kind),
  );
  return [
    ...steps.filter((step) => step.alwaysShown),
    ...steps.filter((step) => !step.alwaysShown && !dismissed.has(step.id)),
  ];
}

/** Whether a person may hide a step: never for an `alwaysShown` one. */
export function canDismissSafetyStep(id: string): boolean {
  const step = THERAPY_SAFETY_STEPS.find((candidate) => candidate.id === id);
  return step !== undefined && !step.alwaysShown;
}

export function therapyStepKey(id: string): string {
  return `therapy.steps.${id}`;
}
export function therapyCautionKey(id: string): string {
  return `therapy.cautions.${id}`;
}
export function therapyChoiceKey(id: string): string {
  return `therapy.choices.${id}`;
}
