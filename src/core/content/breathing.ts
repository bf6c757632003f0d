import { CITATIONS, type Sources } from './citations';

/**
 * Guided breathing (docs/sources.md, "Breathing and relaxation"): each pattern is a
 * cycle of timed phases repeated for a number of rounds, and `pacerAt` says where a
 * session stands at any elapsed time, so the renderer can draw it from its own
 * animation frame or announce phase changes only (reduced motion, screen readers).
 * Words live in locales/<lang>/health.json under `breathing.*`.
 */

export type BreathPhaseKind = 'inhale' | 'hold' | 'exhale' | 'hold-empty';

export interface BreathPhase {
  kind: BreathPhaseKind;
  seconds: number;
  /** Locale key (namespace `health`) of the short cue shown and announced. */
  cue: string;
}

export type BreathingPatternId = 'diaphragmatic' | 'calm' | 'box' | '4-7-8';

/** How long a session lasts: counted in rounds, or in minutes of whole rounds. */
export type SessionLength =
  | { unit: 'rounds'; default: number; min: number; max: number }
  | { unit: 'minutes'; default: number; min: number; max: number };

export interface BreathingPattern {
  id: BreathingPatternId;
  phases: readonly [BreathPhase, ...BreathPhase[]];
  length: SessionLength;
  source: Sources;
}

const cue = (name: string) => `breathing.cue.${name}`;

export const BREATHING_PATTERNS = [
  {
    // Cleveland Clinic gives no count per breath; the pacing borrows the NHS's 5 in,
    // 5 out. 5–10 min, 3–4 times a day: the default is the short end.
    id: 'diaphragmatic',
    phases: [
      { kind: 'inhale', seconds: 5, cue: cue('inBelly') },
      { kind: 'exhale', seconds: 5, cue: cue('outPursedLips') },
    ],
    length: { unit: 'minutes', default: 5, min: 5, max: 10 },
    source: [CITATIONS.clevelandClinic],
  },
  {
    // In through the nose, out through the mouth, counting 1–5 each way, no hold; 3–5 min.
    id: 'calm',
    phases: [
      { kind: 'inhale', seconds: 5, cue: cue('inNose') },
      { kind: 'exhale', seconds: 5, cue: cue('outMouth') },
    ],
    length: { unit: 'minutes', default: 3, min: 3, max: 5 },
    source: [CITATIONS.nhs],
  },
  {
    // At least 4 rounds; about 4 minutes (15 rounds of 16 s) at most.
    id: 'box',
    phases: [
      { kind: 'inhale', seconds: 4, cue: cue('in') },
      { kind: 'hold', seconds: 4, cue: cue('hold') },
      { kind: 'exhale', seconds: 4, cue: cue('out') },
      { kind: 'hold-empty', seconds: 4, cue: cue('holdEmpty') },
    ],
    length: { unit: 'rounds', default: 4, min: 4, max: 15 },
    source: [CITATIONS.boxBreathing],
  },
  {
    // No more than 4 cycles at once in the first month. Unhunch does not track the
    // month, so the cap always holds.
    id: '4-7-8',
    phases: [
      { kind: 'inhale', seconds: 4, cue: cue('inNose') },
      { kind: 'hold', seconds: 7, cue: cue('hold') },
      { kind: 'exhale', seconds: 8, cue: cue('outMouthWhoosh') },
    ],
    length: { unit: 'rounds', default: 4, min: 1, max: 4 },
    source: [CITATIONS.weil],
  },
] as const satisfies readonly BreathingPattern[];

export function breathingPattern(id: BreathingPatternId): BreathingPattern {
  return BREATHING_PATTERNS.find((pattern) => pattern.id === id)!;
}

/** Locale keys (namespace `health`) for a pattern's name, summary, steps and caution. */
export function breathingPatternKeys(id: BreathingPatternId): {
  name: string;
  summary: string;
  steps: string;
  caution: string;
} {
  const base = `breathing.patterns.${id}`;
  return {
    name: `${base}.name`,
    summary: `${base}.summary`,
    steps: `${base}.steps`,
    caution: `${base}.caution`,
  };
}

export function cycleMs(pattern: BreathingPattern): number {
  return pattern.phases.reduce((sum, phase) => sum + phase.seconds * 1000, 0);
}

