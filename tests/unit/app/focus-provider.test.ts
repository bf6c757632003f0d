import { describe, expect, it } from 'vitest';
import {
  type FocusReadings,
  type FocusSupport,
  startFocusProvider,
} from '../../../src/app/focus-provider';
import { shareOneTimer } from '../../../src/app/shared-clock';
import { createTimerService } from '../../../src/core/breaks/service';
import type { FocusSignal, Reading } from '../../../src/core/focus/signals';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings';
import { MINUTE } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';

const flush = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * The real timer service and the provider on one shared virtual clock (as in the
 * Electron host), the provider reading scripted detectors.
 */
function setup(
  world: (minute: number) => FocusReadings,
  settings: Settings = { ...DEFAULT_SETTINGS, workHours: null, routines: [] },
  idle: () => number = () => 0,
) {
  const virtual = new VirtualClock(Date.parse('2026-11-24T09:00:00+01:00'));
  const clock = shareOneTimer(virtual);
  const service = createTimerService({ clock, settings, timeZone: 'Europe/Berlin', idle });
  const events: string[] = [];
  service.onEvent((e) =>
    events.push(
      `${+(virtual.elapsed() / MINUTE).toFixed(2)} ${e.type}${'kind' in e ? ` ${e.kind}` : ''}`,
    ),
  );
  const reads: number[] = [];
  const supports: FocusSupport[] = [];
  let current = settings;
  const provider = startFocusProvider({
    timer: service,
    deferral: () => current.deferral,
    read: async (deferral) => {
      const minute = virtual.elapsed() / MINUTE;
      reads.push(+minute.toFixed(2));
      const all = world(minute);
      return Object.fromEntries(
        Object.entries(all).filter(([signal]) => deferral[signal as FocusSignal]),
      );
    },
    clock,
    onSupport: (support) => supports.push(support),
  });
  return {
    service,
    events,
    reads,
    supports,
    provider,
    setSettings(next: Settings) {
      current = next;
      service.updateSettings(next);
    },
    /** Wake by wake, letting each reading finish before the next wake. */
    async runTo(minutes: number) {
      await flush();
      while (virtual.elapsed() < minutes * MINUTE) {
        const next = virtual.nextTimerAt();
        const step = next === null ? Number.POSITIVE_INFINITY : next - virtual.monotonic();
        virtual.advanceTo(Math.min(virtual.elapsed() + Math.max(step, 0), minutes * MINUTE));
        await flush();
      }
    },
  };
}

const quiet = (): FocusReadings => ({
  camera: 'off',
  microphone: 'off',
  screenSharing: 'unknown',
  fullscreen: 'off',
  meetingApps: 'off',
  doNotDisturb: 'unknown',
});

describe('the focus-signal provider', () => {
  it('looks once at start, then from a minute before each warning until the break shows: every 15 s once announced', async () => {
    const h = setup(quiet);
    await h.runTo(45);
    // Before the warning it reads when the service wakes to sample idle (every 30 s);
    // from the warning (19.5, 40) every 15 s, whatever else wakes.
    expect(h.reads).toEqual([0, 18.5, 19, 19.5, 19.75, 39, 39.5, 40, 40.25]);
  });

  it('when the warning comes the signals are read at once, then every 15 s, however the idle samples fall', async () => {
    // Every third idle sample finds the person reading for 10 s: the samples drift off the minute.
    let samples = 0;
    const h = setup(quiet, undefined, () => (samples++ % 3 === 1 ? 10 : 0));
    await h.runTo(21);
    const warning = h.events.find((e) => e.endsWith('break-warning micro'));
    const warnedAt = Number(warning?.split(' ')[0]);
    expect(h.reads).toContain(warnedAt);
    expect(h.reads).toContain(warnedAt + 0.25);
    expect(h.reads.filter((minute) => minute > warnedAt)).toEqual([warnedAt + 0.25]);
  });

  it('a camera read on holds the due break; read off, the break comes within a minute', async () => {
    const h = setup((minute) => ({
      ...quiet(),
      camera: minute >= 10 && minute < 40 ? 'on' : 'off',
    }));
    await h.runTo(42);
    expect(h.events.filter((e) => /break-(deferred|start|warning)/.test(e))).toEqual([
      '20 break-deferred micro',
      '40 break-warning micro',
      '40.5 break-start micro',
    ]);
  });

  it('a signal it cannot read counts as off, and the UI is told what this machine can read', async () => {
    const h = setup(() => ({ ...quiet(), camera: 'unknown' }));
    await h.runTo(21);
    expect(h.events).toContain('20 break-start micro');
    expect(h.supports[0]).toEqual({
      camera: 'unreadable',
      microphone: 'readable',
      screenSharing: 'unreadable',
      fullscreen: 'readable',
      meetingApps: 'readable',
      doNotDisturb: 'unreadable',
    });
    // Told once: nothing changed after.
    expect(h.supports).toHaveLength(1);
  });

  it('a signal turned off in the settings is not read, and stops holding breaks', async () => {
    const camera = (): FocusReadings => ({ ...quiet(), camera: 'on' as Reading });
    const h = setup(camera);
    await h.runTo(25);
    expect(h.events).toContain('20 break-deferred micro');
    h.setSettings({
      ...DEFAULT_SETTINGS,
      workHours: null,
      routines: [],
      deferral: { ...DEFAULT_SETTINGS.deferral, camera: false },
    });
    await h.runTo(26);
    expect(h.events).toContain('25 break-warning micro');
    expect(h.events).toContain('25.5 break-start micro');
  });

  it('a slow read is never started twice at once', async () => {
    let resolve: (() => void) | null = null;
    let started = 0;
    const clock = new VirtualClock(0);
    const service = createTimerService({
      clock,
      settings: { ...DEFAULT_SETTINGS, workHours: null, routines: [] },
      timeZone: 'UTC',
    });
    const provider = startFocusProvider({
      timer: service,
      deferral: () => DEFAULT_SETTINGS.deferral,
      read: () => {
        started++;
        return new Promise((done) => {
          resolve = () => done(quiet());
        });
      },
      clock,
    });
    void provider.look();
    void provider.look();
    expect(started).toBe(1);
    (resolve as (() => void) | null)?.();
    await flush();
    void provider.look();
    expect(started).toBe(2);
    provider.stop();
    service.dispose();
  });
});
