/**
 * `npm run bench`: the timer service's performance budgets (docs/architecture.md,
 * "Budgets"), measured on the real service under the virtual clock, written to
 * bench/results/engine.json. Later issues add their own figures beside these.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFocusProvider } from '../src/app/focus-provider';
import { shareOneTimer } from '../src/app/shared-clock';
import { type SimulatedEvent, type SimulationResult, simulate } from '../src/app/simulate';
import { createTimerService } from '../src/core/breaks/service';
import { FOCUS_SIGNALS } from '../src/core/focus/signals';
import { DEFAULT_SETTINGS } from '../src/core/settings/settings';
import { MINUTE } from '../src/core/time/duration';
import { VirtualClock } from '../src/core/time/virtual-clock';
import type { HostDay } from './host/day';
import { idleOf, type Person } from './host/person';
import { advanceWakeByWake } from './host/wake-by-wake';

const BENCH = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(BENCH, 'results', 'engine.json');

function run(scenario: object): SimulationResult {
  const outcome = simulate(scenario);
  if (!outcome.ok) throw new Error(`bench scenario is malformed:\n${outcome.errors.join('\n')}`);
  return outcome.result;
}

const DAY_START = '2026-11-24T09:00:00+01:00';
const always = { workHours: null, routines: [] };

/** An active user at the keyboard for 8 hours, idle detection on. */
function wakeupsPerActiveDay(): number {
  return run({ start: DAY_START, duration: '8h', settings: always }).summary.wakeups;
}

/** Wakeups strictly inside pauses: indefinite for a working day, and a timed one (its end is not inside). */
function wakeupsWhilePaused(): number {
  const indefinite = run({
    start: DAY_START,
    duration: '8h',
    settings: always,
    inputs: [{ at: '1m', action: 'pause' }],
  });
  const beforePause = run({ start: DAY_START, duration: '1m', settings: always }).summary.wakeups;
  const throughPauseEnd = run({
    start: DAY_START,
    duration: '2h1m',
    settings: always,
    inputs: [{ at: '1m', action: 'pause', for: '2h' }],
  }).summary.wakeups;
  // The pause's own end is one wake, not a wake during the pause.
  return Math.max(indefinite.summary.wakeups - beforePause, throughPauseEnd - 1 - beforePause);
}

/** A small deterministic generator, so the fault scenarios are the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const minutes = (m: number) => `${Math.round(m * 60)}s`;

/** Sleeps (monotonic stopping or running), clock jumps either way, idle, lock and focus spells. */
function faultScenario(seed: number): object {
  const next = random(seed);
  const inputs: object[] = [];
  let at = 0;
  for (let i = 0; i < 12; i++) {
    at += next() * 50;
    const pick = next();
    if (pick < 0.3) {
      inputs.push({
        at: minutes(at),
        suspend: minutes(0.1 + next() * 120),
        monotonic: next() < 0.5 ? 'stops' : 'runs',
      });
    } else if (pick < 0.6) {
      const by = Math.round((next() - 0.5) * 8 * 60);
      inputs.push({
        at: minutes(at),
        clockJump: `${by < 0 ? '-' : '+'}${Math.abs(by)}m`,
        noticed: next() < 0.5,
      });
    } else if (pick < 0.75) {
      inputs.push({ at: minutes(at), idle: minutes(next() * 8) });
    } else if (pick < 0.85) {
      inputs.push({ at: minutes(at), lock: minutes(next() * 10) });
    } else {
      const signal = FOCUS_SIGNALS[Math.floor(next() * FOCUS_SIGNALS.length)];
      inputs.push({ at: minutes(at), focus: minutes(1 + next() * 60), signal });
    }
  }
  return { start: DAY_START, timezone: 'Europe/Berlin', duration: '16h', settings: always, inputs };
}

/**
 * How late each due time came, judged from the timeline itself: a warning promises
 * its break `dueInSeconds` later, a break promises its end after `durationSeconds`,
 * a break held by a focus signal promises to show (fully or gently) by `atMostSeconds`.
 * A promise broken by something that legitimately changes it (sleep, a natural break)
 * is not counted; a clock jump must not change it, so it is counted.
 */
