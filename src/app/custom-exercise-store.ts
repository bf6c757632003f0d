import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type CustomExercise, parseCustomExercises } from '../contract/content';
import { PICTURE_TYPES, type PictureType } from '../contract/pictures';
import { readJsonFile, writeFileAtomic, writeJsonFileAtomic } from './json-file';
import type { Logger } from './ports';

/**
 * A person's own exercises and their pictures. The exercises are already validated
 * (src/contract/content.ts) when they get here; pictures are stored under names the
 * app makes up, never the name of the file the person chose.
 */
export interface CustomExerciseStore {
  list(): CustomExercise[];
  save(exercises: CustomExercise[]): void;
  readPicture(name: string): Uint8Array | null;
  /** Stores the bytes under a new name and returns it. */
  writePicture(type: PictureType, bytes: Uint8Array): string;
  deletePicture(name: string): void;
}

const newPictureName = (type: PictureType) => `${randomUUID()}.${PICTURE_TYPES[type]}`;

/** `dir/custom.json` and the pictures beside it (the data folder's `exercises/`). */
export function customExerciseFiles(dir: string, logger?: Logger): CustomExerciseStore {
  const listPath = join(dir, 'custom.json');
  // Only names we made: no folders, nothing starting with a dot.
  const inside = (name: string) =>
    basename(name) === name && !name.startsWith('.') ? join(dir, name) : null;
  return {
    list() {
      const read = readJsonFile(listPath);
      if (!read.ok) {
        if (!read.missing) logger?.warn(`own exercises: ${read.error}`);
        return [];
      }
      const exercises = (read.value as { exercises?: unknown } | null)?.exercises;
      const parsed = parseCustomExercises(exercises);
      if (parsed.ok) return parsed.value;
      // Keep what could not be read for the person to recover; start with none.
      const aside = join(dir, `custom.unreadable-${Date.now()}.json`);
      renameSync(listPath, aside);
      logger?.warn(`own exercises: ${parsed.errors.join('; ')}; the file was kept as ${aside}`);
      return [];
    },
    save(exercises) {
      writeJsonFileAtomic(listPath, { version: 1, exercises });
    },
    readPicture(name) {
      const path = inside(name);
      if (!path) return null;
      try {
        return new Uint8Array(readFileSync(path));
      } catch {
        return null;
      }
    },
    writePicture(type, bytes) {
      const name = newPictureName(type);
      writeFileAtomic(join(dir, name), bytes);
      return name;
    },
    deletePicture(name) {
      const path = inside(name);
      if (path) rmSync(path, { force: true });
    },
  };
}

export function memoryCustomExerciseStore(): CustomExerciseStore {
  let exercises: CustomExercise[] = [];
  const pictures = new Map<string, Uint8Array>();
  return {
    list: () => structuredClone(exercises),
    save(next) {
      exercises = structuredClone(next);
    },
    readPicture: (name) => pictures.get(name) ?? null,
    writePicture(type, bytes) {
      const name = newPictureName(type);
      pictures.set(name, bytes);
      return name;
    },
    deletePicture(name) {
      pictures.delete(name);
    },
  };
}
