import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UnhunchApp } from '../../src/app/app';
import { createHistoryFile } from '../../src/app/history-file';
import { openApp } from '../../src/app/open';
import type {
  BreakPayload,
  CallName,
  Notice,
  Status,
  TherapyView,
} from '../../src/contract/contract';
import { dispatchCall } from '../../src/contract/dispatch';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/**
 * Hardening (issue #10): the real app over a real data folder on a virtual clock, with
 * the world going wrong underneath it. Every fault must leave the app answering, the
 * person told when something could not be kept, and nothing they chose lost.
 *
 * Read-only folders and full disks are injected at the fs layer, so they refuse root
 * too (root ignores file modes; see settings-store.test.ts). The functions of `node:fs`
 * that the history file, the JSON files and conf's atomic writer call are wrapped here,
 * hoisted above the imports: atomically (through stubborn-fs) keeps its own references
 * to them from the moment it loads. With no fault set they only pass the call on; with
 * one, they fail with its errno for paths inside the folder the test names: a read-only
 * folder refuses to open for writing, make, or rename into; a full disk opens files
 * and then refuses the writes.
 */
const disk = vi.hoisted(() => {
  const fs = process.getBuiltinModule('node:fs');
  const { syncBuiltinESMExports } = process.getBuiltinModule('node:module');
  const { sep } = process.getBuiltinModule('node:path');
  type Code = 'EROFS' | 'EACCES' | 'ENOSPC';
  const words: Record<Code, [number, string]> = {
    EROFS: [-30, 'read-only file system'],
    EACCES: [-13, 'permission denied'],
    ENOSPC: [-28, 'no space left on device'],
  };
  let fault: { code: Code; folder: string } | null = null;
  const openPaths = new Map<number, string>();
  const inside = (path: unknown) =>
    fault !== null &&
    typeof path === 'string' &&
    (path === fault.folder || path.startsWith(`${fault.folder}${sep}`));
  const refuse = (syscall: string, path: string) => {
    const code = fault!.code;
    const [errno, text] = words[code];
    return Object.assign(new Error(`${code}: ${text}, ${syscall} '${path}'`), {
      errno,
      code,
      syscall,
      path,
    });
  };
  const writes = (flags: unknown) =>
    typeof flags === 'number'
      ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT)) !== 0
      : typeof flags === 'string' && /[wa+]/.test(flags);
  const readOnly = () => fault !== null && fault.code !== 'ENOSPC';

  const original = {
    openSync: fs.openSync,
    closeSync: fs.closeSync,
    writeSync: fs.writeSync,
    mkdirSync: fs.mkdirSync,
    renameSync: fs.renameSync,
    writeFileSync: fs.writeFileSync,
    appendFileSync: fs.appendFileSync,
  };
  const patched = {
    openSync(...args: Parameters<typeof fs.openSync>) {
      const [path, flags] = args;
      // A full disk still opens files; it is the writes that fail.
      if (inside(path) && readOnly() && writes(flags)) throw refuse('open', String(path));
      const fd = original.openSync(...args);
      openPaths.set(fd, String(path));
      return fd;
    },
    closeSync(fd: number) {
      openPaths.delete(fd);
      return original.closeSync(fd);
    },
    writeSync(fd: number, ...rest: unknown[]) {
      const path = openPaths.get(fd);
      if (inside(path)) throw refuse('write', path!);
      return (original.writeSync as (...a: unknown[]) => number)(fd, ...rest);
    },
    mkdirSync(...args: Parameters<typeof fs.mkdirSync>) {
      // Making a folder that is there already succeeds on any disk.
      if (inside(String(args[0])) && !fs.existsSync(args[0]))
        throw refuse('mkdir', String(args[0]));
      return original.mkdirSync(...args);
    },
    renameSync(...args: Parameters<typeof fs.renameSync>) {
      const [from, to] = args.map(String);
      if (inside(to) && readOnly()) throw refuse('rename', `${from}' -> '${to}`);
      return original.renameSync(...args);
    },
    writeFileSync(...args: Parameters<typeof fs.writeFileSync>) {
      if (inside(args[0])) throw refuse('open', String(args[0]));
      return original.writeFileSync(...args);
    },
    appendFileSync(...args: Parameters<typeof fs.appendFileSync>) {
      if (inside(args[0])) throw refuse('open', String(args[0]));
      return original.appendFileSync(...args);
    },
  };
  Object.assign(fs, patched);
  syncBuiltinESMExports();
  return {
    /** From now on, writes inside `folder` fail with `code`. */
    refuse(code: Code, folder: string) {
      fault = { code, folder };
    },
    /** The disk is writable again. */
    lift() {
      fault = null;
    },
  };
});

