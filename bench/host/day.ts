/**
 * The Electron host's code (src/main, under the one strict fake `electron`,
 * tests/unit/main/electron-fake.ts, through ./register.ts) on a virtual clock through a simulated day, counting every wakeup of the main process:
 * every timer the host arms goes through the clock `start` is given, and the host puts
 * them all on one shared timer, so a wakeup is one firing of that timer. Real timers
 * that fire meanwhile (none should) are counted too, with where they were armed.
 * Run on its own (`node --import tsx bench/host/day.ts`) it prints the figures as JSON:
 * bench/run.ts runs it so, in a process of its own, as the host runs.
 */
import './register';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dispatchCall } from '../../src/contract/dispatch';
import { HOUR, MINUTE } from '../../src/core/time/duration';
import { VirtualClock } from '../../src/core/time/virtual-clock';
import { idleOf, type Person } from './person';
import { advanceWakeByWake, settle } from './wake-by-wake';

// The host takes the machine's time zone, as a desktop app does.
process.env.TZ = 'Europe/Berlin';
const userData = mkdtempSync(join(tmpdir(), 'unhunch-bench-host-'));
process.env.UNHUNCH_USER_DATA = userData;

const { benchTray, idleAnswers, startHost } = await import('./electron');
const { collectedTrays, fakeElectronApp, violations } = await import(
  '../../tests/unit/main/electron-fake'
);

const SOURCE = `${join(import.meta.dirname, '..', '..', 'src')}/`;

/**
 * Real timers while the virtual day runs: a timer that bypasses the clock. Those our
 * code (src/) arms are each counted as a wakeup, as they would wake the process in a
 * real day (the virtual day runs too fast for them to fire); any that fires is listed.
 */
function watchRealTimers() {
  const fired: string[] = [];
  const armedBySource: string[] = [];
  const original = { setTimeout: globalThis.setTimeout, setInterval: globalThis.setInterval };
  let watching = false;
  const wrap = <A extends unknown[]>(
    arm: (fn: (...args: A) => void, ms?: number, ...args: A) => unknown,
  ) =>
    ((fn: (...args: A) => void, ms?: number, ...args: A) => {
      const stack = (new Error().stack ?? '').split('\n').slice(2);
      const origin = stack.slice(0, 2).join(' <- ').trim();
      const ours = stack.find((frame) => frame.includes(SOURCE));
      if (watching && ours && (ms ?? 0) > 0)
        armedBySource.push(ours.trim().replace(SOURCE, 'src/'));
      return arm(
        (...inner: A) => {
          if (watching) fired.push(origin);
          fn(...inner);
        },
        ms,
        ...args,
      );
    }) as typeof setTimeout;
  globalThis.setTimeout = wrap(original.setTimeout as never);
  globalThis.setInterval = wrap(original.setInterval as never) as unknown as typeof setInterval;
  return {
    fired,
    armedBySource,
    watch: (on: boolean) => {
      watching = on;
    },
  };
}

export interface HostDay {
  /** 8 h from 09:00 on a Tuesday, an active user, idle detection on. */
  activeDay: { wakeups: number; trayDraws: number; trayTooltips: number };
  /** An hour inside an indefinite pause. */
  pausedHour: { wakeups: number };
  /** 17:31 to 08:59 the next morning, with the default work hours, per hour. */
  outsideWorkHours: { wakeups: number; hours: number };
  /** Real timers that fired during the day (none should: all go through the clock). */
  realTimersFired: string[];
  /** Where our code armed a real timer, bypassing the clock: each counted as a wakeup above. */
  realTimersArmed: string[];
}

export async function measureHostDay(person: Person = 'typing'): Promise<HostDay> {
  idleAnswers(idleOf(person));
  const real = watchRealTimers();
  const virtual = new VirtualClock(Date.parse('2026-11-24T09:00:00+01:00'));
  const wakes: number[] = [];
  const counting = {
    now: () => virtual.now(),
    monotonic: () => virtual.monotonic(),
    cancel: (handle: { id: number }) => virtual.cancel(handle),
    setTimer: (at: number, fn: () => void) =>
      virtual.setTimer(at, () => {
        wakes.push(virtual.elapsed());
        fn();
      }),
  };
  const app = await startHost(counting);
  const settings = (value: object) => dispatchCall(app.handlers, 'updateSettings', value);
  // As the timer service's own figure (bench/run.ts): work hours always, no routines.
  const applied = await settings({ workHours: null, routines: [] });
  if (!applied.ok) throw new Error(`bench settings refused: ${JSON.stringify(applied)}`);
  await settle();

  const runTo = (elapsed: number) => advanceWakeByWake(virtual, elapsed);
  const wakesIn = (from: number, to: number) => wakes.filter((t) => t > from && t <= to).length;

  real.watch(true);
  const tooltips = new Set<string>();
  const drawsBefore = benchTray.draws();
  for (let minute = 1; minute <= 8 * 60; minute++) {
    await runTo(minute * MINUTE);
    tooltips.add(benchTray.tooltip());
  }
  const bypassing = real.armedBySource.length;
  const activeDay = {
    wakeups: wakesIn(0, 8 * HOUR) + bypassing,
    trayDraws: benchTray.draws() - drawsBefore,
    trayTooltips: tooltips.size,
  };

  // 17:00: back to the default work hours (09:00 to 17:30), then the evening and night.
  await settings({
    workHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:30' },
  });
  const eveningFrom = 8 * HOUR + 31 * MINUTE;
  const morningTo = 23 * HOUR + 59 * MINUTE;
  await runTo(eveningFrom);
  const armedBeforeEvening = real.armedBySource.length;
  await runTo(morningTo);
  const outsideWorkHours = {
    wakeups: wakesIn(eveningFrom, morningTo) + (real.armedBySource.length - armedBeforeEvening),
    hours: (morningTo - eveningFrom) / HOUR,
  };

  // Wednesday 09:05: paused until resumed; the hour from 09:06.
  await runTo(24 * HOUR + 5 * MINUTE);
  await dispatchCall(app.handlers, 'pause', { indefinitely: true });
  await settle();
  const armedBeforePause = real.armedBySource.length;
  await runTo(24 * HOUR + 66 * MINUTE);
  const pausedHour = {
    wakeups:
      wakesIn(24 * HOUR + 6 * MINUTE, 24 * HOUR + 66 * MINUTE) +
      (real.armedBySource.length - armedBeforePause),
  };
  real.watch(false);

  // A tray nothing held would have vanished from the taskbar during the day.
  if ((await collectedTrays()) > 0) violations.push('the tray was garbage-collected');
  // The person quits from the tray: the host stops its watchers and the app.
  fakeElectronApp.quit();
  rmSync(userData, { recursive: true, force: true });
  // Anything Electron would have refused is a fault of the host, not a figure.
  if (violations.length > 0) {
    throw new Error(`the host did what Electron refuses:\n${violations.join('\n')}`);
  }
  return {
    activeDay,
    pausedHour,
    outsideWorkHours,
    realTimersFired: real.fired,
    realTimersArmed: [...new Set(real.armedBySource)],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const person = process.argv.includes('--reading') ? 'reading' : 'typing';
  process.stdout.write(`${JSON.stringify(await measureHostDay(person))}\n`);
  // The focus detectors' last reading may still run: the figures are taken.
  process.exit(0);
}
