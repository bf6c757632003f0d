import type { BreakKind } from '../breaks/api';
import { atTheDesk, type Dose, doseSeconds, type Place, type Target } from './exercises';

/**
 * Which exercise a break shows. Pure: the state goes in and comes out as plain JSON,
 * and the only randomness is a seeded generator whose seed is part of that state.
 *
 * The rules, per break kind (micro and long keep separate cycles):
 * - The eligible set is every exercise offered for that kind, done at the desk
 *   (seated or standing, never on the floor) and not hidden; for a long break also
 *   only those that fit the break on their own.
 * - A cycle shows each eligible exercise exactly once. No exercise repeats until
 *   every eligible one has been shown; then a new cycle starts, and its first pick
 *   avoids what was shown last (the last exercise, or the last routine) when it can.
 * - Favourites are weighted, not repeated: each pick chooses among the exercises not
 *   yet shown in this cycle with probability proportional to their weight (a
 *   favourite counts FAVOURITE_WEIGHT times, others once). Favourites therefore
 *   come early in every cycle, so they are the ones a person sees most on a day that
 *   uses only part of a cycle, while each cycle still shows every exercise once.
 * - A long break gets a routine: ROUTINE_MIN_EXERCISES to ROUTINE_MAX_EXERCISES
 *   exercises drawn in the same way, whose doses plus ROUTINE_TRANSITION_SECONDS each
 *   fit the break's length, mixing target areas when it can.
 */

/** What the rotation needs to know of an exercise: built-in, custom or organisation. */
export interface Rotatable {
  id: string;
  target: Target;
  /** Where it is done; a `floor` exercise is never shown in a break. Unsaid for some of a person's own. */
  place?: Place | undefined;
  breakKinds: readonly BreakKind[];
  dose: Dose;
}

export interface ExercisePreferences {
  /** Never shown. */
  hidden: readonly string[];
  /** Shown earlier in each cycle (see FAVOURITE_WEIGHT). */
  favourites: readonly string[];
}

export interface RotationCycle {
  /** Ids shown so far in the current cycle, in order. */
  shown: string[];
  /** What the last break of this kind showed: one id, or a routine's ids. */
  last: string[];
}

export interface RotationState {
  version: 1;
  /** The seeded generator's state, a 32-bit unsigned integer. */
  rng: number;
  micro: RotationCycle;
  long: RotationCycle;
}

export interface Routine<T extends Rotatable> {
  exercises: T[];
  /** Doses plus the time to move between exercises, in seconds. */
  totalSeconds: number;
}

export const FAVOURITE_WEIGHT = 3;
/** Time to read the next exercise and get into position, counted in a routine's length. */
export const ROUTINE_TRANSITION_SECONDS = 10;
export const ROUTINE_MIN_EXERCISES = 3;
export const ROUTINE_MAX_EXERCISES = 5;
/** The default long break (DESIGN.md: 5 min every hour). */
export const DEFAULT_LONG_BREAK_SECONDS = 5 * 60;

const NO_PREFERENCES: ExercisePreferences = { hidden: [], favourites: [] };

export function initialRotationState(seed: number): RotationState {
  return {
    version: 1,
    rng: seed >>> 0,
    micro: { shown: [], last: [] },
    long: { shown: [], last: [] },
  };
}

