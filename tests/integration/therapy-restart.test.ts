import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnhunchApp } from '../../src/app/app';
import { createHistoryFile } from '../../src/app/history-file';
import { openApp } from '../../src/app/open';
import type { HistoryRecord, Logger } from '../../src/app/ports';
import { THERAPY_SESSION_FILE } from '../../src/app/therapy-session-store';
import { trayModel } from '../../src/app/tray';
import type { TherapyView } from '../../src/contract/contract';
import { dispatchCall } from '../../src/contract/dispatch';
import { formatCountdown } from '../../src/contract/i18n';
import { HOUR, MINUTE } from '../../src/core/time/duration';
import { VirtualClock } from '../../src/core/time/virtual-clock';
import { killWhenReady } from './helpers/kill-when-ready';

/**
 * A heat or ice session outlives the app: quit (dispose), crash or kill -9, then the app
 * opened again from the same data folder, on a virtual clock set to when that happens.
 */
const T0 = Date.parse('2026-11-24T10:00:00+01:00');
const dirs: string[] = [];
const apps: UnhunchApp[] = [];

afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshDir() {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-restart-'));
  dirs.push(dir);
  return dir;
}

/** The app over `dataDir`, opened at wall time `at`. */
function open(dataDir: string, at: number) {
  const clock = new VirtualClock(at);
  const warnings: string[] = [];
  const logger: Logger = {
    info: () => {},
    warn: (message) => warnings.push(message),
    error: (message) => warnings.push(message),
  };
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin', logger });
  apps.push(app);
  const pushed: TherapyView[] = [];
  app.onEvent((event, payload) => {
    if (event === 'therapy') pushed.push(payload as TherapyView);
  });
  const call = (name: string, input?: unknown) => dispatchCall(app.handlers, name, input);
  const state = () => app.therapy().state;
  /** "Ice · 10 min left", as the tray says it. */
  const tray = () => trayModel(app.status(), app.t, 'en', state()).tooltip;
  return { app, clock, call, state, tray, pushed, warnings };
}

/** Quit without stopping the session: what a quit, a crash or a kill leaves behind. */
function quit(app: UnhunchApp) {
  app.dispose();
  apps.splice(apps.indexOf(app), 1);
}

const therapyEnds = (dataDir: string): HistoryRecord[] =>
  createHistoryFile(join(dataDir, 'history.jsonl'))
    .read()
    .filter((record) => record.type === 'therapy-end');

const sessionFile = (dataDir: string) => join(dataDir, THERAPY_SESSION_FILE);

/** A session file as an earlier run of the app (or a hand, or a fault) left it. */
function writeSession(
  dataDir: string,
  session: { kind: 'heat' | 'ice'; minutes: number; startedAt: number; endsAt: number },
) {
  writeFileSync(sessionFile(dataDir), JSON.stringify({ version: 1, ...session }));
}

/** What the therapy page says of an end, from the state, as the page works it out. */
function endedWords(opened: ReturnType<typeof open>): string {
  const ended = opened.state();
  if (ended.name !== 'ended-awaiting-ack') return `not ended: ${ended.name}`;
  const { t } = opened.app;
  return t('therapy:ended.ago', {
    kind: t(`therapy:kindLower.${ended.kind}`),
    ago: formatCountdown(t, opened.clock.now() - ended.endedAt),
  });
}

async function startIce15(dataDir: string) {
  const first = open(dataDir, T0);
  expect(await first.call('startTherapy', { kind: 'ice', minutes: 15 })).toEqual({
    ok: true,
    value: { ok: true },
  });
  expect(existsSync(sessionFile(dataDir))).toBe(true);
  quit(first.app);
}

