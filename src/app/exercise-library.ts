import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ActionResultPayload } from '../contract/calls/common';
import {
  type CustomExercise,
  customExerciseSchema,
  jsonPath,
  parseCustomExercises,
  resolveCustomExercise,
  resolveExercise,
} from '../contract/content';
import type {
  CatalogueEntry,
  ExerciseOrigin,
  FieldError,
  SaveExerciseInput,
  SaveExerciseResult,
  ShownExercise,
} from '../contract/contract';
import {
  type PictureType,
  parsePictureDataUrl,
  pictureDataUrl,
  pictureTypeOfFile,
} from '../contract/pictures';
import { refusalOfIssue } from '../contract/refusals';
import type { BreakKind } from '../core/breaks/api';
import { EXERCISES, type Exercise } from '../core/content/exercises';
import {
  type ExercisePreferences,
  initialRotationState,
  nextExercise,
  nextRoutine,
  type Rotatable,
  type RotationState,
} from '../core/content/rotation';
import type { CustomExerciseStore } from './custom-exercise-store';
import type { Logger } from './ports';
import type { RotationStore } from './rotation-store';
import type { SettingsState } from './settings-state';

/**
 * Every exercise a break may show: the built-in catalogue, the organisation's (policy)
 * and the person's own. Picks the next ones with the rotation of src/core/content and
 * keeps its state, so nothing repeats before the eligible set is used up, restarts
 * included. Favourites and hidden exercises are the `exercises` settings key.
 */
export interface ExerciseLibrary {
  /** The whole catalogue, resolved, with the person's choices, for the Exercises page. */
  catalogue(): CatalogueEntry[];
  /** The next exercise (micro) or routine (long) and moves the rotation on. */
  pick(kind: BreakKind, budgetSeconds: number): ShownExercise[];
  /** Whether exercises picked earlier may still be shown: none removed or hidden since. */
  stillEligible(ids: readonly string[]): boolean;
  saveOwn(input: SaveExerciseInput): SaveExerciseResult;
  removeOwn(id: string): ActionResultPayload;
  /** A person's exercise's picture as a data URL, or null. */
  picture(id: string): string | null;
}

interface Entry extends Rotatable {
  origin: ExerciseOrigin;
  builtIn?: Exercise;
  /** An organisation's or a person's exercise, as written. */
  written?: CustomExercise;
}

