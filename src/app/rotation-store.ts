import { rotationStateSchema } from '../contract/content';
import type { RotationState } from '../core/content/rotation';
import { readJsonFile, writeJsonFileAtomic } from './json-file';
import type { Logger } from './ports';

/**
 * Where the exercise rotation keeps its state between breaks and across restarts, so
 * that no exercise repeats before the eligible set is used up.
 */
export interface RotationStore {
  /** The saved state, or null when there is none (or it could not be read). */
  load(): RotationState | null;
  save(state: RotationState): void;
}

/** rotation.json in the data folder. An unreadable file starts a fresh rotation, and says so in the log. */
export function rotationFile(path: string, logger?: Logger): RotationStore {
  return {
    load() {
      const read = readJsonFile(path);
      if (!read.ok) {
        if (!read.missing) logger?.warn(`rotation: starting afresh, ${read.error}`);
        return null;
      }
      const parsed = rotationStateSchema.safeParse(read.value);
      if (!parsed.success) {
        logger?.warn(`rotation: starting afresh, ${path} is not a rotation state`);
        return null;
      }
      return parsed.data;
    },
    save(state) {
      try {
        writeJsonFileAtomic(path, state);
      } catch (error) {
        // Losing the rotation costs at most a repeated exercise; the break still shows.
        logger?.error(`rotation: could not save ${path}: ${(error as Error).message}`);
      }
    },
  };
}

export function memoryRotationStore(): RotationStore {
  let saved: RotationState | null = null;
  return {
    load: () => (saved ? structuredClone(saved) : null),
    save(state) {
      saved = structuredClone(state);
    },
  };
}