function latenessesOf(events: SimulatedEvent[]): number[] {
  const late: number[] = [];
  const interrupts = new Set([
    'suspend',
    'resume',
    'natural-break',
    'break-postponed',
    'paused',
    // A call that began during the warning holds the break: a promise of its own.
    'break-deferred',
  ]);
  for (let i = 0; i < events.length; i++) {
    const promise = events[i];
    if (!promise) continue;
    let dueAt: number | null = null;
    let fulfils: (e: SimulatedEvent) => boolean = () => false;
    if (promise.type === 'break-warning' && typeof promise.dueInSeconds === 'number') {
      dueAt = promise.t + promise.dueInSeconds;
      fulfils = (e) => e.type === 'break-start';
    } else if (promise.type === 'break-start' && typeof promise.durationSeconds === 'number') {
      dueAt = promise.t + promise.durationSeconds;
      fulfils = (e) => e.type === 'break-end';
    } else if (promise.type === 'break-deferred' && typeof promise.atMostSeconds === 'number') {
      dueAt = promise.t + promise.atMostSeconds;
      fulfils = (e) => e.type === 'break-start' || e.type === 'break-gentle';
    }
    if (dueAt === null) continue;
    for (const later of events.slice(i + 1)) {
      if (interrupts.has(later.type)) break;
      if (fulfils(later)) {
        late.push((later.t - dueAt) * 1000);
        break;
      }
    }
  }
  return late;
}

/** Named faults with the due time a person would expect, in real seconds. */
function namedFaults(): { name: string; lateMs: number }[] {
  const firstStartAfter = (result: SimulationResult, t: number) =>
    result.events.find((e) => e.type === 'break-start' && e.t >= t)?.t ?? Number.POSITIVE_INFINITY;
  const baseline = run({ start: DAY_START, duration: '3h', settings: always });
  const starts = (r: SimulationResult) =>
    r.events.filter((e) => e.type === 'break-start').map((e) => e.t);
  const versusBaseline = (r: SimulationResult) =>
    Math.max(...starts(r).map((t, i) => (t - (starts(baseline)[i] ?? t)) * 1000));
  const faults: { name: string; lateMs: number }[] = [];
  for (const monotonic of ['stops', 'runs']) {
    // Sleep is a long break: the next micro break is due 20 min after waking.
    const slept = run({
      start: DAY_START,
      duration: '4h',
      settings: always,
      inputs: [{ at: '10m', suspend: '3h', monotonic }],
    });
    faults.push({
      name: `sleep 3h, monotonic ${monotonic}`,
      lateMs: (firstStartAfter(slept, 190 * 60) - (190 + 20) * 60) * 1000,
    });
    // A 10 s nap keeps the timers: the break at 20 min is still due then.
    const nap = run({
      start: DAY_START,
      duration: '30m',
      settings: always,
      inputs: [{ at: '19m40s', suspend: '10s', monotonic }],
    });
    faults.push({
      name: `nap 10s before a break, monotonic ${monotonic}`,
      lateMs: (firstStartAfter(nap, 0) - 20 * 60) * 1000,
    });
  }
  for (const [jump, noticed] of [
    ['-1h', false],
    ['-1h', true],
    ['+3h', false],
    ['+3h', true],
  ] as const) {
    const jumped = run({
      start: DAY_START,
      duration: '3h',
      settings: always,
      inputs: [{ at: '30m', clockJump: jump, noticed }],
    });
    faults.push({
      name: `clock ${jump}${noticed ? ', noticed' : ''}: breaks keep real time`,
      lateMs: versusBaseline(jumped),
    });
  }
  // Wall-clock deadlines when the host reports the change: a pause until 11:00 and the end of work hours.
  const pause = run({
    start: '2026-11-24T10:00:00+01:00',
    timezone: 'Europe/Berlin',
    duration: '2h',
    inputs: [
      { at: '0s', action: 'pause', until: '11:00' },
      { at: '15m', clockJump: '+50m', noticed: true },
    ],
  });
  faults.push({
    name: 'pause until 11:00, clock jumps past it (noticed)',
    lateMs:
      ((pause.events.find((e) => e.type === 'resumed')?.t ?? Number.POSITIVE_INFINITY) - 15 * 60) *
      1000,
  });
  // A call ending holds the break until 30 s after it (the announcement); a longer one until the bound.
  const call = run({
    start: DAY_START,
    duration: '2h',
    settings: always,
    inputs: [{ at: '5m', focus: '40m', signal: 'camera' }],
  });
  faults.push({
    name: 'break held by a 40-min call: shown 30 s after it ends',
    lateMs: (firstStartAfter(call, 0) - (45 * 60 + 30)) * 1000,
  });
  const meeting = run({
    start: DAY_START,
    duration: '2h',
    settings: always,
    inputs: [{ at: '10m', focus: '1h30m', signal: 'meetingApps' }],
  });
  faults.push({
    name: 'break held by a 90-min meeting: gentle at deferral.maxMinutes',
    lateMs:
      ((meeting.events.find((e) => e.type === 'break-gentle')?.t ?? Number.POSITIVE_INFINITY) -
        (20 + 30) * 60) *
      1000,
  });
  const evening = run({
    start: '2026-11-24T15:00:00+01:00',
    timezone: 'Europe/Berlin',
    duration: '2h',
    inputs: [{ at: '10m', clockJump: '+3h', noticed: true }],
  });
  faults.push({
    name: 'clock jumps past the end of work hours (noticed)',
    lateMs:
      ((evening.events.find((e) => e.type === 'work-hours-end')?.t ?? Number.POSITIVE_INFINITY) -
        10 * 60) *
      1000,
  });
  return faults;
}