/** Ids of a person's exercises start with this, so they never meet a built-in one. */
const OWN_PREFIX = 'own-';

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export function createExerciseLibrary(options: {
  settings: SettingsState;
  rotation: RotationStore;
  custom: CustomExerciseStore;
  t: TFunction;
  logger: Logger;
  /** Seeds a rotation that has no saved state yet. */
  seed?: number;
}): ExerciseLibrary {
  const { settings, custom, t, logger } = options;
  let rotation: RotationState | null = null;
  let own = custom.list();

  const organisation = (): CustomExercise[] => {
    const listed = settings.policy()?.exercises;
    if (!listed) return [];
    // The policy was validated when read; parse again to hold a typed value here.
    const parsed = parseCustomExercises(listed);
    return parsed.ok ? parsed.value : [];
  };

  const entries = (): Entry[] => [
    ...EXERCISES.map((exercise): Entry => ({ ...exercise, origin: 'built-in', builtIn: exercise })),
    ...organisation().map(
      (exercise): Entry => ({ ...exercise, origin: 'organisation', written: exercise }),
    ),
    ...own.map((exercise): Entry => ({ ...exercise, origin: 'person', written: exercise })),
  ];

  const preferences = (): ExercisePreferences => settings.effective().exercises;

  const resolve = (entry: Entry): Omit<ShownExercise, 'picture'> => {
    if (entry.written) {
      const origin = entry.origin === 'person' ? 'person' : 'organisation';
      return { ...resolveCustomExercise(t, entry.written, origin), origin: entry.origin };
    }
    return { ...resolveExercise(t, entry.builtIn!), origin: entry.origin };
  };

  const pictureOf = (exercise: CustomExercise | undefined): string | null => {
    if (!exercise?.picture) return null;
    const type = pictureTypeOfFile(exercise.picture);
    const bytes = type ? custom.readPicture(exercise.picture) : null;
    return type && bytes ? pictureDataUrl(type, bytes) : null;
  };

  const shown = (entry: Entry): ShownExercise => {
    const picture = entry.origin === 'person' ? pictureOf(entry.written) : null;
    return { ...resolve(entry), ...(picture ? { picture } : {}) };
  };

  const rotationState = (): RotationState => {
    rotation ??=
      options.rotation.load() ??
      initialRotationState(options.seed ?? Math.floor(Math.random() * 0x100000000));
    return rotation;
  };

  const errorsOf = (issues: readonly z.core.$ZodIssue[]) =>
    issues.map((issue): FieldError => ({ field: jsonPath(issue.path), ...refusalOfIssue(issue) }));

  const newId = (title: unknown): string => {
    const base = `${OWN_PREFIX}${slug(typeof title === 'string' ? title : '') || 'exercise'}`;
    const taken = new Set(entries().map((entry) => entry.id));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  };

  return {
    catalogue() {
      const { favourites, hidden } = preferences();
      return entries()
        .filter((entry, index, all) => all.findIndex((other) => other.id === entry.id) === index)
        .map((entry) => ({
          ...resolve(entry),
          favourite: favourites.includes(entry.id),
          hidden: hidden.includes(entry.id),
          hasPicture: entry.origin === 'person' && Boolean(entry.written?.picture),
          ...(entry.origin === 'person' && entry.written ? { own: entry.written } : {}),
        }));
    },

    pick(kind, budgetSeconds) {
      const catalogue = entries();
      const state = rotationState();
      let picked: Entry[];
      if (kind === 'micro') {
        const next = nextExercise(state, 'micro', { catalogue, preferences: preferences() });
        rotation = next.state;
        picked = next.exercise ? [next.exercise] : [];
      } else {
        const next = nextRoutine(state, {
          catalogue,
          preferences: preferences(),
          budgetSeconds,
        });
        rotation = next.state;
        picked = next.routine.exercises;
      }
      options.rotation.save(rotation);
      return picked.map(shown);
    },

    stillEligible(ids) {
      const hidden = new Set(preferences().hidden);
      const known = new Set(entries().map((entry) => entry.id));
      return ids.every((id) => known.has(id) && !hidden.has(id));
    },

    saveOwn(input) {
      const existing = input.id === undefined ? undefined : own.find((e) => e.id === input.id);
      if (input.id !== undefined && !existing) {
        return {
          ok: false,
          errors: [{ field: 'id', code: 'exercise-gone' }],
        };
      }
      const id = existing?.id ?? newId(input.exercise.title);

      let upload: { type: PictureType; bytes: Uint8Array } | null = null;
      if (input.picture && input.picture !== 'remove') {
        const parsed = parsePictureDataUrl(input.picture.dataUrl);
        if (!parsed.ok) {
          const { code, params } = parsed;
          return { ok: false, errors: [{ field: 'picture', code, ...(params ? { params } : {}) }] };
        }
        upload = parsed;
      }
      const keptPicture = input.picture === undefined ? existing?.picture : undefined;

      // The app decides the id and the picture's name; the person writes the rest.
      const { id: _id, picture: _picture, ...written } = input.exercise;
      const candidate = {
        ...written,
        id,
        ...(upload ? { picture: `new.${upload.type.slice(6)}` } : {}),
        ...(keptPicture ? { picture: keptPicture } : {}),
      };
      const parsed = customExerciseSchema.safeParse(candidate);
      if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error.issues) };

      const exercise: CustomExercise = { ...parsed.data };
      try {
        if (upload) exercise.picture = custom.writePicture(upload.type, upload.bytes);
        const next = existing
          ? own.map((other) => (other.id === id ? exercise : other))
          : [...own, exercise];
        custom.save(next);
        own = next;
      } catch (error) {
        logger.error(`own exercises: could not save: ${(error as Error).message}`);
        if (upload && exercise.picture) custom.deletePicture(exercise.picture);
        return {
          ok: false,
          errors: [{ field: '(root)', code: 'save-failed' }],
        };
      }
      if (existing?.picture && existing.picture !== exercise.picture) {
        custom.deletePicture(existing.picture);
      }
      return { ok: true, id };
    },

    removeOwn(id) {
      const existing = own.find((exercise) => exercise.id === id);
      if (!existing) return { ok: false, code: 'exercise-not-own' };
      const next = own.filter((exercise) => exercise.id !== id);
      try {
        custom.save(next);
      } catch (error) {
        logger.error(`own exercises: could not save: ${(error as Error).message}`);
        return { ok: false, code: 'save-failed' };
      }
      own = next;
      if (existing.picture) custom.deletePicture(existing.picture);
      return { ok: true };
    },

    picture(id) {
      return pictureOf(own.find((exercise) => exercise.id === id));
    },
  };
}
