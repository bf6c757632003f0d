import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { doseWords, exerciseWords } from '../../../renderer/src/exercise-words';
import { doseText, resolveExercise } from '../../../src/contract/content';
import { createTranslator } from '../../../src/contract/i18n';
import { EXERCISES } from '../../../src/core/content/exercises';

let t: TFunction;
beforeAll(async () => {
  ({ t } = await createTranslator('en'));
});

describe("the core-routine page's exercise words", () => {
  it('match the content contract for every built-in exercise', () => {
    for (const exercise of EXERCISES) {
      expect(exerciseWords(t, exercise), exercise.id).toEqual(resolveExercise(t, exercise));
      expect(doseWords(t, exercise.dose), exercise.id).toBe(doseText(t, exercise.dose));
    }
  });
});