/** Without a time-change notice the service finds a jump at its next wake: how long that takes. */
function unnoticedJumpDetectionSeconds(): number {
  const evening = run({
    start: '2026-11-24T15:00:00+01:00',
    timezone: 'Europe/Berlin',
    duration: '2h',
    inputs: [{ at: '10m', clockJump: '+3h' }],
  });
  return (
    (evening.events.find((e) => e.type === 'work-hours-end')?.t ?? Number.POSITIVE_INFINITY) -
    10 * 60
  );
}

/**
 * The focus-signal provider the Electron host runs (src/app/focus-provider.ts), reading
 * only while the service wants it, on one shared clock with the service: an active 8-hour
 * day with the defaults, counting the wakes of both, the minutes it is asked to read and
 * its reads.
 */
async function focusHostDay(): Promise<{ wakeups: number; readingMinutes: number; reads: number }> {
  const virtual = new VirtualClock(Date.parse(DAY_START));
  const clock = shareOneTimer(virtual);
  const service = createTimerService({
    clock,
    settings: { ...DEFAULT_SETTINGS, workHours: null, routines: [] },
    timeZone: 'Europe/Berlin',
    idle: () => 0,
  });
  let since: number | null = null;
  let readingMs = 0;
  service.onFocusWanted((wanted) => {
    const now = virtual.elapsed();
    if (wanted) since = now;
    else if (since !== null) {
      readingMs += now - since;
      since = null;
    }
  });
  let reads = 0;
  const provider = startFocusProvider({
    timer: service,
    deferral: () => DEFAULT_SETTINGS.deferral,
    read: async () => {
      reads++;
      return {};
    },
    clock,
  });
  // Each reading finishes before the next wake: one reading at a time.
  await advanceWakeByWake(virtual, 8 * 60 * MINUTE);
  provider.stop();
  service.dispose();
  // The reading at start-up is not a wake of its own.
  return {
    wakeups: virtual.fired,
    readingMinutes: Math.round(readingMs / 600) / 100,
    reads: reads - 1,
  };
}

function msToSimulateWeek(): number {
  const week = { start: '2026-11-23T00:00:00+01:00', timezone: 'Europe/Berlin', duration: '120h' };
  run(week); // warm up the JIT and Intl caches
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    run(week);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[2] ?? 0) * 10) / 10;
}

/**
 * The timer service alone through the active day, for `person` at the desk. A host
 * that reads focus signals (as the Electron host does) makes the service wake a minute
 * before each prompt to ask for them: that wake is the service's, counted here too.
 */
function serviceDay(person: Person): number {
  const clock = new VirtualClock(Date.parse(DAY_START));
  const service = createTimerService({
    clock,
    settings: { ...DEFAULT_SETTINGS, workHours: null, routines: [] },
    timeZone: 'Europe/Berlin',
    idle: idleOf(person),
  });
  service.onFocusWanted(() => {});
  clock.advanceTo(8 * 60 * MINUTE);
  service.dispose();
  return clock.fired;
}

/** The whole Electron main process through a simulated day, in a process of its own. */
function hostDay(person: Person): HostDay {
  const args = ['--import', 'tsx', join(BENCH, 'host', 'day.ts'), `--${person}`];
  const output = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '') as HostDay;
}

const named = namedFaults();
const host = hostDay('typing');
const reader = hostDay('reading');
const focusHost = await focusHostDay();
const randomLateness = Array.from({ length: 100 }, (_, seed) =>
  latenessesOf(run(faultScenario(seed + 1)).events),
).flat();
const maxLatenessMs = Math.max(0, ...named.map((f) => f.lateMs), ...randomLateness);

const figure = (
  value: number,
  target: number,
  unit: string,
  better: 'lower' | 'higher' = 'lower',
) => ({
  value,
  target,
  unit,
  met: better === 'lower' ? value <= target : value >= target,
});

