import type { Catalogue, exerciseCalls, HandlersFor } from '../../contract/contract';
import type { AppContext } from '../context';
import { logRefusal } from '../ports';

export function catalogue(ctx: AppContext): Catalogue {
  const locked = ctx.settings.locked();
  return {
    exercises: ctx.exercises.catalogue(),
    preferencesLocked: locked.some((path) => path === 'exercises' || path.startsWith('exercises.')),
  };
}

/** The Exercises page: favourites and hidden ones (settings), and the person's own exercises. */
export function exerciseHandlers(ctx: AppContext): HandlersFor<typeof exerciseCalls> {
  const changed = () => ctx.emit('exercises', catalogue(ctx));
  return {
    listExercises: () => catalogue(ctx),
    setExercisePreference: ({ id, favourite, hidden }) => {
      if (!ctx.exercises.catalogue().some((exercise) => exercise.id === id)) {
        return { ok: false, code: 'exercise-unknown', params: { id } };
      }
      const current = ctx.settings.effective().exercises;
      const toggle = (list: string[], on: boolean | undefined) => {
        if (on === undefined) return list;
        const without = list.filter((other) => other !== id);
        return on ? [...without, id] : without;
      };
      const result = ctx.settings.update({
        exercises: {
          favourites: toggle(current.favourites, favourite),
          hidden: toggle(current.hidden, hidden),
        },
      });
      // Which exercise is not the log's business: the person is told why.
      if (!result.ok) logRefusal(ctx.logger, 'locked-or-unknown', 'warn');
      else changed();
      return result;
    },
    saveCustomExercise: (input) => {
      const result = ctx.exercises.saveOwn(input);
      if (result.ok) changed();
      return result;
    },
    removeCustomExercise: ({ id }) => {
      const result = ctx.exercises.removeOwn(id);
      if (result.ok) changed();
      return result;
    },
    getExercisePicture: ({ id }) => ({ dataUrl: ctx.exercises.picture(id) }),
  };
}