describe('a heat or ice session across a quit', () => {
  it('reopened 5 minutes in, it runs on with 10 minutes left and ends at its original end', async () => {
    const dataDir = freshDir();
    await startIce15(dataDir);

    const again = open(dataDir, T0 + 5 * MINUTE);
    expect(again.state()).toEqual({
      name: 'running',
      kind: 'ice',
      minutes: 15,
      startedAt: T0,
      endsAt: T0 + 15 * MINUTE,
    });
    expect(again.tray()).toBe('Ice · 10 min left');
    // The page asks when it opens, and is told as it changes.
    expect(await again.call('getTherapy')).toMatchObject({
      ok: true,
      value: { state: { name: 'running', endsAt: T0 + 15 * MINUTE }, now: T0 + 5 * MINUTE },
    });
    // A second session is refused while it runs, as before the quit.
    expect(await again.call('startTherapy', { kind: 'heat', minutes: 5 })).toMatchObject({
      ok: true,
      value: { ok: false, code: 'running' },
    });

    again.clock.advance(10 * MINUTE - 1);
    expect(again.state().name).toBe('running');
    again.clock.advance(1);
    expect(again.pushed.at(-1)?.state).toEqual({
      name: 'ended-awaiting-ack',
      kind: 'ice',
      minutes: 15,
      endedAt: T0 + 15 * MINUTE,
      outcome: 'completed',
      lateBy: 0,
      lateNoticeMs: 60_000,
    });
    expect(therapyEnds(dataDir)).toEqual([
      {
        at: T0 + 15 * MINUTE,
        type: 'therapy-end',
        kind: 'ice',
        minutes: 15,
        startedAt: T0,
        outcome: 'completed',
      },
    ]);
    expect(await again.call('acknowledgeTherapyEnd')).toEqual({ ok: true, value: { ok: true } });
    expect(existsSync(sessionFile(dataDir))).toBe(false);
  });

  it('reopened 40 minutes in, it asks for the pack off: ended ~25 minutes ago, recorded once', async () => {
    const dataDir = freshDir();
    await startIce15(dataDir);

    const again = open(dataDir, T0 + 40 * MINUTE);
    expect(again.state()).toEqual({
      name: 'ended-awaiting-ack',
      kind: 'ice',
      minutes: 15,
      endedAt: T0 + 15 * MINUTE,
      outcome: 'completed',
      lateBy: 25 * MINUTE,
      lateNoticeMs: 60_000,
      whileClosed: true,
    });
    expect(endedWords(again)).toBe('Your ice session ended 25 minutes ago.');
    expect(again.tray()).toBe('Ice · take the pack off now');
    const record = {
      at: T0 + 15 * MINUTE,
      type: 'therapy-end',
      kind: 'ice',
      minutes: 15,
      startedAt: T0,
      outcome: 'completed',
      lateBy: 25 * MINUTE,
      whileClosed: true,
    };
    expect(therapyEnds(dataDir)).toEqual([record]);
    // It stays until acknowledged: the prompt waits.
    again.clock.advance(10 * MINUTE);
    expect(again.state().name).toBe('ended-awaiting-ack');

    // Closed again before anyone said the pack is off: asked again, not recorded again.
    quit(again.app);
    const third = open(dataDir, T0 + 50 * MINUTE);
    expect(endedWords(third)).toBe('Your ice session ended 35 minutes ago.');
    expect(third.state()).toMatchObject({ whileClosed: true, lateBy: 35 * MINUTE });
    expect(therapyEnds(dataDir)).toEqual([record]);

    expect(await third.call('acknowledgeTherapyEnd')).toEqual({ ok: true, value: { ok: true } });
    expect(await third.call('acknowledgeTherapyEnd')).toMatchObject({ value: { ok: false } });
    // The rest runs from the real end, not from the reopening.
    expect(third.state()).toEqual({
      name: 'resting',
      kind: 'ice',
      nextPossibleAt: T0 + 75 * MINUTE,
    });
    expect(existsSync(sessionFile(dataDir))).toBe(false);

    quit(third.app);
    const fourth = open(dataDir, T0 + 80 * MINUTE);
    expect(fourth.state()).toEqual({ name: 'idle' });
    expect(therapyEnds(dataDir)).toEqual([record]);
  });

  it('a session that ended while the app ran, not yet acknowledged, is asked for again after a quit', async () => {
    const dataDir = freshDir();
    const first = open(dataDir, T0);
    await first.call('startTherapy', { kind: 'heat', minutes: 10 });
    first.clock.advance(12 * MINUTE);
    expect(first.state().name).toBe('ended-awaiting-ack');
    quit(first.app);

    const again = open(dataDir, T0 + 30 * MINUTE);
    expect(again.state()).toEqual({
      name: 'ended-awaiting-ack',
      kind: 'heat',
      minutes: 10,
      endedAt: T0 + 10 * MINUTE,
      outcome: 'completed',
      lateBy: 0,
      lateNoticeMs: 60_000,
    });
    expect(therapyEnds(dataDir)).toHaveLength(1);
  });

  it('a stopped session is not brought back, nor one whose file outlived its stop', async () => {
    const dataDir = freshDir();
    const first = open(dataDir, T0);
    await first.call('startTherapy', { kind: 'ice', minutes: 15 });
    const saved = readFileSync(sessionFile(dataDir), 'utf8');
    await first.call('stopTherapy');
    expect(existsSync(sessionFile(dataDir))).toBe(false);
    quit(first.app);
    expect(open(dataDir, T0 + 5 * MINUTE).state()).toMatchObject({ name: 'resting' });

    // Killed after the stop was recorded but before the file went: the history says stopped.
    writeFileSync(sessionFile(dataDir), saved);
    const again = open(dataDir, T0 + 6 * MINUTE);
    expect(again.state()).toMatchObject({ name: 'resting' });
    expect(therapyEnds(dataDir).map((r) => r.outcome)).toEqual(['stopped']);
    expect(existsSync(sessionFile(dataDir))).toBe(false);
  });
});