const results = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  wakeupsPerActiveDay: figure(
    wakeupsPerActiveDay(),
    960,
    'wakeups in 8 h, active user, idle detection on',
  ),
  wakeupsWhilePaused: figure(wakeupsWhilePaused(), 0, 'wakeups during a pause'),
  appWakeupsPerActiveDay: {
    ...figure(
      host.activeDay.wakeups,
      960,
      'wakeups of the whole Electron main process (src/main, under the strict fake electron of tests/unit/main/electron-fake.ts) in 8 h, active user: the timer service, focus readings, tray and policy watch on one shared timer, plus every real timer our code arms past it',
    ),
    trayDraws: host.activeDay.trayDraws,
    trayTexts: host.activeDay.trayTooltips,
    // Timers our code arms past the clock, each counted as a wakeup of its own.
    bypassingTheClock: host.realTimersArmed,
  },
  appWakeupsPerActiveDayReadingNowAndThen: {
    value: reader.activeDay.wakeups,
    timerServiceAlone: serviceDay('reading'),
    unit: 'the same day for a person who has stopped for 10 s at every third idle sample (the samples drift off the minute): the whole app, and the timer service alone (with its wake a minute before each prompt for the focus host); informational',
  },
  appWakeupsPerPausedHour: figure(
    host.pausedHour.wakeups,
    0,
    'wakeups of the whole main process in an hour of an indefinite pause',
  ),
  appWakeupsOutsideWorkHoursPerHour: figure(
    Math.round((host.outsideWorkHours.wakeups / host.outsideWorkHours.hours) * 100) / 100,
    0,
    `wakeups of the whole main process per hour outside work hours (17:31 to 08:59, ${host.outsideWorkHours.wakeups} in all)`,
  ),
  appRealTimersFired: {
    ...figure(
      host.realTimersFired.length,
      0,
      'real timers that fired in the simulated day: a timer bypassing the clock would be missed above',
    ),
    armedAt: host.realTimersFired.slice(0, 10),
  },
  maxLatenessMs: {
    ...figure(maxLatenessMs, 1000, 'ms, largest lateness of any due time across fault scenarios'),
    namedFaults: named,
    randomScenarios: 100,
    dueTimesChecked: randomLateness.length,
  },
  msToSimulateWeek: figure(
    msToSimulateWeek(),
    999,
    'ms to simulate Monday to Friday (median of 5)',
  ),
  wakeupsPerActiveDayWithFocusHost: figure(
    focusHost.wakeups,
    960,
    'wakeups in 8 h, active user, the timer service and the focus-signal provider reading around each prompt',
  ),
  focusSignalReading: {
    minutesPerDay: focusHost.readingMinutes,
    readsPerDay: focusHost.reads,
    unit: 'minutes in 8 h the host is asked to read focus signals, and its reads (every 15 s once a prompt is announced, else with the service’s wakes); informational',
  },
  unnoticedJumpDetectionSeconds: {
    value: unnoticedJumpDetectionSeconds(),
    unit: 's until a clock jump nobody reported is found (next idle sample); informational',
  },
};

mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

const line = (name: string, f: { value: number; target: number; met: boolean; unit: string }) =>
  `${f.met ? 'met ' : 'MISS'}  ${name.padEnd(22)} ${String(f.value).padStart(8)}  (target ${f.target}; ${f.unit})`;
console.log(line('wakeups/active day', results.wakeupsPerActiveDay));
console.log(line('wakeups while paused', results.wakeupsWhilePaused));
console.log(line('… with a focus host', results.wakeupsPerActiveDayWithFocusHost));
console.log(line('app wakeups/active day', results.appWakeupsPerActiveDay));
console.log(
  `info  app wakeups/active day, reading now and then: ${results.appWakeupsPerActiveDayReadingNowAndThen.value} (the timer service alone ${results.appWakeupsPerActiveDayReadingNowAndThen.timerServiceAlone})`,
);
console.log(line('app wakeups/paused h', results.appWakeupsPerPausedHour));
console.log(line('app wakeups/off-hours h', results.appWakeupsOutsideWorkHoursPerHour));
console.log(line('real timers fired', results.appRealTimersFired));
console.log(line('max lateness', results.maxLatenessMs));
console.log(line('5-day week', results.msToSimulateWeek));
console.log(
  `info  unnoticed clock jump found after ${results.unnoticedJumpDetectionSeconds.value} s`,
);
console.log(
  `info  focus signals read ${results.focusSignalReading.minutesPerDay} min a day (${results.focusSignalReading.readsPerDay} reads)`,
);
console.log(`wrote ${RESULTS}`);
