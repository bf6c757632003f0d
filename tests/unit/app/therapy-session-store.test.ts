import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/app/ports';
import { THERAPY_SESSION_FILE, therapySessionFile } from '../../../src/app/therapy-session-store';
import { MINUTE } from '../../../src/core/time/duration';

/** therapy-session.json: the session on now, on disk, read back by the next run. */
const T0 = Date.parse('2026-11-24T10:00:00+01:00');
const session = { kind: 'ice', minutes: 15, startedAt: T0, endsAt: T0 + 15 * MINUTE } as const;
const dirs: string[] = [];

function store() {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-session-'));
  dirs.push(dir);
  const warnings: string[] = [];
  const logger: Logger = {
    info: () => {},
    warn: (message) => warnings.push(message),
    error: (message) => warnings.push(message),
  };
  const path = join(dir, THERAPY_SESSION_FILE);
  return { dir, path, warnings, sessions: therapySessionFile(path, { logger, now: () => T0 }) };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the saved heat or ice session', () => {
  it('is read back as written, and is gone once cleared, leaving no temporary file', () => {
    const { dir, sessions } = store();
    expect(sessions.load()).toEqual({ status: 'none' });
    sessions.save(session);
    expect(sessions.load()).toEqual({ status: 'found', session });
    sessions.save({ ...session, endNoticedAt: T0 + 16 * MINUTE });
    expect(sessions.load()).toEqual({
      status: 'found',
      session: { ...session, endNoticedAt: T0 + 16 * MINUTE },
    });
    expect(readdirSync(dir)).toEqual([THERAPY_SESSION_FILE]);
    sessions.clear();
    sessions.clear();
    expect(sessions.load()).toEqual({ status: 'none' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['cut short', '{"version": 1, "kind": "ice", "minu'],
    ['not JSON at all', '\u0000\u0000\u0000'],
    ['empty', ''],
    ['of another shape', '{"hello": "world"}'],
    ['an unknown kind', JSON.stringify({ version: 1, ...session, kind: 'lava' })],
    ['a length that is not whole', JSON.stringify({ version: 1, ...session, minutes: 1.5 })],
    ['an end before its start', JSON.stringify({ version: 1, ...session, endsAt: T0 - 1 })],
    ['a newer version', JSON.stringify({ version: 2, ...session })],
  ])('a file %s is moved aside with a warning, never thrown', (_what, text) => {
    const { dir, path, sessions, warnings } = store();
    writeFileSync(path, text);
    const read = sessions.load();
    expect(read).toMatchObject({
      status: 'unreadable',
      movedTo: join(dir, 'therapy-session.unreadable-2026-11-24T09-00-00-000Z.json'),
    });
    expect(existsSync(path)).toBe(false);
    expect(warnings).toHaveLength(1);
    // The log names the file and the fault, never what kind of session it was.
    expect(warnings[0]).not.toMatch(/\b(heat|ice|lava)\b/);
    expect(sessions.load()).toEqual({ status: 'none' });
  });

  it('a folder where the file should be is moved aside too, not thrown', () => {
    const { path, sessions, warnings } = store();
    mkdirSync(join(path, 'inside'), { recursive: true });
    expect(sessions.load()).toMatchObject({ status: 'unreadable', reason: 'EISDIR' });
    expect(warnings).toHaveLength(1);
    expect(sessions.load()).toEqual({ status: 'none' });
  });

  it('a length over the cap still parses: cutting it back is the restart rule’s job', () => {
    const { path, sessions } = store();
    writeFileSync(path, JSON.stringify({ version: 1, ...session, minutes: 45 }));
    expect(sessions.load()).toMatchObject({ status: 'found', session: { minutes: 45 } });
  });
});
