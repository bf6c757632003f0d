import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { SavedTherapySession } from '../core/therapy/restart';
import type { TherapyKind } from '../core/therapy/session';
import { flushFolder, writeJsonFileAtomic } from './json-file';
import type { Logger } from './ports';

/**
 * The heat or ice session that is on now, kept in therapy-session.json in the data
 * folder from its start until it is stopped or its end is acknowledged, so that a quit,
 * a crash or a kill -9 cannot make the app forget a pack on someone's skin. Each write
 * is whole (temporary file, fsync, rename, folder flushed): a kill leaves the old file
 * or the new one. What the app does with it on opening is core/therapy/restart.ts.
 */
export type SavedSessionRead =
  | { status: 'none' }
  | { status: 'found'; session: SavedTherapySession }
  /** The file could not be read or is not a session; moved aside to `movedTo` when possible. */
  | { status: 'unreadable'; reason: string; movedTo: string | null };

/** When the last session of each kind ended (wall ms): the rest runs from it. */
export type LastTherapyEnds = Partial<Record<TherapyKind, number>>;

export interface TherapySessionStore {
  load(): SavedSessionRead;
  /** Throws when the disk refuses: the feature tells the person. */
  save(session: SavedTherapySession): void;
  clear(): void;
  /**
   * The last end of each kind, kept beside the session record (therapy-rest.json) and
   * not in the history, so clearing the history cannot lift the rest. Empty when unreadable.
   */
  lastEnds(): LastTherapyEnds;
  /** Throws when the disk refuses. */
  saveLastEnds(ends: LastTherapyEnds): void;
}

export const THERAPY_SESSION_FILE = 'therapy-session.json';
export const THERAPY_REST_FILE = 'therapy-rest.json';

const lastEndsSchema = z.strictObject({
  version: z.literal(1),
  heat: z.number().min(0).optional(),
  ice: z.number().min(0).optional(),
});

// zod's numbers are finite: NaN and Infinity do not parse.
const epochMs = z.number().min(0);

/**
 * The file's shape. Times that do not make sense together (an end before the start)
 * make it unreadable; a length over the cap is the restart rule's to cut back.
 */
export const savedSessionSchema = z
  .object({
    version: z.literal(1),
    kind: z.enum(['heat', 'ice']),
    minutes: z.number().int().positive(),
    startedAt: epochMs,
    endsAt: epochMs,
    endNoticedAt: epochMs.optional(),
  })
  .refine((file) => file.endsAt > file.startedAt, {
    message: 'the session ends before it starts',
    path: ['endsAt'],
  });

function toFile(session: SavedTherapySession) {
  return { version: 1, ...session };
}

function fromFile(file: z.infer<typeof savedSessionSchema>): SavedTherapySession {
  const { kind, minutes, startedAt, endsAt, endNoticedAt } = file;
  const session = { kind, minutes, startedAt, endsAt };
  return endNoticedAt === undefined ? session : { ...session, endNoticedAt };
}

const stampOf = (at: number) => new Date(at).toISOString().replace(/[:.]/g, '-');

export function therapySessionFile(
  path: string,
  options: { logger?: Logger; now?: () => number } = {},
): TherapySessionStore {
  const { logger } = options;
  const now = options.now ?? Date.now;

  const moveAside = (reason: string): SavedSessionRead => {
    const movedTo = join(dirname(path), `therapy-session.unreadable-${stampOf(now())}.json`);
    try {
      renameSync(path, movedTo);
      flushFolder(path);
      logger?.warn(`therapy session could not be read (${reason}); moved to ${movedTo}`);
      return { status: 'unreadable', reason, movedTo };
    } catch (error) {
      logger?.error(
        `therapy session could not be read (${reason}) nor moved aside: ${(error as Error).message}`,
      );
      return { status: 'unreadable', reason, movedTo: null };
    }
  };

  return {
    load() {
      // The reasons name the file and what is wrong, never its contents: logs carry no health data.
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        const { code, message } = error as NodeJS.ErrnoException;
        return code === 'ENOENT' ? { status: 'none' } : moveAside(code ?? message);
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return moveAside(`${path} is not JSON: cut short or damaged`);
      }
      const parsed = savedSessionSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? issue.path.join('.') : '(the file)';
        return moveAside(`${path} is not a saved session: ${where} is not valid`);
      }
      return { status: 'found', session: fromFile(parsed.data) };
    },
    save(session) {
      writeJsonFileAtomic(path, toFile(session));
    },
    clear() {
      if (!existsSync(path)) return;
      rmSync(path, { force: true });
      flushFolder(path);
    },
    lastEnds() {
      const restPath = join(dirname(path), THERAPY_REST_FILE);
      try {
        const parsed = lastEndsSchema.safeParse(JSON.parse(readFileSync(restPath, 'utf8')));
        if (parsed.success) {
          const { version: _version, ...ends } = parsed.data;
          return ends;
        }
        logger?.warn(`${restPath} is not a record of last therapy ends; ignored`);
      } catch (error) {
        const { code } = error as NodeJS.ErrnoException;
        if (code !== 'ENOENT')
          logger?.warn(`${restPath} could not be read (${code ?? 'not JSON'})`);
      }
      return {};
    },
    saveLastEnds(ends) {
      writeJsonFileAtomic(join(dirname(path), THERAPY_REST_FILE), { version: 1, ...ends });
    },
  };
}

export function memoryTherapySessionStore(initial: SavedTherapySession | null = null) {
  let saved = initial;
  let ends: LastTherapyEnds = {};
  return {
    load: (): SavedSessionRead =>
      saved ? { status: 'found', session: { ...saved } } : { status: 'none' },
    save(session: SavedTherapySession) {
      saved = { ...session };
    },
    clear() {
      saved = null;
    },
    lastEnds: () => ({ ...ends }),
    saveLastEnds(next: LastTherapyEnds) {
      ends = { ...next };
    },
  } satisfies TherapySessionStore;
}