const MONDAY_1400_BERLIN = Date.parse('2026-11-23T14:00:00+01:00');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const dirs: string[] = [];
const apps: UnhunchApp[] = [];

afterEach(() => {
  disk.lift();
  for (const app of apps.splice(0)) app.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-faults-'));
  dirs.push(dir);
  return dir;
}

interface Pushed<T> {
  payload: T;
  /** Real time since the desk opened when the app pushed it. */
  elapsed: number;
}

/** The app a person has open, over `dataDir`: what it pushes is kept with the real time it came. */
function openDesk(dataDir: string, clock = new VirtualClock(MONDAY_1400_BERLIN)) {
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin' });
  apps.push(app);
  const breaks: Pushed<BreakPayload>[] = [];
  const therapy: Pushed<TherapyView>[] = [];
  app.onEvent((event, payload) => {
    if (event === 'break')
      breaks.push({ payload: payload as BreakPayload, elapsed: clock.elapsed() });
    if (event === 'therapy')
      therapy.push({ payload: payload as TherapyView, elapsed: clock.elapsed() });
  });
  const call = async <T = unknown>(name: CallName, input?: unknown): Promise<T> => {
    const reply = await dispatchCall(app.handlers, name, input);
    if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
    return reply.value as T;
  };
  const lastBreak = () => breaks.at(-1)?.payload;
  const close = () => {
    apps.splice(apps.indexOf(app), 1);
    app.dispose();
  };
  return { app, clock, breaks, therapy, call, lastBreak, close };
}

type Desk = ReturnType<typeof openDesk>;

/** Takes a break now and lets it run its 30 seconds. */
async function takeMicroBreak(desk: Desk) {
  expect(await desk.call('takeBreakNow')).toEqual({ ok: true });
  desk.clock.advance(31_000);
  expect(desk.lastBreak()).toMatchObject({ phase: 'end', outcome: 'completed' });
}

const historyOf = (dir: string) => createHistoryFile(join(dir, 'history.jsonl')).read();
const historyTypes = (dir: string) => historyOf(dir).map((record) => record.type);
const savedSettings = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).settings as Record<string, unknown>;
const backupsIn = (dir: string) =>
  readdirSync(dir).filter((f) => f.startsWith('settings.unreadable-'));

describe('fault: the settings folder is deleted while the app runs', () => {
  it('the next history record and the next settings change make it again, and nothing chosen is lost', async () => {
    const dir = dataFolder();
    const desk = openDesk(dir);
    expect(await desk.call('updateSettings', { microBreak: { every: '25m' } })).toEqual({
      ok: true,
    });
    await takeMicroBreak(desk);

    // Gone, and the first thing written afterwards is a break's history.
    rmSync(dir, { recursive: true, force: true });
    await takeMicroBreak(desk);
    expect(historyTypes(dir)).toEqual(['break-due', 'break-taken']);
    expect(await desk.call('startTherapy', { kind: 'heat', minutes: 10 })).toEqual({ ok: true });
    desk.clock.advance(10 * MINUTE);
    expect(desk.app.therapy().state).toMatchObject({ name: 'ended-awaiting-ack' });
    expect(historyTypes(dir)).toEqual(['break-due', 'break-taken', 'therapy-start', 'therapy-end']);
    expect(await desk.call('updateSettings', { strictMode: true })).toEqual({ ok: true });
    // The whole of the person's choices is written, not only the last change.
    expect(savedSettings(dir)).toEqual({ microBreak: { every: '25m' }, strictMode: true });

    // Gone again; this time a settings change is written first.
    rmSync(dir, { recursive: true, force: true });
    expect(await desk.call('updateSettings', { longBreak: { duration: '10m' } })).toEqual({
      ok: true,
    });
    await takeMicroBreak(desk);
    expect(await desk.call('getNotices')).toEqual([]);
    desk.close();

    const reopened = openDesk(dir);
    expect(reopened.app.context.settings.user()).toEqual({
      microBreak: { every: '25m' },
      strictMode: true,
      longBreak: { duration: '10m' },
    });
    expect(historyTypes(dir)).toEqual(['break-due', 'break-taken']);
    expect(await reopened.call('getNotices')).toEqual([]);
  });
});

