import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { SavedTherapySession } from '../core/therapy/restart';
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

export interface TherapySessionStore {
  load(): SavedSessionRead;
  /** Throws when the disk refuses: the feature tells the person. */
  save(session: SavedTherapySession): void;
  clear(): void;
}

export const THERAPY_SESSION_FILE = 'therapy-session.json';

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
  };
}

export function memoryTherapySessionStore(initial: SavedTherapySession | null = null) {
  let saved = initial;
  return {
    load: (): SavedSessionRead =>
      saved ? { status: 'found', session: { ...saved } } : { status: 'none' },
    save(session: SavedTherapySession) {
      saved = { ...session };
    },
    clear() {
      saved = null;
    },
  } satisfies TherapySessionStore;
}