/** mulberry32: a small, well-mixed 32-bit generator; returns [0, 1) and the next state. */
function random(rng: number): [value: number, next: number] {
  const next = (rng + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** The time an exercise takes in a routine. */
export function routineSeconds(exercise: Rotatable): number {
  return doseSeconds(exercise.dose) + ROUTINE_TRANSITION_SECONDS;
}

/** Exercises a break of `kind` may show, in catalogue order, first of each id only. */
export function eligibleExercises<T extends Rotatable>(
  catalogue: readonly T[],
  kind: BreakKind,
  preferences: ExercisePreferences = NO_PREFERENCES,
  budgetSeconds = DEFAULT_LONG_BREAK_SECONDS,
): T[] {
  const hidden = new Set(preferences.hidden);
  const seen = new Set<string>();
  return catalogue.filter((exercise) => {
    if (seen.has(exercise.id)) return false;
    seen.add(exercise.id);
    return (
      exercise.breakKinds.includes(kind) &&
      atTheDesk(exercise.place) &&
      !hidden.has(exercise.id) &&
      (kind === 'micro' || routineSeconds(exercise) <= budgetSeconds)
    );
  });
}

function weightedPick<T extends Rotatable>(
  candidates: readonly T[],
  favourites: ReadonlySet<string>,
  rng: number,
): [T, number] {
  const weight = (exercise: T) => (favourites.has(exercise.id) ? FAVOURITE_WEIGHT : 1);
  const [value, next] = random(rng);
  let point = value * candidates.reduce((sum, exercise) => sum + weight(exercise), 0);
  for (const exercise of candidates) {
    point -= weight(exercise);
    if (point < 0) return [exercise, next];
  }
  return [candidates[candidates.length - 1]!, next];
}

/** The first non-empty list, else the last one. */
function preferring<T>(...lists: T[][]): T[] {
  return lists.find((list) => list.length > 0) ?? lists[lists.length - 1]!;
}

export interface RotationInput<T extends Rotatable> {
  catalogue: readonly T[];
  preferences?: ExercisePreferences;
}

/** The next single exercise for a break of `kind`; null when nothing is eligible. */
export function nextExercise<T extends Rotatable>(
  state: RotationState,
  kind: BreakKind,
  { catalogue, preferences = NO_PREFERENCES }: RotationInput<T>,
): { exercise: T | null; state: RotationState } {
  const eligible = eligibleExercises(catalogue, kind, preferences);
  if (eligible.length === 0) return { exercise: null, state };
  const eligibleIds = new Set(eligible.map((exercise) => exercise.id));
  const cycle = state[kind];
  let shown = cycle.shown.filter((id) => eligibleIds.has(id));
  let pool = eligible.filter((exercise) => !shown.includes(exercise.id));
  if (pool.length === 0) {
    shown = [];
    pool = eligible;
  }
  const candidates = preferring(
    pool.filter((exercise) => !cycle.last.includes(exercise.id)),
    pool,
  );
  const [exercise, rng] = weightedPick(candidates, new Set(preferences.favourites), state.rng);
  return {
    exercise,
    state: { ...state, rng, [kind]: { shown: [...shown, exercise.id], last: [exercise.id] } },
  };
}

/** Sum of the `count` cheapest routine times in `from`, or Infinity if there are fewer. */
function cheapest(from: readonly Rotatable[], count: number): number {
  if (count <= 0) return 0;
  if (from.length < count) return Number.POSITIVE_INFINITY;
  return from
    .map(routineSeconds)
    .sort((a, b) => a - b)
    .slice(0, count)
    .reduce((sum, seconds) => sum + seconds, 0);
}

/**
 * The routine for the next long break, within `budgetSeconds` (the long break's
 * length). Fewer than ROUTINE_MIN_EXERCISES only when the budget or the eligible set
 * cannot hold that many; empty only when nothing is eligible.
 */
export function nextRoutine<T extends Rotatable>(
  state: RotationState,
  {
    catalogue,
    preferences = NO_PREFERENCES,
    budgetSeconds = DEFAULT_LONG_BREAK_SECONDS,
  }: RotationInput<T> & { budgetSeconds?: number },
): { routine: Routine<T>; state: RotationState } {
  const eligible = eligibleExercises(catalogue, 'long', preferences, budgetSeconds);
  const eligibleIds = new Set(eligible.map((exercise) => exercise.id));
  const favourites = new Set(preferences.favourites);
  const last = state.long.last;
  let shown = state.long.shown.filter((id) => eligibleIds.has(id));
  let rng = state.rng;
  let left = budgetSeconds;
  const chosen: T[] = [];

  while (chosen.length < ROUTINE_MAX_EXERCISES) {
    const unchosen = eligible.filter((exercise) => !chosen.includes(exercise));
    let pool = unchosen.filter((exercise) => !shown.includes(exercise.id));
    if (pool.length === 0) {
      if (unchosen.length === 0) break;
      shown = [];
      pool = unchosen;
    }
    const fitting = pool.filter((exercise) => routineSeconds(exercise) <= left);
    if (fitting.length === 0) break;

    // Whatever is picked, the rest of this cycle comes first, then the next cycle's.
    const canStillReachMinimum = (exercise: T) => {
      const needed = ROUTINE_MIN_EXERCISES - chosen.length - 1;
      const rest = pool.filter((other) => other !== exercise);
      const after = left - routineSeconds(exercise);
      if (rest.length >= needed) return cheapest(rest, needed) <= after;
      const nextCycle = unchosen.filter((other) => other !== exercise && !rest.includes(other));
      return cheapest(rest, rest.length) + cheapest(nextCycle, needed - rest.length) <= after;
    };
    const targets = new Set(chosen.map((exercise) => exercise.target));
    const feasible = preferring(fitting.filter(canStillReachMinimum), fitting);
    const mixed = preferring(
      feasible.filter((exercise) => !targets.has(exercise.target)),
      feasible,
    );
    const candidates = preferring(
      mixed.filter((exercise) => !last.includes(exercise.id)),
      mixed,
    );

    const [exercise, next] = weightedPick(candidates, favourites, rng);
    rng = next;
    chosen.push(exercise);
    shown = [...shown, exercise.id];
    left -= routineSeconds(exercise);
  }

  return {
    routine: { exercises: chosen, totalSeconds: budgetSeconds - left },
    state:
      chosen.length === 0
        ? state
        : { ...state, rng, long: { shown, last: chosen.map((exercise) => exercise.id) } },
  };
}