describe('fault: the settings folder refuses writes (read-only, or the disk is full)', () => {
  it.each([
    ['EROFS', 'read-only file system'],
    ['EACCES', 'permission denied'],
    ['ENOSPC', 'no space left on device'],
  ] as const)(
    '%s: a settings change holds in memory, is reported, and lands once the fault is lifted',
    async (code, words) => {
      const dir = dataFolder();
      const desk = openDesk(dir);
      expect(await desk.call('updateSettings', { microBreak: { every: '25m' } })).toEqual({
        ok: true,
      });

      disk.refuse(code, dir);
      expect(await desk.call('updateSettings', { strictMode: true })).toEqual({ ok: true });
      // In force for the session, and the person is told it may not last.
      expect(desk.app.status().strictMode).toBe(true);
      expect(await desk.call<Notice[]>('getNotices')).toEqual([
        { id: 'storage-failed', detail: expect.stringContaining(`${code}: ${words}`) },
      ]);
      // What was on disk is untouched, and the app keeps answering.
      expect(savedSettings(dir)).toEqual({ microBreak: { every: '25m' } });
      expect(await desk.call('getStatus')).toMatchObject({ strictMode: true, state: 'running' });
      expect(await desk.call('getSettings')).toMatchObject({
        effective: { strictMode: true, microBreak: { every: '25m' } },
      });

      disk.lift();
      expect(await desk.call('updateSettings', { longBreak: { duration: '10m' } })).toEqual({
        ok: true,
      });
      desk.close();
      const reopened = openDesk(dir);
      expect(reopened.app.context.settings.user()).toEqual({
        microBreak: { every: '25m' },
        strictMode: true,
        longBreak: { duration: '10m' },
      });
      expect(await reopened.call('getNotices')).toEqual([]);
    },
  );

  it('EROFS from the start: the app opens with the settings saved before, and what fails is reported', async () => {
    const dir = dataFolder();
    const first = openDesk(dir);
    await first.call('updateSettings', { microBreak: { every: '25m' } });
    first.close();

    disk.refuse('EROFS', dir);
    const desk = openDesk(dir);
    expect(desk.app.context.settings.effective().microBreak.everyMs).toBe(25 * MINUTE);
    await takeMicroBreak(desk);
    expect(await desk.call('updateSettings', { strictMode: true })).toEqual({ ok: true });
    expect(desk.app.status().strictMode).toBe(true);
    expect(await desk.call<Notice[]>('getNotices')).toEqual([
      { id: 'storage-failed', detail: expect.stringContaining('EROFS: read-only file system') },
    ]);

    disk.lift();
    await takeMicroBreak(desk);
    expect(await desk.call('updateSettings', { longBreak: { duration: '10m' } })).toEqual({
      ok: true,
    });
    desk.close();
    expect(openDesk(dir).app.context.settings.user()).toEqual({
      microBreak: { every: '25m' },
      strictMode: true,
      longBreak: { duration: '10m' },
    });
    // Only the break taken once the folder could be written again is in the history.
    expect(historyTypes(dir)).toEqual(['break-due', 'break-taken']);
  });
});

describe('fault: the disk is full while a break and a heat session are recorded', () => {
  it('each runs to its end, the failure is reported, the rest is kept, and later records land', async () => {
    const dir = dataFolder();
    const desk = openDesk(dir);
    await takeMicroBreak(desk);
    expect(historyTypes(dir)).toEqual(['break-due', 'break-taken']);

    disk.refuse('ENOSPC', dir);
    desk.clock.advance(20 * MINUTE);
    expect(desk.lastBreak()).toMatchObject({ phase: 'start', kind: 'micro' });
    desk.clock.advance(30_000);
    expect(desk.lastBreak()).toMatchObject({ phase: 'end', outcome: 'completed' });
    // The break's own records could not be written: that alone is reported.
    expect(await desk.call<Notice[]>('getNotices')).toEqual([
      { id: 'storage-failed', detail: expect.stringContaining('ENOSPC: no space left on device') },
    ]);

    expect(await desk.call('startTherapy', { kind: 'heat', minutes: 10 })).toEqual({ ok: true });
    desk.clock.advance(10 * MINUTE);
    expect(desk.app.therapy().state).toMatchObject({ name: 'ended-awaiting-ack', kind: 'heat' });
    expect(await desk.call('acknowledgeTherapyEnd')).toEqual({ ok: true });
    // The skin's rest holds although the session could not be written down.
    expect(await desk.call('startTherapy', { kind: 'heat', minutes: 10 })).toMatchObject({
      ok: false,
      code: 'resting',
    });
    expect((await desk.call<Notice[]>('getNotices')).map((notice) => notice.id)).toEqual([
      'storage-failed',
    ]);
    expect(await desk.call('getStatus')).toMatchObject({ state: 'running', currentBreak: null });
    expect(desk.app.timer.status().therapy).toBeNull();
    expect(historyTypes(dir)).toEqual(['break-due', 'break-taken']);

    disk.lift();
    await takeMicroBreak(desk);
    desk.close();
    expect(historyTypes(dir)).toEqual(['break-due', 'break-taken', 'break-due', 'break-taken']);
    expect(await openDesk(dir).call('getStats', { days: 1 })).toMatchObject({
      today: { taken: 2 },
    });
  });
});