/**
 * The rounds a session runs: the request (rounds, or minutes for a minutes pattern)
 * clamped to the pattern's range, the default without one. Minutes become whole
 * rounds, rounding up so a session is never cut short mid-breath.
 */
export function sessionRounds(pattern: BreathingPattern, requested?: number): number {
  const { length } = pattern;
  const wanted =
    requested === undefined || !Number.isFinite(requested) ? length.default : requested;
  const clamped = Math.min(length.max, Math.max(length.min, wanted));
  if (length.unit === 'rounds') return Math.max(1, Math.floor(clamped));
  return Math.max(1, Math.ceil((clamped * 60_000) / cycleMs(pattern)));
}

export function sessionMs(pattern: BreathingPattern, requested?: number): number {
  return sessionRounds(pattern, requested) * cycleMs(pattern);
}

export interface PacerState {
  phase: BreathPhaseKind;
  phaseIndex: number;
  /** 1-based; stays at `rounds` once done. */
  round: number;
  rounds: number;
  /** Counts phases across rounds: when it changes, announce `cue`. */
  step: number;
  cue: string;
  /** 0 at the start of the phase, 1 at its end. */
  phaseProgress: number;
  /** Whole seconds, rounded up, for a countdown ("4, 3, 2, 1"). */
  secondsLeftInPhase: number;
  msLeftInPhase: number;
  done: boolean;
}

/**
 * Where a session of `pattern` stands `elapsedMs` after it began. Pure: the renderer
 * calls it every frame, a reduced-motion view schedules its next look at
 * `msLeftInPhase`. `requested` is as for `sessionRounds`.
 */
export function pacerAt(
  pattern: BreathingPattern,
  elapsedMs: number,
  requested?: number,
): PacerState {
  const rounds = sessionRounds(pattern, requested);
  const cycle = cycleMs(pattern);
  const elapsed = Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : 0;
  const lastIndex = pattern.phases.length - 1;

  if (elapsed >= rounds * cycle) {
    const last = pattern.phases[lastIndex]!;
    return {
      phase: last.kind,
      phaseIndex: lastIndex,
      round: rounds,
      rounds,
      step: rounds * pattern.phases.length - 1,
      cue: last.cue,
      phaseProgress: 1,
      secondsLeftInPhase: 0,
      msLeftInPhase: 0,
      done: true,
    };
  }

  const roundIndex = Math.floor(elapsed / cycle);
  let intoPhase = elapsed - roundIndex * cycle;
  let phaseIndex = 0;
  let phase = pattern.phases[0];
  for (const [index, candidate] of pattern.phases.entries()) {
    phaseIndex = index;
    phase = candidate;
    if (intoPhase < candidate.seconds * 1000 || index === lastIndex) break;
    intoPhase -= candidate.seconds * 1000;
  }
  const phaseMs = phase.seconds * 1000;
  const msLeft = Math.max(0, phaseMs - intoPhase);
  return {
    phase: phase.kind,
    phaseIndex,
    round: roundIndex + 1,
    rounds,
    step: roundIndex * pattern.phases.length + phaseIndex,
    cue: phase.cue,
    phaseProgress: Math.min(1, Math.max(0, intoPhase / phaseMs)),
    secondsLeftInPhase: Math.ceil(msLeft / 1000),
    msLeftInPhase: msLeft,
    done: false,
  };
}

/** The smallest size of the breathing shape, as a share of its full size. */
export const SHAPE_MIN_SIZE = 0.4;

/**
 * How big the breathing shape is, from SHAPE_MIN_SIZE (lungs empty) to 1 (full):
 * it grows on the in-breath, stays full on a hold, shrinks on the out-breath and
 * stays small on the empty hold. With reduced motion, draw it at the phase's end
 * size instead of animating.
 */
export function shapeSize(state: PacerState): number {
  const span = 1 - SHAPE_MIN_SIZE;
  switch (state.phase) {
    case 'inhale':
      return SHAPE_MIN_SIZE + span * state.phaseProgress;
    case 'hold':
      return 1;
    case 'exhale':
      return 1 - span * state.phaseProgress;
    case 'hold-empty':
      return SHAPE_MIN_SIZE;
  }
}
