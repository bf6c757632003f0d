import { describe, expect, it } from 'vitest';
import {
  exercisePreferencesSchema,
  parseCustomExercise,
  parseCustomExercises,
  resolveCustomExercise,
  rotationStateSchema,
} from '../../../src/contract/content';
import { createTranslator } from '../../../src/contract/i18n';
import { EXERCISES } from '../../../src/core/content/exercises';
import { initialRotationState, nextExercise } from '../../../src/core/content/rotation';

const valid = {
  id: 'desk-push-up',
  title: 'Desk push-up',
  steps: ['Stand an arm’s length from your desk.', 'Lean in and push back, slowly.'],
  safety: 'Keep your body straight; stop if your wrists hurt.',
  dose: { kind: 'reps', reps: 8, secondsPerRep: 3 },
  target: 'shoulders',
  breakKinds: ['micro', 'long'],
  picture: 'push-up.png',
};

function errorsOf(input: unknown): string[] {
  const result = parseCustomExercise(input);
  if (result.ok) throw new Error('expected the exercise to be refused');
  return result.errors;
}

describe('a custom exercise', () => {
  it('is accepted with plain-string words, a dose, a target and break kinds', () => {
    const result = parseCustomExercise(valid);
    expect(result.ok).toBe(true);
    expect(parseCustomExercise({ ...valid, picture: undefined, safety: undefined }).ok).toBe(true);
  });

  it('may say it is done seated or standing, and is refused on the floor with why', () => {
    const standing = parseCustomExercise({ ...valid, place: 'standing' });
    expect(standing.ok && standing.value.place).toBe('standing');
    const [error, ...rest] = errorsOf({ ...valid, place: 'floor' });
    expect(rest).toEqual([]);
    expect(error).toMatch(/^place: use "seated" or "standing": breaks happen at the desk/);
  });

  it('trims its words', () => {
    const result = parseCustomExercise({ ...valid, title: '  Desk push-up  ' });
    expect(result.ok && result.value.title).toBe('Desk push-up');
  });

  it('is refused with the JSON path of each mistake', () => {
    expect(errorsOf({ ...valid, title: '' })).toEqual([expect.stringMatching(/^title: /)]);
    expect(errorsOf({ ...valid, title: 'x'.repeat(81) })).toEqual([
      'title: use at most 80 characters',
    ]);
    expect(errorsOf({ ...valid, steps: ['Fine', 'y'.repeat(201)] })).toEqual([
      'steps[1]: use at most 200 characters',
    ]);
    expect(errorsOf({ ...valid, steps: [] })).toEqual(['steps: write at least one step']);
    expect(errorsOf({ ...valid, steps: Array(9).fill('Step') })).toEqual([
      'steps: use at most 8 steps',
    ]);
    expect(errorsOf({ ...valid, dose: { kind: 'hold', seconds: 500, reps: 1 } })).toContain(
      'dose.seconds: use at most 120 seconds',
    );
    expect(errorsOf({ ...valid, dose: { kind: 'hold', seconds: 10 } })[0]).toMatch(/^dose\.reps: /);
    expect(errorsOf({ ...valid, dose: { kind: 'jump' } })[0]).toMatch(/^dose\.kind: /);
    expect(errorsOf({ ...valid, target: 'knees' })[0]).toMatch(/^target: /);
    expect(errorsOf({ ...valid, breakKinds: [] })).toEqual([
      'breakKinds: name at least one break kind: "micro" or "long"',
    ]);
    expect(errorsOf({ ...valid, breakKinds: ['micro', 'micro'] })).toEqual([
      'breakKinds: name each break kind once',
    ]);
    expect(errorsOf({ ...valid, picture: '../../etc/passwd.png' })[0]).toMatch(/^picture: /);
    expect(errorsOf({ ...valid, picture: 'photo.exe' })[0]).toMatch(/^picture: /);
    expect(errorsOf({ ...valid, id: 'Desk Push Up' })[0]).toMatch(/^id: /);
    expect(errorsOf({ ...valid, colour: 'red' })[0]).toMatch(/^\(root\): .*colour/);
  });

  it('is refused for micro breaks when its dose does not fit in 30 seconds', () => {
    expect(errorsOf({ ...valid, dose: { kind: 'hold', seconds: 5, reps: 10 } })).toEqual([
      expect.stringMatching(/^breakKinds: this dose takes 50 s but a micro break lasts 30 s/),
    ]);
    expect(
      parseCustomExercise({
        ...valid,
        breakKinds: ['long'],
        dose: { kind: 'hold', seconds: 5, reps: 10 },
      }).ok,
    ).toBe(true);
  });

  it('is refused when the whole dose runs past ten minutes', () => {
    expect(
      errorsOf({
        ...valid,
        breakKinds: ['long'],
        dose: { kind: 'hold', seconds: 60, reps: 6, perSide: true },
      }),
    ).toEqual([expect.stringMatching(/^dose: this dose takes 720 s/)]);
  });

  it('in a list names the index of the one at fault and refuses duplicate ids', () => {
    const result = parseCustomExercises([valid, { ...valid, steps: ['ok', ''] }, valid]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain('[1].steps[1]: write at least one character');
      expect(result.errors).toContain(
        '[2].id: "desk-push-up" is used twice; give each exercise its own id',
      );
    }
  });

  it('is shown with the general safety cue and its origin when it has none of its own', async () => {
    const { t } = await createTranslator('en');
    const parsed = parseCustomExercise({ ...valid, safety: undefined });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const shown = resolveCustomExercise(t, parsed.value, 'organisation');
    expect(shown.safety).toMatch(/^Stop any exercise/);
    expect(shown.source).toBe('From your organisation');
    expect(shown.doseText).toBe('8 slow repetitions');
    expect(shown.steps).toEqual(valid.steps);
  });

  it('takes its turn in the rotation beside the built-in exercises', () => {
    const parsed = parseCustomExercise(valid);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const catalogue = [...EXERCISES, parsed.value];
    const hidden = EXERCISES.map((e) => e.id);
    const { exercise } = nextExercise(initialRotationState(1), 'micro', {
      catalogue,
      preferences: { hidden, favourites: [] },
    });
    expect(exercise?.id).toBe('desk-push-up');
  });
});

describe('stored rotation data', () => {
  it('round-trips the rotation state and refuses a damaged one by path', () => {
    const state = initialRotationState(42);
    expect(rotationStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
    const damaged = rotationStateSchema.safeParse({ ...state, micro: { shown: [3], last: [] } });
    expect(damaged.success).toBe(false);
    expect(damaged.error?.issues[0]?.path).toEqual(['micro', 'shown', 0]);
  });

  it('defaults preferences to nothing hidden and no favourites', () => {
    expect(exercisePreferencesSchema.parse({})).toEqual({ hidden: [], favourites: [] });
  });
});
