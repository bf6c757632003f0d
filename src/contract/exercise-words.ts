import type { TFunction } from 'i18next';
import { type Dose, doseSeconds, type Exercise, type Target } from '../core/content/exercises';
import type { CustomExercise, ResolvedExercise } from './content';

/**
 * Exercises in words: the resolved, translated form the CLI, the app and the pages
 * show. Kept apart from ./content.ts and its zod schemas so a page can use it without
 * carrying the schemas (docs/architecture.md's page budget).
 */

/** "Hold 15 seconds on each side", "8 slow repetitions", "20 seconds". */
export function doseText(t: TFunction, dose: Dose): string {
  const ns = { ns: 'exercises' } as const;
  let text: string;
  switch (dose.kind) {
    case 'hold':
      text = t('dose.holdSeconds', { ...ns, count: dose.seconds });
      if (dose.reps > 1) {
        text = t('dose.repeated', {
          ...ns,
          dose: text,
          times: t('dose.times', { ...ns, count: dose.reps }),
        });
      }
      break;
    case 'reps':
      text = t('dose.reps', { ...ns, count: dose.reps });
      break;
    case 'timed':
      return t('dose.timedSeconds', { ...ns, count: dose.seconds });
  }
  return dose.perSide ? t('dose.eachSide', { ...ns, dose: text }) : text;
}

export function targetLabel(t: TFunction, target: Target): string {
  return t(`target.${target}`, { ns: 'exercises' });
}

/** The locale keys a built-in exercise's words live under. */
export function exerciseTextKeys(exercise: Exercise): {
  title: string;
  steps: string[];
  safety: string;
  why: string;
  caution?: string;
} {
  const prefix = exercise.id;
  return {
    title: `${prefix}.title`,
    steps: Array.from({ length: exercise.stepCount }, (_, i) => `${prefix}.steps.${i + 1}`),
    safety: `${prefix}.safety`,
    why: `${prefix}.why`,
    ...(exercise.cautionKey ? { caution: `${prefix}.caution` } : {}),
  };
}

export function resolveExercise(t: TFunction, exercise: Exercise): ResolvedExercise {
  const keys = exerciseTextKeys(exercise);
  const text = (key: string) => t(key, { ns: 'exercises' });
  return {
    id: exercise.id,
    title: text(keys.title),
    target: exercise.target,
    targetLabel: targetLabel(t, exercise.target),
    place: exercise.place,
    breakKinds: [...exercise.breakKinds],
    dose: exercise.dose,
    doseText: doseText(t, exercise.dose),
    seconds: doseSeconds(exercise.dose),
    steps: keys.steps.map(text),
    safety: text(keys.safety),
    ...(keys.caution ? { caution: text(keys.caution) } : {}),
    why: text(keys.why),
    illustration: exercise.illustration,
    source: exercise.source,
  };
}

/** Who wrote a custom exercise; names its source when the writer gave none. */
export type CustomExerciseOrigin = 'person' | 'organisation';

export function resolveCustomExercise(
  t: TFunction,
  exercise: CustomExercise,
  origin: CustomExerciseOrigin,
): ResolvedExercise {
  return {
    id: exercise.id,
    title: exercise.title,
    target: exercise.target,
    targetLabel: targetLabel(t, exercise.target),
    ...(exercise.place ? { place: exercise.place } : {}),
    breakKinds: [...exercise.breakKinds],
    dose: exercise.dose,
    doseText: doseText(t, exercise.dose),
    seconds: doseSeconds(exercise.dose),
    steps: [...exercise.steps],
    // A custom exercise without its own cue still gets the general one.
    safety: exercise.safety ?? t('general.stop', { ns: 'exercises' }),
    source: exercise.source ?? t(`general.source.${origin}`, { ns: 'exercises' }),
  };
}