describe('a saved session the app cannot trust', () => {
  it.each([
    ['cut short', '{"version": 1, "kind": "ice", "minutes": 15, "startedAt": 17'],
    ['garbage', '\u0000\u0000\u0000 not json'],
    [
      'an end before its start',
      JSON.stringify({ version: 1, kind: 'ice', minutes: 15, startedAt: T0, endsAt: T0 - 1 }),
    ],
  ])(
    'a file %s is moved aside and the app opens, telling the person a pack may be on',
    (_what, text) => {
      const dataDir = freshDir();
      writeFileSync(sessionFile(dataDir), text);
      const opened = open(dataDir, T0);
      expect(opened.state()).toEqual({ name: 'idle' });
      expect(opened.app.context.notices.list()).toEqual([
        {
          id: 'therapy-session-unreadable',
          detail: expect.stringMatching(/therapy-session\.unreadable-.+\.json$/),
        },
      ]);
      expect(opened.warnings).toEqual([expect.stringContaining('moved to')]);
      expect(existsSync(sessionFile(dataDir))).toBe(false);
      expect(
        readdirSync(dataDir).some((name) => name.startsWith('therapy-session.unreadable-')),
      ).toBe(true);
      const words = opened.app.t('notices.therapy-session-unreadable', {
        detail: opened.app.context.notices.list()[0]?.detail,
      });
      expect(words).toContain('take it off now');
    },
  );

  it('an end hours after its start is cut back to the length from the start', () => {
    const dataDir = freshDir();
    writeSession(dataDir, { kind: 'heat', minutes: 15, startedAt: T0, endsAt: T0 + 3 * HOUR });
    const opened = open(dataDir, T0 + 5 * MINUTE);
    expect(opened.state()).toEqual({
      name: 'running',
      kind: 'heat',
      minutes: 15,
      startedAt: T0,
      endsAt: T0 + 15 * MINUTE,
    });
    expect(opened.warnings).toEqual([expect.stringContaining('adjusted (cut-back)')]);
    opened.clock.advance(10 * MINUTE);
    expect(opened.state()).toMatchObject({ name: 'ended-awaiting-ack', endedAt: T0 + 15 * MINUTE });
  });

  it('a length over the 20-minute cap runs no longer than 20 minutes from its start', () => {
    const dataDir = freshDir();
    writeSession(dataDir, { kind: 'ice', minutes: 90, startedAt: T0, endsAt: T0 + 90 * MINUTE });
    const opened = open(dataDir, T0 + 5 * MINUTE);
    expect(opened.state()).toMatchObject({
      name: 'running',
      minutes: 20,
      endsAt: T0 + 20 * MINUTE,
    });
  });

  it('a start after now (the clock was set back while closed) asks for the pack off at once', () => {
    const dataDir = freshDir();
    writeSession(dataDir, { kind: 'ice', minutes: 15, startedAt: T0, endsAt: T0 + 15 * MINUTE });
    const opened = open(dataDir, T0 - HOUR);
    expect(opened.state()).toEqual({
      name: 'ended-awaiting-ack',
      kind: 'ice',
      minutes: 15,
      endedAt: T0 - HOUR,
      outcome: 'completed',
      lateBy: 0,
      lateNoticeMs: 60_000,
      whileClosed: true,
    });
    expect(opened.warnings).toEqual([expect.stringContaining('adjusted (clock-set-back)')]);
    expect(therapyEnds(dataDir)).toHaveLength(1);
  });
});

/** Runs the helper until it says `ready`, waits `extraMs`, kills it with SIGKILL. */
function runAndKill(args: string[], ready: (line: string) => boolean, extraMs = 0) {
  const said = (chunk: string) => chunk.split('\n').some(ready);
  return killWhenReady('tests/integration/helpers/therapy-then-kill.ts', args, said, extraMs);
}

