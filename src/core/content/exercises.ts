import type { BreakKind } from '../breaks/api';

/**
 * The built-in exercise catalogue: typed data, no prose. Every word a person reads
 * (title, steps, safety cue, why) lives in locales/<lang>/exercises.json under the
 * exercise's id; the picture is assets/exercises/<id>.svg. Doses and sources come
 * from shared/FACTS.md ("Exercises", "Breaks"); where it gives a range we take the
 * gentle end.
 */

export const TARGETS = [
  'upper-back',
  'chest',
  'neck',
  'shoulders',
  'wrists',
  'eyes',
  'whole-body',
  'core',
] as const;
export type Target = (typeof TARGETS)[number];

export const BREAK_KINDS: readonly BreakKind[] = ['micro', 'long'];

/**
 * Where a person does an exercise. A break at the desk shows only `seated` and
 * `standing` ones; `floor` ones need a mat and some privacy, so they live in the
 * core-strength routine at home and are offered for no break.
 */
export const PLACES = ['seated', 'standing', 'floor'] as const;
export type Place = (typeof PLACES)[number];

/** Whether an exercise in `place` may be shown in a break at the desk. */
export function atTheDesk(place: Place | undefined): boolean {
  return place !== 'floor';
}

/** How much of an exercise to do. `perSide` doubles it: once for each side. */
export type Dose =
  | { kind: 'hold'; seconds: number; reps: number; perSide?: boolean }
  /** `secondsPerRep` is the slow tempo we time a rep at; 3 s when not given. */
  | { kind: 'reps'; reps: number; perSide?: boolean; secondsPerRep?: number }
  | { kind: 'timed'; seconds: number };

export interface Exercise {
  /** kebab-case; the key of its words in exercises.json and the name of its picture. */
  id: string;
  target: Target;
  place: Place;
  /** The breaks that may show it; none for a `floor` exercise. */
  breakKinds: readonly BreakKind[];
  dose: Dose;
  /** How many steps exercises.json holds under `<id>.steps.1` … `<id>.steps.<n>`. */
  stepCount: number;
  /** File name in assets/exercises/. */
  illustration: string;
  /** Where the dose and the technique come from, as cited in shared/FACTS.md. */
  source: string;
  /** True when exercises.json has a `<id>.caution`: who should not do it at all. */
  cautionKey?: boolean;
}

/** A micro break lasts 30 s (McLean et al. 2001), so its exercise must fit in it. */
export const MICRO_BREAK_SECONDS = 30;
export const DEFAULT_SECONDS_PER_REP = 3;

/** Seconds of movement a dose asks for, without the time to get into position. */
export function doseSeconds(dose: Dose): number {
  switch (dose.kind) {
    case 'hold':
      return dose.seconds * dose.reps * (dose.perSide ? 2 : 1);
    case 'reps':
      return dose.reps * (dose.secondsPerRep ?? DEFAULT_SECONDS_PER_REP) * (dose.perSide ? 2 : 1);
    case 'timed':
      return dose.seconds;
  }
}

export function fitsMicroBreak(dose: Dose): boolean {
  return doseSeconds(dose) <= MICRO_BREAK_SECONDS;
}

/** The sources in shared/FACTS.md that the catalogue cites. */
export const SOURCES = {
  leedsNhs: 'Leeds Community Healthcare NHS',
  stretchDose: 'ACSM 2021; Harvard Health',
  strengthening: 'Chen et al. 2018 (Physical Therapy); NHS Inform',
  nhsInform: 'NHS Inform',
  eyes: 'American Optometric Association (secondary)',
  hse: 'HSE (DSE Regulations 1992, L26)',
  moving: 'CCOHS; Cornell (Hedge) 20-8-2',
} as const;

const both: readonly BreakKind[] = ['micro', 'long'];
const longOnly: readonly BreakKind[] = ['long'];
/** A floor exercise is offered for no break: it is for the core routine at home. */
const noBreak: readonly BreakKind[] = [];

function exercise(
  id: string,
  target: Target,
  place: Place,
  breakKinds: readonly BreakKind[],
  dose: Dose,
  stepCount: number,
  source: string,
  cautionKey = false,
): Exercise {
  return {
    id,
    target,
    place,
    breakKinds,
    dose,
    stepCount,
    illustration: `${id}.svg`,
    source,
    ...(cautionKey ? { cautionKey } : {}),
  };
}

const stretch = (seconds: number, perSide = false): Dose => ({
  kind: 'hold',
  seconds,
  reps: 1,
  ...(perSide ? { perSide } : {}),
});

