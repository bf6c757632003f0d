import { describe, expect, it } from 'vitest';
import { createTimerService } from '../../../../src/core/breaks/service';
import type { FocusSignal, Reading } from '../../../../src/core/focus/signals';
import { DEFAULT_SETTINGS, type Settings } from '../../../../src/core/settings/settings';
import { MINUTE } from '../../../../src/core/time/duration';
import { VirtualClock } from '../../../../src/core/time/virtual-clock';
import {
  FOCUS_POLL_MS,
  type FocusReadings,
  type FocusSupport,
  startFocusProvider,
} from '../../../../src/main/focus/provider';

const flush = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * The real timer service on a virtual clock with the provider reading scripted
 * detectors; the host's 15-second interval is driven with the clock.
 */
function setup(
  world: (minute: number) => FocusReadings,
  settings: Settings = { ...DEFAULT_SETTINGS, workHours: null, routines: [] },
) {
  const clock = new VirtualClock(Date.parse('2026-11-24T09:00:00+01:00'));
  const service = createTimerService({ clock, settings, timeZone: 'Europe/Berlin', idle: () => 0 });
  const events: string[] = [];
  service.onEvent((e) =>
    events.push(
      `${+(clock.elapsed() / MINUTE).toFixed(2)} ${e.type}${'kind' in e ? ` ${e.kind}` : ''}`,
    ),
  );
  let tick: (() => void) | null = null;
  const reads: number[] = [];
  const supports: FocusSupport[] = [];
  let current = settings;
  const provider = startFocusProvider({
    timer: service,
    deferral: () => current.deferral,
    read: async (deferral) => {
      const minute = clock.elapsed() / MINUTE;
      reads.push(+minute.toFixed(2));
      const all = world(minute);
      return Object.fromEntries(
        Object.entries(all).filter(([signal]) => deferral[signal as FocusSignal]),
      );
    },
    every: (ms, fn) => {
      expect(ms).toBe(FOCUS_POLL_MS);
      tick = fn;
      return () => {
        tick = null;
      };
    },
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
    async runTo(minutes: number) {
      await flush();
      while (clock.elapsed() < minutes * MINUTE) {
        // An interval set during this step first ticks 15 s later, as setInterval does.
        const running = tick;
        clock.advanceTo(Math.min(clock.elapsed() + FOCUS_POLL_MS, minutes * MINUTE));
        await flush();
        if (running && tick === running) running();
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
  it('looks once at start, then only from a minute before each warning until the break shows', async () => {
    const h = setup(quiet);
    await h.runTo(45);
    expect(h.reads).toEqual([
      0, 18.5, 18.75, 19, 19.25, 19.5, 19.75, 39, 39.25, 39.5, 39.75, 40, 40.25,
    ]);
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
      every: () => () => {},
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