describe('fault: the settings and history files are cut short', () => {
  it('a settings file damaged under the running app: the next change writes the settings in memory anew, keeping the damaged file', async () => {
    const dir = dataFolder();
    const desk = openDesk(dir);
    await desk.call('updateSettings', { microBreak: { every: '25m' }, strictMode: true });
    const whole = readFileSync(join(dir, 'settings.json'), 'utf8');
    const cut = whole.slice(0, Math.floor(whole.length / 2));
    writeFileSync(join(dir, 'settings.json'), cut);

    expect(await desk.call('updateSettings', { longBreak: { duration: '10m' } })).toEqual({
      ok: true,
    });
    const mine = { microBreak: { every: '25m' }, strictMode: true, longBreak: { duration: '10m' } };
    expect(savedSettings(dir)).toEqual(mine);
    const [backup] = backupsIn(dir);
    expect(readFileSync(join(dir, backup!), 'utf8')).toBe(cut);
    desk.close();

    const reopened = openDesk(dir);
    expect(reopened.app.context.settings.user()).toEqual(mine);
    expect(await reopened.call('getNotices')).toEqual([]);
  });

  it('restarted after both were cut mid-write: starts, keeps the settings file aside and says so, keeps every whole history line', async () => {
    const dir = dataFolder();
    const desk = openDesk(dir);
    await desk.call('updateSettings', { strictMode: true });
    await takeMicroBreak(desk);
    await takeMicroBreak(desk);
    // Both files cut in the middle, under the running app, which then stops.
    const settings = readFileSync(join(dir, 'settings.json'), 'utf8');
    const cutSettings = settings.slice(0, settings.indexOf('strictMode') + 5);
    writeFileSync(join(dir, 'settings.json'), cutSettings);
    const history = readFileSync(join(dir, 'history.jsonl'), 'utf8');
    writeFileSync(join(dir, 'history.jsonl'), history.slice(0, history.length - 15));
    desk.close();

    const restarted = openDesk(dir);
    const [backup] = backupsIn(dir);
    expect(readFileSync(join(dir, backup!), 'utf8')).toBe(cutSettings);
    // The cut history line is skipped and counted; every whole line is read.
    expect(await restarted.call('getNotices')).toEqual([
      { id: 'settings-unreadable', detail: join(dir, backup!) },
      { id: 'history-lines-skipped', detail: '1' },
    ]);
    expect(restarted.app.context.settings.user()).toEqual({});
    expect(await restarted.call('getStatus')).toMatchObject({
      state: 'running',
      strictMode: false,
    });
    expect(historyTypes(dir)).toEqual(['break-due', 'break-taken', 'break-due']);
    // The app goes on recording after the torn line.
    await takeMicroBreak(restarted);
    expect(historyTypes(dir)).toEqual([
      'break-due',
      'break-taken',
      'break-due',
      'break-due',
      'break-taken',
    ]);
    expect(await restarted.call('getStats', { days: 1 })).toMatchObject({ today: { taken: 2 } });
  });
});

