import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UnhunchApp } from '../../../src/app/app';
import { openApp } from '../../../src/app/open';
import type { Logger } from '../../../src/app/ports';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { electronFake, fakeElectronApp } from './electron-fake';

vi.mock('electron', () => electronFake());

const { followLaunches, holdSingleInstance } = await import('../../../src/main/launch');

const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const MINUTE = 60_000;
const dirs: string[] = [];
const stops: (() => void)[] = [];

/** The real app over a temp folder, following launches as the Electron host does. */
function runningUnhunch(firstArgv: string[] = ['/opt/Unhunch/unhunch']) {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-launch-'));
  dirs.push(dataDir);
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ settings: { workHours: null } }));
  const clock = new VirtualClock(MONDAY_0930_BERLIN);
  const logged: string[] = [];
  const logger: Logger = {
    info: (message) => logged.push(`info ${message}`),
    warn: (message) => logged.push(`warn ${message}`),
    error: (message) => logged.push(`error ${message}`),
  };
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin', logger });
  let windowsShown = 0;
  const stop = followLaunches(fakeElectronApp, app, {
    showMainWindow: () => {
      windowsShown++;
    },
    logger,
    argv: firstArgv,
  });
  stops.push(() => {
    stop();
    app.dispose();
  });
  return { app, clock, logged, windowsShown: () => windowsShown, stopFollowing: stop };
}

/** What a person would see of the app's state, without the clock reading. */
function stateOf(app: UnhunchApp) {
  const { now: _now, ...rest } = app.status();
  return rest;
}

beforeEach(() => {
  fakeElectronApp.lockHeldElsewhere = false;
  fakeElectronApp.quits = 0;
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  expect(fakeElectronApp.listenerCount('second-instance')).toBe(0);
});

describe('the first launch', () => {
  it('takes the single-instance lock, handing over its own arguments', () => {
    expect(holdSingleInstance(fakeElectronApp, ['--pause=15'])).toBe(true);
    expect(fakeElectronApp.lockData).toEqual({ argv: ['--pause=15'] });
    expect(fakeElectronApp.quits).toBe(0);
  });

  it('quits when another Unhunch holds the lock', () => {
    fakeElectronApp.lockHeldElsewhere = true;
    expect(holdSingleInstance(fakeElectronApp, ['--open'])).toBe(false);
    expect(fakeElectronApp.quits).toBe(1);
  });

  it('starts quietly in the tray without arguments, and acts on its own', () => {
    const quiet = runningUnhunch(['/opt/Unhunch/unhunch']);
    expect(quiet.windowsShown()).toBe(0);
    expect(quiet.app.status().state).toBe('running');
    const asked = runningUnhunch(['/opt/Unhunch/unhunch', '--open', '--pause=45']);
    expect(asked.windowsShown()).toBe(1);
    expect(asked.app.status()).toMatchObject({
      state: 'paused',
      pausedUntil: asked.clock.now() + 45 * MINUTE,
    });
  });
});

