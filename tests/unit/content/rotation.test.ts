import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXERCISES, type Exercise } from '../../../src/core/content/exercises';
import {
  DEFAULT_LONG_BREAK_SECONDS,
  type ExercisePreferences,
  eligibleExercises,
  initialRotationState,
  nextExercise,
  nextRoutine,
  ROUTINE_MAX_EXERCISES,
  ROUTINE_MIN_EXERCISES,
  type RotationState,
  routineSeconds,
} from '../../../src/core/content/rotation';

const ids = EXERCISES.map((e) => e.id);
const preferencesArb: fc.Arbitrary<ExercisePreferences> = fc.record({
  hidden: fc.subarray(ids),
  favourites: fc.subarray(ids),
});
const seedArb = fc.integer({ min: 0, max: 0xffffffff });

function microPicks(state: RotationState, preferences: ExercisePreferences, count: number) {
  const picks: (Exercise | null)[] = [];
  for (let i = 0; i < count; i += 1) {
    const next = nextExercise(state, 'micro', { catalogue: EXERCISES, preferences });
    picks.push(next.exercise);
    // Through JSON, as the app stores it between breaks.
    state = JSON.parse(JSON.stringify(next.state));
  }
  return { picks, state };
}

function routines(
  state: RotationState,
  preferences: ExercisePreferences,
  count: number,
  budgetSeconds: number,
) {
  const list: Exercise[][] = [];
  const totals: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const next = nextRoutine(state, { catalogue: EXERCISES, preferences, budgetSeconds });
    list.push(next.routine.exercises);
    totals.push(next.routine.totalSeconds);
    state = JSON.parse(JSON.stringify(next.state));
  }
  return { list, totals, state };
}

/** Cut the sequence into cycles of the eligible set's size: each full one shows every exercise once. */
function expectCycles(sequence: readonly string[], eligible: readonly string[]) {
  const size = eligible.length;
  for (let start = 0; start < sequence.length; start += size) {
    const cycle = sequence.slice(start, start + size);
    expect(new Set(cycle).size, `repeat within ${cycle.join(',')}`).toBe(cycle.length);
    for (const id of cycle) expect(eligible).toContain(id);
  }
}

describe('the micro-break rotation', () => {
  it('shows no exercise twice before every eligible one has been shown', () => {
    fc.assert(
      fc.property(seedArb, preferencesArb, fc.integer({ min: 1, max: 70 }), (seed, prefs, n) => {
        const eligible = eligibleExercises(EXERCISES, 'micro', prefs).map((e) => e.id);
        const { picks } = microPicks(initialRotationState(seed), prefs, n);
        if (eligible.length === 0) {
          expect(picks.every((pick) => pick === null)).toBe(true);
          return;
        }
        expectCycles(
          picks.map((pick) => pick!.id),
          eligible,
        );
      }),
    );
  });

  it('never shows a hidden exercise or one not meant for micro breaks, even when hidden mid-cycle', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.array(preferencesArb, { minLength: 1, maxLength: 40 }),
        (seed, steps) => {
          let state = initialRotationState(seed);
          for (const preferences of steps) {
            const next = nextExercise(state, 'micro', { catalogue: EXERCISES, preferences });
            if (next.exercise) {
              expect(preferences.hidden).not.toContain(next.exercise.id);
              expect(next.exercise.breakKinds).toContain('micro');
            } else {
              expect(eligibleExercises(EXERCISES, 'micro', preferences)).toEqual([]);
            }
            state = next.state;
          }
        },
      ),
    );
  });

  it('does not show the same exercise twice in a row across a cycle boundary', () => {
    fc.assert(
      fc.property(seedArb, preferencesArb, (seed, prefs) => {
        const eligible = eligibleExercises(EXERCISES, 'micro', prefs);
        fc.pre(eligible.length >= 2);
        const { picks } = microPicks(initialRotationState(seed), prefs, eligible.length * 3);
        for (let i = 1; i < picks.length; i += 1) expect(picks[i]!.id).not.toBe(picks[i - 1]!.id);
      }),
    );
  });

  it('is deterministic given its state', () => {
    fc.assert(
      fc.property(seedArb, preferencesArb, (seed, prefs) => {
        const a = microPicks(initialRotationState(seed), prefs, 25);
        const b = microPicks(initialRotationState(seed), prefs, 25);
        expect(b).toEqual(a);
      }),
    );
  });

  it('brings favourites up earlier in each cycle, still once per cycle', () => {
    const favourites = ['chin-tuck', 'shoulder-rolls', 'eye-rest-20-20-20', 'wrist-flexor-stretch'];
    const preferences = { hidden: [], favourites };
    const eligible = eligibleExercises(EXERCISES, 'micro', preferences).map((e) => e.id);
    const cycles = 40;
    for (let seed = 1; seed <= 10; seed += 1) {
      const { picks } = microPicks(
        initialRotationState(seed),
        preferences,
        eligible.length * cycles,
      );
      const sequence = picks.map((pick) => pick!.id);
      expectCycles(sequence, eligible);
      const positions = { favourite: [] as number[], other: [] as number[] };
      sequence.forEach((id, index) => {
        const position = index % eligible.length;
        (favourites.includes(id) ? positions.favourite : positions.other).push(position);
      });
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      // chin-tuck is long-only, so three favourites take part in the micro rotation.
      expect(positions.favourite).toHaveLength(3 * cycles);
      expect(mean(positions.favourite)).toBeLessThan(0.6 * mean(positions.other));
    }
  });

  it('returns nothing and keeps its state when everything is hidden', () => {
    const state = initialRotationState(7);
    const result = nextExercise(state, 'micro', {
      catalogue: EXERCISES,
      preferences: { hidden: ids, favourites: ids },
    });
    expect(result).toEqual({ exercise: null, state });
  });
});