describe('kill -9 with a session on', () => {
  it('the session is found when the app opens again: running on, then asking for the pack off', async () => {
    const dataDir = freshDir();
    await runAndKill(['start', dataDir, String(T0)], (line) => line === 'started');

    const again = open(dataDir, T0 + 5 * MINUTE);
    expect(again.state()).toEqual({
      name: 'running',
      kind: 'ice',
      minutes: 15,
      startedAt: T0,
      endsAt: T0 + 15 * MINUTE,
    });
    quit(again.app);
    const later = open(dataDir, T0 + 40 * MINUTE);
    expect(endedWords(later)).toBe('Your ice session ended 25 minutes ago.');
    expect(therapyEnds(dataDir)).toHaveLength(1);
  });

  it('killed mid-write, again and again, the file is always whole and no end is recorded twice', async () => {
    const dataDir = freshDir();
    let start = T0;
    for (const [index, extraMs] of [0, 3, 7, 1, 5].entries()) {
      await runAndKill(
        ['hammer', dataDir, String(start)],
        (line) => Number(/wrote (\d+)/.exec(line)?.[1] ?? -1) >= 5 + index * 5,
        extraMs,
      );
      const records = createHistoryFile(join(dataDir, 'history.jsonl')).read();
      const lastAt = Math.max(...records.map((r) => r.at));
      const wasOn = existsSync(sessionFile(dataDir));

      const opened = open(dataDir, lastAt + HOUR);
      expect(opened.app.context.notices.list()).toEqual([]);
      expect(opened.warnings).toEqual([]);
      // Whatever was on when the kill came has ended by now, and asks for the pack off.
      if (wasOn) {
        expect(opened.state().name).toBe('ended-awaiting-ack');
        await opened.call('acknowledgeTherapyEnd');
      } else {
        expect(['idle', 'resting']).toContain(opened.state().name);
      }
      expect(existsSync(sessionFile(dataDir))).toBe(false);
      quit(opened.app);

      const ends = therapyEnds(dataDir).map((r) => `${r.kind}@${r.startedAt}`);
      expect(new Set(ends).size).toBe(ends.length);
      start = lastAt + 3 * HOUR;
    }
    expect(therapyEnds(dataDir).length).toBeGreaterThan(25);
  }, 120_000);
});

describe('the rest and the cap hold across a restart (issue 18)', () => {
  it('clearing the history and restarting does not lift the rest', async () => {
    const dataDir = freshDir();
    const first = open(dataDir, T0);
    await first.call('startTherapy', { kind: 'ice', minutes: 15 });
    first.clock.advance(15 * MINUTE);
    await first.call('acknowledgeTherapyEnd');
    expect(await first.call('clearHistory')).toMatchObject({ ok: true });
    expect(therapyEnds(dataDir)).toEqual([]);
    quit(first.app);

    const again = open(dataDir, T0 + 20 * MINUTE);
    expect(again.state()).toEqual({
      name: 'resting',
      kind: 'ice',
      nextPossibleAt: T0 + 15 * MINUTE + HOUR,
    });
    expect(await again.call('startTherapy', { kind: 'ice', minutes: 15 })).toMatchObject({
      ok: true,
      value: { ok: false, code: 'resting' },
    });
  });

  it('a saved session is cut to the organisation’s lower cap on opening, with a plain notice', async () => {
    const dataDir = freshDir();
    writeSession(dataDir, { kind: 'heat', minutes: 20, startedAt: T0, endsAt: T0 + 20 * MINUTE });
    const clock = new VirtualClock(T0 + 5 * MINUTE);
    const app = openApp({
      dataDir,
      clock,
      timeZone: 'Europe/Berlin',
      policy: { version: 1, locked: { therapy: { capMinutes: 10 } } },
    });
    apps.push(app);
    expect(app.therapy().state).toMatchObject({ name: 'running', endsAt: T0 + 10 * MINUTE });
    expect(app.context.notices.list()).toContainEqual({
      id: 'therapy-capped-on-restart',
      detail: '10',
    });
    expect(app.t('notices.therapy-capped-on-restart', { detail: '10' })).toContain(
      '10 minutes after it started',
    );
    clock.advance(5 * MINUTE);
    expect(app.therapy().state).toMatchObject({ name: 'ended-awaiting-ack', kind: 'heat' });
  });
});