describe('fault: the clock is set back an hour, then forward three, while a micro break and a heat session run', () => {
  it.each([
    ['14:00', 'not reported: noticed at the next wake', false],
    ['14:00', 'reported by the host', true],
    ['09:30', 'not reported, and set back to before work hours', false],
    ['09:30', 'reported, and set back to before work hours', true],
  ] as const)(
    'from %s, %s: both last their real length, end once each, and are recorded once each',
    async (time, _how, reported) => {
      const dir = dataFolder();
      const desk = openDesk(dir, new VirtualClock(Date.parse(`2026-11-23T${time}:00+01:00`)));
      const jumps: number[] = [];
      desk.app.timer.onEvent((event) => {
        if (event.type === 'clock-jump') jumps.push(Math.round(event.byMs / 1000));
      });
      const setClock = (by: number) => {
        desk.clock.jumpWall(by);
        if (reported) desk.app.timer.signal({ type: 'time-changed' });
      };

      desk.clock.advance(10 * MINUTE);
      const heatFrom = desk.clock.elapsed();
      expect(await desk.call('startTherapy', { kind: 'heat', minutes: 15 })).toEqual({ ok: true });
      desk.clock.advance(10 * MINUTE); // the first micro break, 20 minutes after opening
      expect(desk.lastBreak()).toMatchObject({ phase: 'start', kind: 'micro' });
      const breakFrom = desk.breaks.at(-1)!.elapsed;
      expect(desk.app.timer.status()).toMatchObject({
        currentBreak: { kind: 'micro' },
        therapy: { kind: 'heat' },
      });

      desk.clock.advance(10_000);
      setClock(-HOUR);
      if (reported) {
        // The break on screen is told its end on the clock as it now reads.
        expect(desk.lastBreak()).toMatchObject({ phase: 'start', kind: 'micro' });
        expect(desk.lastBreak()!.endsAt - desk.lastBreak()!.now).toBe(20_000);
      }
      // A window opened now counts down the 20 seconds left, not an hour and 20 seconds.
      const shown = await desk.call<BreakPayload>('getCurrentBreak');
      expect(shown.endsAt - shown.now).toBe(20_000);
      expect(desk.app.timer.status().therapy!.endsAt - desk.clock.now()).toBe(4 * MINUTE + 50_000);
      desk.clock.advance(20_000 - 1);
      expect(desk.lastBreak()?.phase).toBe('start');
      desk.clock.advance(1);
      expect(desk.lastBreak()).toMatchObject({ phase: 'end', outcome: 'completed' });
      expect(desk.breaks.at(-1)!.elapsed - breakFrom).toBe(30_000);

      desk.clock.advance(MINUTE + 30_000);
      setClock(3 * HOUR);
      expect(desk.app.timer.status().therapy!.endsAt - desk.clock.now()).toBe(3 * MINUTE);
      desk.clock.advance(3 * MINUTE - 1);
      expect(desk.app.therapy().state.name).toBe('running');
      desk.clock.advance(1);
      expect(desk.app.therapy().state).toMatchObject({
        name: 'ended-awaiting-ack',
        kind: 'heat',
        minutes: 15,
        lateBy: 0,
      });
      const heatEnded = desk.therapy.find((t) => t.payload.state.name === 'ended-awaiting-ack')!;
      expect(heatEnded.elapsed - heatFrom).toBe(15 * MINUTE);
      expect(heatEnded.elapsed - heatFrom).toBeLessThanOrEqual(20 * MINUTE);
      expect(jumps).toEqual([-3600, 3 * 3600]);

      // Every countdown the app pushed said what was really left, on the clock as it read then.
      for (const { payload, elapsed } of desk.breaks.filter((b) => b.payload.phase === 'start')) {
        expect(payload.endsAt - payload.now).toBe(30_000 - (elapsed - breakFrom));
      }
      for (const { payload, elapsed } of desk.therapy) {
        if (payload.state.name !== 'running') continue;
        expect(payload.state.endsAt - payload.now).toBe(15 * MINUTE - (elapsed - heatFrom));
      }

      // The end is acknowledged, the skin rests, and each thing is in the history once.
      expect(await desk.call('acknowledgeTherapyEnd')).toEqual({ ok: true });
      expect(desk.app.therapy().state).toMatchObject({ name: 'resting', kind: 'heat' });
      expect(historyTypes(dir)).toEqual([
        'therapy-start',
        'break-due',
        'break-taken',
        'therapy-end',
      ]);
      expect(historyOf(dir).at(-1)).toMatchObject({ minutes: 15, outcome: 'completed' });
      expect(historyOf(dir).at(-1)).not.toHaveProperty('lateBy');
      const status = await desk.call<Status>('getStatus');
      expect(status).toMatchObject({ state: 'running', currentBreak: null });
      expect(desk.app.timer.status().therapy).toBeNull();
      expect(status.nextBreak!.dueAt - status.now).toBeGreaterThan(0);
      expect(status.nextBreak!.dueAt - status.now).toBeLessThanOrEqual(20 * MINUTE);
    },
  );

  it('right after an unreported clock change the heat session view shows the real time left', async () => {
    const desk = openDesk(dataFolder());
    await desk.call('startTherapy', { kind: 'heat', minutes: 15 });
    desk.clock.advance(5 * MINUTE);
    desk.clock.jumpWall(-HOUR);
    const view = await desk.call<TherapyView>('getTherapy');
    expect(view.state.name === 'running' && view.state.endsAt - view.now).toBe(10 * MINUTE);
  });
});