describe('the long-break routine', () => {
  it('fits its time budget with at most five exercises, none repeated or hidden', () => {
    fc.assert(
      fc.property(
        seedArb,
        preferencesArb,
        fc.integer({ min: 30, max: 900 }),
        fc.integer({ min: 1, max: 12 }),
        (seed, prefs, budget, n) => {
          const eligible = eligibleExercises(EXERCISES, 'long', prefs, budget);
          const { list, totals } = routines(initialRotationState(seed), prefs, n, budget);
          list.forEach((routine, index) => {
            const total = routine.reduce((sum, e) => sum + routineSeconds(e), 0);
            expect(totals[index]).toBe(total);
            expect(total).toBeLessThanOrEqual(budget);
            expect(routine.length).toBeLessThanOrEqual(ROUTINE_MAX_EXERCISES);
            expect(routine.length).toBeGreaterThanOrEqual(eligible.length > 0 ? 1 : 0);
            expect(new Set(routine.map((e) => e.id)).size).toBe(routine.length);
            for (const e of routine) {
              expect(prefs.hidden).not.toContain(e.id);
              expect(e.breakKinds).toContain('long');
            }
          });
        },
      ),
    );
  });

  it('has three to five exercises in a default five-minute break whenever three are eligible', () => {
    fc.assert(
      fc.property(seedArb, preferencesArb, fc.integer({ min: 1, max: 15 }), (seed, prefs, n) => {
        const budget = DEFAULT_LONG_BREAK_SECONDS;
        const eligible = eligibleExercises(EXERCISES, 'long', prefs, budget);
        const { list } = routines(initialRotationState(seed), prefs, n, budget);
        for (const routine of list) {
          expect(routine.length).toBeGreaterThanOrEqual(
            Math.min(ROUTINE_MIN_EXERCISES, eligible.length),
          );
        }
      }),
    );
  });

  it('shows no exercise twice before every eligible one has been in a routine', () => {
    fc.assert(
      fc.property(
        seedArb,
        preferencesArb,
        fc.integer({ min: 60, max: 900 }),
        fc.integer({ min: 1, max: 20 }),
        (seed, prefs, budget, n) => {
          const eligible = eligibleExercises(EXERCISES, 'long', prefs, budget).map((e) => e.id);
          const { list } = routines(initialRotationState(seed), prefs, n, budget);
          expectCycles(
            list.flat().map((e) => e.id),
            eligible,
          );
        },
      ),
    );
  });

  it('mixes target areas within a routine', () => {
    const { list } = routines(initialRotationState(3), { hidden: [], favourites: [] }, 60, 300);
    const mixed = list.filter(
      (routine) => new Set(routine.map((e) => e.target)).size === routine.length,
    );
    expect(mixed.length / list.length).toBeGreaterThanOrEqual(0.8);
    expect(new Set(list.flat().map((e) => e.target)).size).toBeGreaterThanOrEqual(6);
  });

  it('leaves out exercises that could never fit the break', () => {
    const { list } = routines(initialRotationState(5), { hidden: [], favourites: [] }, 10, 90);
    expect(list.flat().map((e) => e.id)).not.toContain('bird-dog'); // 100 s + moving between
    expect(list.every((routine) => routine.length >= 1)).toBe(true);
  });
});
