import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { benchTray, startHost } from '../../../bench/host/electron';
import { advanceWakeByWake, settle } from '../../../bench/host/wake-by-wake';
import { openApp } from '../../../src/app/open';
import { openMachinePolicy } from '../../../src/app/policy/machine';
import { shareOneTimer } from '../../../src/app/shared-clock';
import { dispatchCall } from '../../../src/contract/dispatch';
import { HOUR, MINUTE } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { adminFs, fakeRoot } from '../policy/helpers';
import {
  electronFake,
  FakeBrowserWindow,
  fakeElectronApp,
  freshProcess,
  violations,
} from './electron-fake';

// The whole Electron host in Node under the one strict fake `electron`, and a quiet
// logger (electron-log would load the real Electron).
vi.mock('electron', () => electronFake());
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

const created: string[] = [];
afterEach(() => {
  // The person quits from the tray, as Electron quits: no window may veto it.
  if (!fakeElectronApp.quitted) fakeElectronApp.quit();
  expect(violations, 'what Electron would have refused').toEqual([]);
  freshProcess();
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The Electron host on a virtual clock, its wakeups (the firings of its one timer) counted. */
async function host(startAt: string) {
  const userData = mkdtempSync(join(tmpdir(), 'unhunch-host-'));
  created.push(userData);
  fakeElectronApp.setPath('userData', userData);
  const virtual = new VirtualClock(Date.parse(startAt));
  const app = await startHost(virtual);
  await settle();
  return {
    app,
    virtual,
    tooltip: benchTray.tooltip,
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

describe('the break windows in the whole host', () => {
  it('take the focus 1.5 s after a break opens, in a wake of the shared timer, with no real timer', async () => {
    const h = await host('2026-11-24T10:00:00Z');
    const realTimeouts = vi.spyOn(globalThis, 'setTimeout');
    try {
      await h.advance(20 * MINUTE);
      const windows = FakeBrowserWindow.getAllWindows();
      expect(windows.length).toBeGreaterThan(0);
      expect(windows.some((window) => window.focused)).toBe(false);
      // The grace is the next thing the one timer wakes for, and that wake is counted.
      expect(h.virtual.nextTimerAt()).toBe(h.virtual.monotonic() + 1500);
      const before = h.virtual.fired;
      await h.advance(1500);
      expect(h.virtual.fired - before).toBe(1);
      expect(windows[0]!.focused).toBe(true);
      expect(realTimeouts.mock.calls.filter(([, ms]) => (ms ?? 0) > 0)).toEqual([]);
    } finally {
      realTimeouts.mockRestore();
    }
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