export const EXERCISES: readonly Exercise[] = [
  // Upper back
  exercise(
    'thoracic-extension-chair',
    'upper-back',
    'seated',
    both,
    { kind: 'reps', reps: 8, secondsPerRep: 3 },
    4,
    SOURCES.leedsNhs,
    true,
  ),
  exercise(
    'scapular-squeeze',
    'upper-back',
    'seated',
    longOnly,
    { kind: 'hold', seconds: 5, reps: 10 },
    4,
    SOURCES.leedsNhs,
  ),
  exercise(
    'seated-cat-cow',
    'upper-back',
    'seated',
    both,
    { kind: 'reps', reps: 6, secondsPerRep: 5 },
    4,
    SOURCES.leedsNhs,
  ),
  exercise(
    'seated-thoracic-rotation',
    'upper-back',
    'seated',
    both,
    stretch(10, true),
    4,
    SOURCES.stretchDose,
  ),
  exercise(
    'upper-back-hug-stretch',
    'upper-back',
    'seated',
    both,
    stretch(20),
    3,
    SOURCES.stretchDose,
  ),
  exercise(
    'prone-y-raise',
    'upper-back',
    'floor',
    noBreak,
    { kind: 'reps', reps: 5, secondsPerRep: 4 },
    4,
    SOURCES.strengthening,
  ),
  // Chest
  exercise(
    'doorway-chest-stretch',
    'chest',
    'standing',
    longOnly,
    { kind: 'hold', seconds: 15, reps: 2 },
    4,
    SOURCES.leedsNhs,
    true,
  ),
  exercise('seated-chest-opener', 'chest', 'seated', both, stretch(20), 3, SOURCES.stretchDose),
  // Neck
  exercise(
    'chin-tuck',
    'neck',
    'seated',
    longOnly,
    { kind: 'hold', seconds: 5, reps: 10 },
    4,
    SOURCES.leedsNhs,
  ),
  exercise(
    'upper-trapezius-stretch',
    'neck',
    'seated',
    both,
    stretch(15, true),
    4,
    SOURCES.leedsNhs,
  ),
  exercise(
    'levator-scapulae-stretch',
    'neck',
    'seated',
    both,
    stretch(15, true),
    4,
    SOURCES.stretchDose,
  ),
  exercise('neck-side-bend', 'neck', 'seated', both, stretch(10, true), 3, SOURCES.stretchDose),
  exercise('neck-rotation', 'neck', 'seated', both, stretch(10, true), 3, SOURCES.stretchDose),
  // Shoulders
  exercise(
    'shoulder-rolls',
    'shoulders',
    'seated',
    both,
    { kind: 'reps', reps: 20, secondsPerRep: 1.5 },
    3,
    SOURCES.leedsNhs,
  ),
  exercise(
    'wall-angels',
    'shoulders',
    'standing',
    longOnly,
    { kind: 'reps', reps: 5, secondsPerRep: 5 },
    4,
    SOURCES.strengthening,
  ),
  exercise(
    'cross-body-shoulder-stretch',
    'shoulders',
    'seated',
    both,
    stretch(15, true),
    3,
    SOURCES.stretchDose,
  ),
  exercise(
    'overhead-side-reach',
    'shoulders',
    'seated',
    both,
    stretch(10, true),
    3,
    SOURCES.stretchDose,
  ),
  // Wrists and forearms
  exercise(
    'wrist-flexor-stretch',
    'wrists',
    'seated',
    both,
    stretch(15, true),
    3,
    SOURCES.stretchDose,
  ),
  exercise(
    'wrist-extensor-stretch',
    'wrists',
    'seated',
    both,
    stretch(15, true),
    3,
    SOURCES.stretchDose,
  ),
  exercise(
    'finger-spread',
    'wrists',
    'seated',
    both,
    { kind: 'hold', seconds: 10, reps: 2 },
    3,
    SOURCES.stretchDose,
  ),
  exercise('forearm-prayer-stretch', 'wrists', 'seated', both, stretch(20), 3, SOURCES.stretchDose),
  // Eyes
  exercise(
    'eye-rest-20-20-20',
    'eyes',
    'seated',
    both,
    { kind: 'timed', seconds: 20 },
    3,
    SOURCES.eyes,
  ),
  exercise('blink-break', 'eyes', 'seated', both, { kind: 'timed', seconds: 20 }, 3, SOURCES.hse),
  // Whole body
  exercise(
    'stand-and-walk',
    'whole-body',
    'standing',
    both,
    { kind: 'timed', seconds: 30 },
    3,
    SOURCES.moving,
  ),
  exercise(
    'walk-away',
    'whole-body',
    'standing',
    longOnly,
    { kind: 'timed', seconds: 90 },
    3,
    SOURCES.hse,
  ),
  exercise('standing-reach', 'whole-body', 'standing', both, stretch(15), 3, SOURCES.stretchDose),
  // Core, on the floor at home: the core routine, never a break at the desk
  exercise(
    'plank',
    'core',
    'floor',
    noBreak,
    { kind: 'hold', seconds: 15, reps: 2 },
    4,
    SOURCES.nhsInform,
  ),
  exercise(
    'bird-dog',
    'core',
    'floor',
    noBreak,
    { kind: 'hold', seconds: 5, reps: 10, perSide: true },
    4,
    SOURCES.nhsInform,
  ),
  exercise(
    'glute-bridge',
    'core',
    'floor',
    noBreak,
    { kind: 'reps', reps: 10, secondsPerRep: 4 },
    4,
    SOURCES.nhsInform,
  ),
  exercise(
    'dead-bug',
    'core',
    'floor',
    noBreak,
    { kind: 'reps', reps: 5, perSide: true, secondsPerRep: 4 },
    4,
    SOURCES.nhsInform,
  ),
];

export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((candidate) => candidate.id === id);
}

/** Keys of exercises.json that hold shared labels, not an exercise: no id may take them. */
export const RESERVED_CONTENT_KEYS = ['target', 'place', 'dose', 'breakKind', 'general'] as const;