describe('a second launch', () => {
  it('with --pause=15 pauses the running app for 15 minutes, and with --resume resumes it', () => {
    const { app, clock, windowsShown } = runningUnhunch();
    fakeElectronApp.launchAgain(['/opt/Unhunch/unhunch', '--pause=15']);
    expect(app.status()).toMatchObject({ state: 'paused', pausedUntil: clock.now() + 15 * MINUTE });
    clock.advance(5 * MINUTE);
    fakeElectronApp.launchAgain(['/opt/Unhunch/unhunch', '--resume']);
    expect(app.status()).toMatchObject({ state: 'running', pausedUntil: null });
    // Acting on a request is answer enough: no window comes up.
    expect(windowsShown()).toBe(0);
  });

  it('with --open, or with nothing to do, shows the window', () => {
    const { app, windowsShown } = runningUnhunch();
    const before = stateOf(app);
    fakeElectronApp.launchAgain(['/opt/Unhunch/unhunch', '--open']);
    expect(windowsShown()).toBe(1);
    fakeElectronApp.launchAgain(['/opt/Unhunch/unhunch']);
    expect(windowsShown()).toBe(2);
    expect(stateOf(app)).toEqual(before);
  });

  it('reads the arguments the second instance sent, not the ones Chromium passed on', () => {
    const { app } = runningUnhunch();
    fakeElectronApp.launchAgain(['/opt/Unhunch/unhunch', '--allow-file-access-from-files'], {
      argv: ['--pause=20'],
    });
    expect(app.status().state).toBe('paused');
    // Lock data that is not a list of strings is not trusted: Electron's argv is read.
    fakeElectronApp.launchAgain(['/opt/Unhunch/unhunch', '--resume'], { argv: [{ evil: true }] });
    expect(app.status().state).toBe('running');
  });

  it.each([
    ['--pause=abc'],
    ['--pause=99999'],
    ['--pause=0'],
    ['--pause=-5'],
    ['--pause=15m'],
    ['--pause=1e3'],
    ['--resume=now'],
    ['--open=https://example.com'],
  ])('with %s refuses it by name, changes nothing and still answers', (garbage) => {
    const { app, logged, windowsShown } = runningUnhunch();
    const before = stateOf(app);
    expect(windowsShown()).toBe(0);
    expect(() => fakeElectronApp.launchAgain(['/opt/Unhunch/unhunch', garbage])).not.toThrow();
    expect(stateOf(app)).toEqual(before);
    expect(logged).toEqual([
      expect.stringContaining(`warn launch: refused ${JSON.stringify(garbage)}`),
    ]);
    // Nothing was done: the window comes up, as for a launch with nothing to do.
    expect(windowsShown()).toBe(1);
  });

  it('leaves unknown flags alone, without a word: they are Electron’s and Chromium’s', () => {
    const { app, logged } = runningUnhunch();
    const before = stateOf(app);
    fakeElectronApp.launchAgain([
      '/opt/Unhunch/unhunch',
      '--frobnicate',
      '--no-sandbox',
      '-p',
      '15',
    ]);
    expect(stateOf(app)).toEqual(before);
    expect(logged).toEqual([]);
  });

  it('with a very long argument or a hundred thousand of them stays quick, logs one short line and acts once', () => {
    const { app, clock, logged } = runningUnhunch();
    const before = stateOf(app);
    const huge = `--pause=${'9'.repeat(1_000_000)}`;
    fakeElectronApp.launchAgain([
      '/opt/Unhunch/unhunch',
      huge,
      ...Array(100_000).fill('--pause=x'),
    ]);
    expect(stateOf(app)).toEqual(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`refused "--pause=${'9'.repeat(32)}…", "--pause=x"`);
    expect(logged[0]).toContain('and 99996 more');
    expect(logged[0]!.length).toBeLessThan(400);

    let pauses = 0;
    app.timer.onEvent((event) => {
      if (event.type === 'paused') pauses++;
    });
    fakeElectronApp.launchAgain(['/opt/Unhunch/unhunch', ...Array(100_000).fill('--pause=15')]);
    expect(app.status()).toMatchObject({ state: 'paused', pausedUntil: clock.now() + 15 * MINUTE });
    expect(pauses).toBe(1);
  });

  it('acts on the last of --pause and --resume, as one after the other would leave it', () => {
    const { app } = runningUnhunch();
    fakeElectronApp.launchAgain(['unhunch', '--pause=15', '--resume']);
    expect(app.status().state).toBe('running');
    fakeElectronApp.launchAgain(['unhunch', '--resume', '--pause=30']);
    expect(app.status().state).toBe('paused');
  });

  it('whose action fails is logged, not thrown at Electron', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-launch-'));
    dirs.push(dataDir);
    const app = openApp({ dataDir, clock: new VirtualClock(MONDAY_0930_BERLIN), timeZone: 'UTC' });
    const logged: string[] = [];
    const stop = followLaunches(fakeElectronApp, app, {
      showMainWindow: () => {
        throw new Error('no display');
      },
      logger: { info() {}, warn() {}, error: (message) => logged.push(message) },
      argv: [],
    });
    stops.push(() => {
      stop();
      app.dispose();
    });
    expect(() => fakeElectronApp.launchAgain(['unhunch', '--open'])).not.toThrow();
    expect(logged).toEqual(['launch: showing the window failed: Error: no display']);
  });

  it('is no longer followed once stopped', () => {
    const { app, stopFollowing } = runningUnhunch();
    stopFollowing();
    fakeElectronApp.launchAgain(['unhunch', '--pause=15']);
    expect(app.status().state).toBe('running');
  });
});
