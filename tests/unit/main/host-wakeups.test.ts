import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { advanceWakeByWake, settle } from '../../../bench/host/wake-by-wake';
import { openApp } from '../../../src/app/open';
import { openMachinePolicy } from '../../../src/app/policy/machine';
import { shareOneTimer } from '../../../src/app/shared-clock';
import { dispatchCall } from '../../../src/contract/dispatch';
import { HOUR, MINUTE } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { adminFs, fakeRoot } from '../policy/helpers';

// The whole Electron host in Node: the bench's lenient stand-in for `electron`, and a
// quiet logger (electron-log would load the real Electron).
vi.mock('electron', () => import('../../../bench/host/electron'));
vi.mock('electron-log/main', () => {
  const quiet = { info() {}, warn() {}, error() {} };
  return {
    default: {
      ...quiet,
      transports: { file: {}, console: {} },
      errorHandler: { startCatching() {} },
    },
  };
});
// Work hours are read in the machine's zone: make it known.
process.env.TZ = 'UTC';

const electron = await import('../../../bench/host/electron');
const { start } = await import('../../../src/main/index');

const created: string[] = [];
afterEach(() => {
  electron.app.emit('before-quit');
  for (const emitter of [electron.app, electron.powerMonitor, electron.nativeTheme]) {
    emitter.removeAllListeners();
  }
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The Electron host on a virtual clock, its wakeups (the firings of its one timer) counted. */
async function host(startAt: string) {
  const userData = mkdtempSync(join(tmpdir(), 'unhunch-host-'));
  created.push(userData);
  electron.app.setPath('userData', userData);
  const virtual = new VirtualClock(Date.parse(startAt));
  const app = await start({ clock: virtual });
  await settle();
  return {
    app,
    virtual,
    tooltip: () => electron.benchState.tray.tooltip,
    advance: (ms: number) => advanceWakeByWake(virtual, virtual.elapsed() + ms),
  };
}

describe('the Electron host wakes the machine only while it is timing breaks', () => {
  it('paused, nothing in the whole main process wakes it, and the tray says paused', async () => {
    const h = await host('2026-11-24T10:00:00Z');
    expect(await dispatchCall(h.app.handlers, 'pause', { indefinitely: true })).toMatchObject({
      ok: true,
    });
    await settle();
    const before = h.virtual.fired;
    await h.advance(3 * HOUR);
    expect(h.virtual.fired - before).toBe(0);
    expect(h.tooltip()).toBe('Unhunch · paused');
  });

  it('outside work hours, nothing wakes it until work hours begin', async () => {
    // Tuesday 18:00 UTC; the default work hours are 09:00 to 17:30, Monday to Friday.
    const h = await host('2026-11-24T18:00:00Z');
    expect(h.tooltip()).toBe('Unhunch · outside work hours');
    await h.advance(14 * HOUR + 59 * MINUTE);
    expect(h.virtual.fired).toBe(0);
    await h.advance(2 * MINUTE);
    expect(h.virtual.fired).toBeGreaterThan(0);
    expect(h.tooltip()).toMatch(/next break in/);
  });

  it('the tray counts down to the next break at each minute, without a wake of its own', async () => {
    const h = await host('2026-11-24T10:00:00Z');
    expect(h.tooltip()).toBe('Unhunch · next break in 20 minutes');
    await h.advance(MINUTE - 1000);
    expect(h.tooltip()).toBe('Unhunch · next break in 20 minutes');
    await h.advance(1000);
    expect(h.tooltip()).toBe('Unhunch · next break in 19 minutes');
    await h.advance(10 * MINUTE);
    expect(h.tooltip()).toBe('Unhunch · next break in 9 minutes');
    // The timer service samples idle every 30 s while the user works: the tray's
    // minutes fall on those wakes, so 11 minutes are 22 wakeups.
    expect(h.virtual.fired).toBe(22);
  });
});

describe('the policy, watched without a timer', () => {
  it('a change to a policy file is picked up, and nothing is armed while nothing changes', async () => {
    const root = fakeRoot(created);
    const managed = await openMachinePolicy({ platform: 'linux', root: root.root, fs: adminFs });
    const virtual = new VirtualClock(Date.parse('2026-11-24T10:00:00Z'));
    const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-host-'));
    created.push(dataDir);
    const app = openApp({ dataDir, clock: shareOneTimer(virtual), timeZone: 'UTC' });
    // Breaks off and no work-hours edge: the timer service arms nothing, so any wake is the watcher's.
    await dispatchCall(app.handlers, 'updateSettings', {
      microBreak: { enabled: false },
      longBreak: { enabled: false },
      workHours: null,
      routines: [],
    });
    // Nor any timer of its own past the clock.
    const intervals = vi.spyOn(globalThis, 'setInterval');
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    const watcher = managed.attach(app.context);
    try {
      await settle();
      virtual.advance(8 * HOUR);
      expect(virtual.fired).toBe(0);
      expect(intervals).not.toHaveBeenCalled();
      expect(timeouts).not.toHaveBeenCalled();
      // /etc/unhunch does not exist yet: its parent is watched.
      root.write('etc/unhunch/policy.json', { version: 1, locked: { strictMode: true } });
      await vi.waitFor(
        () => {
          virtual.advance(100);
          expect(app.context.settings.locked()).toEqual(['strictMode']);
        },
        { timeout: 5000 },
      );
    } finally {
      vi.restoreAllMocks();
      watcher.dispose();
      app.dispose();
    }
  });
});
