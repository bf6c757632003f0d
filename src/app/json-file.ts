import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/**
 * Small JSON files the app keeps beside its settings (and the history when it is
 * compacted). Written whole to a temporary file, flushed, then renamed over the old
 * one, and the folder flushed so the rename holds too: a crash leaves the old file or
 * the new one, never half of either.
 */
export function writeJsonFileAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    if (typeof data === 'string') writeSync(fd, data);
    else writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  moveIntoPlace(temporary, path);
}

/** Renames a flushed temporary file over `path` and flushes the folder; removes it if that fails. */
export function moveIntoPlace(temporary: string, path: string): void {
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  flushFolder(path);
}

/**
 * Makes a rename or a removal in `path`'s folder durable. Best effort: Windows cannot
 * open a folder for this, and the data itself is flushed already.
 */
export function flushFolder(path: string): void {
  try {
    const folder = openSync(dirname(path), 'r');
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
  } catch {
    // Only the rename or removal may be replayed after a crash.
  }
}

export type JsonRead =
  | { ok: true; value: unknown }
  | { ok: false; missing: boolean; error: string };

export function readJsonFile(path: string): JsonRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, error: (error as Error).message };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, missing: false, error: `${path} is not JSON: ${(error as Error).message}` };
  }
}
