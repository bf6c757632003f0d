import type { TFunction } from 'i18next';
import type { ResolvedExercise } from '../../src/contract/content';
import { type Dose, doseSeconds, type Exercise } from '../../src/contract/guides';

/**
 * A built-in exercise in words, as src/contract/content.ts `resolveExercise` and
 * `doseText` make it (same keys, same result: tests/unit/health/exercise-words.test.ts).
 * Importing those would bring that module's zod schemas into the page, about 40 KB
 * gzipped, past the page budget (DESIGN.md).
 */
export function doseWords(t: TFunction, dose: Dose): string {
  const ns = { ns: 'exercises' } as const;
  if (dose.kind === 'timed') return t('dose.timedSeconds', { ...ns, count: dose.seconds });
  let text =
    dose.kind === 'hold'
      ? t('dose.holdSeconds', { ...ns, count: dose.seconds })
      : t('dose.reps', { ...ns, count: dose.reps });
  if (dose.kind === 'hold' && dose.reps > 1) {
    text = t('dose.repeated', {
      ...ns,
      dose: text,
      times: t('dose.times', { ...ns, count: dose.reps }),
    });
  }
  return dose.perSide ? t('dose.eachSide', { ...ns, dose: text }) : text;
}

export function exerciseWords(t: TFunction, exercise: Exercise): ResolvedExercise {
  const text = (key: string) => t(`${exercise.id}.${key}`, { ns: 'exercises' });
  return {
    id: exercise.id,
    title: text('title'),
    target: exercise.target,
    targetLabel: t(`target.${exercise.target}`, { ns: 'exercises' }),
    breakKinds: [...exercise.breakKinds],
    dose: exercise.dose,
    doseText: doseWords(t, exercise.dose),
    seconds: doseSeconds(exercise.dose),
    steps: Array.from({ length: exercise.stepCount }, (_, i) => text(`steps.${i + 1}`)),
    safety: text('safety'),
    ...(exercise.cautionKey ? { caution: text('caution') } : {}),
    why: text('why'),
    illustration: exercise.illustration,
    source: exercise.source,
  };
}
