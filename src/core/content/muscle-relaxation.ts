import { CITATIONS, type Sources } from './citations';

/**
 * Progressive muscle relaxation (docs/sources.md, "Breathing and relaxation"; Mayo
 * Clinic News Network): tense one muscle group at about 70% for 5–10 s, never to the
 * point of pain, then let go and relax for 10–30 s, group by group, about 15 minutes
 * in all. `pmrStepAt` says where a session stands at any elapsed time, like the
 * breathing pacer. Words live in locales/<lang>/health.json under `pmr.*`.
 */

export const MUSCLE_GROUPS = [
  'right-hand',
  'right-arm',
  'left-hand',
  'left-arm',
  'forehead',
  'eyes',
  'jaw',
  'neck',
  'shoulders',
  'upper-back',
  'stomach',
  'hips',
  'right-leg',
  'right-foot',
  'left-leg',
  'left-foot',
] as const;
export type MuscleGroup = (typeof MUSCLE_GROUPS)[number];

export type PmrStep =
  | { kind: 'settle'; seconds: number }
  | { kind: 'group'; group: MuscleGroup; tenseSeconds: number; relaxSeconds: number }
  | { kind: 'rest'; seconds: number };

export interface PmrSequence {
  id: string;
  steps: readonly PmrStep[];
  source: Sources;
}

/** Tense at the short, gentler end of 5–10 s; relax for the full 30 s. */
export const PMR_TENSE_SECONDS = 7;
export const PMR_RELAX_SECONDS = 30;

/**
 * Hands and arms, face, neck, shoulders and upper back, trunk, legs and feet:
 * 2 min settling, 16 groups of 37 s, 3 min resting at the end ≈ 14 min 52 s.
 */
export const PMR_FULL_BODY: PmrSequence = {
  id: 'full-body',
  steps: [
    { kind: 'settle', seconds: 120 },
    ...MUSCLE_GROUPS.map(
      (group): PmrStep => ({
        kind: 'group',
        group,
        tenseSeconds: PMR_TENSE_SECONDS,
        relaxSeconds: PMR_RELAX_SECONDS,
      }),
    ),
    { kind: 'rest', seconds: 180 },
  ],
  source: [CITATIONS.mayoNewsNetwork],
};

/** Locale keys (namespace `health`) of the cautions shown before every session. */
export const PMR_CAUTION_KEYS = [
  'pmr.cautions.neverPainful',
  'pmr.cautions.skipInjured',
  'pmr.cautions.askFirst',
  'pmr.cautions.stop',
] as const;

export function muscleGroupKeys(group: MuscleGroup): { name: string; tense: string } {
  return { name: `pmr.groups.${group}.name`, tense: `pmr.groups.${group}.tense` };
}

/** The same sequence without the groups a person skips (an injured area, say). */
export function pmrWithout(sequence: PmrSequence, skipped: readonly MuscleGroup[]): PmrSequence {
  const skip = new Set(skipped);
  return {
    ...sequence,
    steps: sequence.steps.filter((step) => step.kind !== 'group' || !skip.has(step.group)),
  };
}

export type PmrPhase = 'settle' | 'tense' | 'relax' | 'rest';

interface TimedPhase {
  stepIndex: number;
  phase: PmrPhase;
  group: MuscleGroup | null;
  ms: number;
  cue: string;
}

function timeline(sequence: PmrSequence): TimedPhase[] {
  const phases: TimedPhase[] = [];
  for (const [stepIndex, step] of sequence.steps.entries()) {
    if (step.kind === 'group') {
      const { group } = step;
      phases.push(
        {
          stepIndex,
          phase: 'tense',
          group,
          ms: step.tenseSeconds * 1000,
          cue: muscleGroupKeys(group).tense,
        },
        { stepIndex, phase: 'relax', group, ms: step.relaxSeconds * 1000, cue: 'pmr.cue.relax' },
      );
    } else {
      phases.push({
        stepIndex,
        phase: step.kind,
        group: null,
        ms: step.seconds * 1000,
        cue: `pmr.cue.${step.kind}`,
      });
    }
  }
  return phases;
}

export function pmrSessionMs(sequence: PmrSequence): number {
  return timeline(sequence).reduce((sum, phase) => sum + phase.ms, 0);
}

export interface PmrState {
  stepIndex: number;
  steps: number;
  phase: PmrPhase;
  /** The group being tensed or relaxed; null while settling or resting. */
  group: MuscleGroup | null;
  /** Locale key (namespace `health`) to show and announce when the phase begins. */
  cue: string;
  phaseProgress: number;
  secondsLeftInPhase: number;
  msLeftInPhase: number;
  done: boolean;
}

/** Where a session of `sequence` stands `elapsedMs` after it began. */
export function pmrStepAt(sequence: PmrSequence, elapsedMs: number): PmrState {
  const phases = timeline(sequence);
  const elapsed = Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : 0;
  let start = 0;
  for (const timed of phases) {
    if (elapsed < start + timed.ms) {
      const into = elapsed - start;
      const msLeft = timed.ms - into;
      return {
        stepIndex: timed.stepIndex,
        steps: sequence.steps.length,
        phase: timed.phase,
        group: timed.group,
        cue: timed.cue,
        phaseProgress: Math.min(1, Math.max(0, into / timed.ms)),
        secondsLeftInPhase: Math.ceil(msLeft / 1000),
        msLeftInPhase: msLeft,
        done: false,
      };
    }
    start += timed.ms;
  }
  const last = phases.at(-1);
  return {
    stepIndex: Math.max(0, sequence.steps.length - 1),
    steps: sequence.steps.length,
    phase: last?.phase ?? 'rest',
    group: last?.group ?? null,
    cue: last?.cue ?? 'pmr.cue.rest',
    phaseProgress: 1,
    secondsLeftInPhase: 0,
    msLeftInPhase: 0,
    done: true,
  };
}
