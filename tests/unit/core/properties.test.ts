import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../src/core/breaks/api';
import { createTimerService } from '../../../src/core/breaks/service';
import { FOCUS_SIGNALS } from '../../../src/core/focus/signals';
import { createWorkCalendar } from '../../../src/core/schedule/work-hours';
import type { Settings } from '../../../src/core/settings/settings';
import { HOUR, MINUTE, SECOND } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { settingsWith } from './harness';

/** What can happen to a desk worker's machine between two moments. */
const operation = fc.oneof(
  fc.record({
    type: fc.constant('idle' as const),
    minutes: fc.double({ min: 0.1, max: 90, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('sleep' as const),
    minutes: fc.double({ min: 0.1, max: 600, noNaN: true }),
    monotonicRuns: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('jump' as const),
    minutes: fc.integer({ min: -240, max: 240 }),
    noticed: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('lock' as const),
    minutes: fc.double({ min: 0.1, max: 120, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('dnd' as const),
    minutes: fc.double({ min: 0.1, max: 60, noNaN: true }),
  }),
  // A call or presentation: a focus signal on for a while.
  fc.record({
    type: fc.constant('focus' as const),
    minutes: fc.double({ min: 0.1, max: 120, noNaN: true }),
    signal: fc.constantFrom(...FOCUS_SIGNALS),
  }),
  fc.constantFrom(
    { type: 'postpone' as const },
    { type: 'skip' as const },
    { type: 'take-break' as const },
    { type: 'resume' as const },
    { type: 'pause-indefinitely' as const },
  ),
  fc.record({ type: fc.constant('pause-for' as const), minutes: fc.integer({ min: 1, max: 180 }) }),
  // Wait for the next prompt (its warning, or the break on screen) and answer it.
  fc.record({
    type: fc.constant('at-prompt' as const),
    onScreen: fc.boolean(),
    answer: fc.constantFrom('postpone' as const, 'skip' as const, 'take-break' as const),
  }),
);

const world = fc.record({
  strictMode: fc.boolean(),
  maxPerBreak: fc.integer({ min: 0, max: 3 }),
  skipsPerDay: fc.option(fc.integer({ min: 0, max: 3 })),
  workHours: fc.boolean(),
  idleDetection: fc.boolean(),
  steps: fc.array(
    fc.record({ gapMinutes: fc.double({ min: 0, max: 90, noNaN: true }), op: operation }),
    { maxLength: 25 },
  ),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

/** A timeline event, or a lock (not a timeline event, but the properties need it). */
type Recorded = (TimelineEvent | { type: 'locked'; at: number }) & {
  real: number;
  byAction: boolean;
  /** A focus signal was on, as the service was told, when this happened. */
  duringFocus?: boolean;
};

function live(w: World) {
  const settings: Settings = settingsWith({
    strictMode: w.strictMode,
    postpone: { durationMs: 5 * MINUTE, maxPerBreak: w.maxPerBreak },
    skip: { maxPerDay: w.skipsPerDay },
    workHours: w.workHours
      ? { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:30' }
      : null,
  });
  const clock = new VirtualClock(Date.parse('2026-10-23T08:30:00+02:00'));
  const spells: { from: number; to: number }[] = [];
  const idle = () => {
    const now = clock.elapsed();
    const spell = spells.find((s) => s.from <= now && now < s.to);
    return spell ? Math.floor((now - spell.from) / 1000) : 0;
  };
  const service = createTimerService({
    clock,
    settings,
    timeZone: 'Europe/Berlin',
    ...(w.idleDetection ? { idle } : {}),
  });
  const events: Recorded[] = [];
  let acting = false;
  const focusNow = new Set<string>();
  const tell = (signal: (typeof FOCUS_SIGNALS)[number], on: boolean) => {
    if (on) focusNow.add(signal);
    else focusNow.delete(signal);
    service.signal({ type: 'focus', signal, on });
  };
  service.onEvent((e) =>
    events.push({ ...e, real: clock.elapsed(), byAction: acting, duringFocus: focusNow.size > 0 }),
  );
  const act = (fn: () => void) => {
    acting = true;
    fn();
    acting = false;
  };
  const later: { at: number; run: () => void }[] = [];
  const focusSpells = new Map<string, number>();
  let maxArmed = 0;
  const runUntil = (target: number) => {
    for (;;) {
      later.sort((a, b) => a.at - b.at);
      const next = later[0];
      if (!next || next.at > target) break;
      later.shift();
      clock.advanceTo(Math.max(next.at, clock.elapsed()));
      next.run();
      maxArmed = Math.max(maxArmed, clock.armedCount());
    }
    clock.advanceTo(Math.max(target, clock.elapsed()));
    maxArmed = Math.max(maxArmed, clock.armedCount());
  };
  for (const { gapMinutes, op } of w.steps) {
    runUntil(clock.elapsed() + gapMinutes * MINUTE);
    const now = clock.elapsed();
    switch (op.type) {
      case 'idle':
        spells.push({ from: now, to: now + op.minutes * MINUTE });
        break;
      case 'sleep':
        service.signal({ type: 'suspend' });
        clock.sleep(op.minutes * MINUTE, { monotonicRuns: op.monotonicRuns });
        service.signal({ type: 'resume' });
        break;
      case 'jump':
        clock.jumpWall(op.minutes * MINUTE);
        if (op.noticed) service.signal({ type: 'time-changed' });
        break;
      case 'lock':
        service.signal({ type: 'lock' });
        // Not a timeline event, but the properties need to know the user was away.
        events.push({ type: 'locked', at: clock.now(), real: clock.elapsed(), byAction: false });
        later.push({
          at: now + op.minutes * MINUTE,
          run: () => service.signal({ type: 'unlock' }),
        });
        break;
      case 'focus': {
        // Overlapping spells of one signal: on until the last of them ends.
        const signal = op.signal;
        focusSpells.set(signal, (focusSpells.get(signal) ?? 0) + 1);
        tell(signal, true);
        later.push({
          at: now + op.minutes * MINUTE,
          run: () => {
            const left = (focusSpells.get(signal) ?? 1) - 1;
            focusSpells.set(signal, left);
            if (left === 0) tell(signal, false);
          },
        });
        break;
      }
      case 'dnd':
        tell('doNotDisturb', true);
        later.push({
          at: now + op.minutes * MINUTE,
          run: () => tell('doNotDisturb', false),
        });
        break;
      case 'postpone':
        act(() => service.postponeBreak());
        break;
      case 'skip':
        act(() => service.skipBreak());
        break;
      case 'take-break':
        act(() => service.takeBreak());
        break;
      case 'resume':
        act(() => service.resume());
        break;
      case 'pause-indefinitely':
        act(() => service.pause({ indefinitely: true }));
        break;
      case 'pause-for':
        act(() => service.pause({ for: op.minutes * MINUTE }));
        break;
      case 'at-prompt': {
        const due = service.status().nextBreak?.dueAt;
        if (due === undefined) break;
        runUntil(now + Math.max(0, due - clock.now()) + (op.onScreen ? 5 * SECOND : -10 * SECOND));
        act(() => {
          if (op.answer === 'postpone') service.postponeBreak();
          else if (op.answer === 'skip') service.skipBreak();
          else service.takeBreak();
        });
        break;
      }
    }
    maxArmed = Math.max(maxArmed, clock.armedCount());
  }
  runUntil(clock.elapsed() + 3 * HOUR);
  return { events, settings, maxArmed };
}

// FC_RUNS=2000 searches harder, for a change to the engine.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };

describe('timer service invariants', { timeout: 120_000 }, () => {
  it('no two breaks overlap', () => {
    fc.assert(
      fc.property(world, (w) => {
        let open = false;
        for (const e of live(w).events) {
          if (e.type === 'break-start') {
            expect(open).toBe(false);
            open = true;
          } else if (e.type === 'break-end' || e.type === 'break-postponed') {
            open = false;
          }
        }
      }),
      RUNS,
    );
  });

  it('no break starts outside work hours', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { events, settings } = live({ ...w, workHours: true });
        const calendar = createWorkCalendar(settings.workHours, 'Europe/Berlin');
        for (const e of events) {
          if (e.type === 'break-start') expect(calendar.isWithin(e.at)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('postpones never exceed the limit, and never happen in strict mode', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { events, settings } = live(w);
        let postpones = 0;
        for (const e of events) {
          if (['break-end', 'natural-break', 'work-hours-start', 'work-hours-end'].includes(e.type))
            postpones = 0;
          if (e.type === 'break-postponed') postpones++;
          expect(postpones).toBeLessThanOrEqual(settings.postpone.maxPerBreak);
          if (settings.strictMode)
            expect(
              e.type === 'break-postponed' || (e.type === 'break-end' && e.outcome !== 'completed'),
            ).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('after a resume or a clock change nothing fires in a burst', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { events } = live(w);
        const scheduledStarts = events.filter((e) => e.type === 'break-start' && !e.byAction);
        for (const wake of events.filter((e) =>
          ['resume', 'resumed', 'clock-jump'].includes(e.type),
        )) {
          const burst = scheduledStarts.filter(
            (s) => s.real >= wake.real && s.real < wake.real + 60 * SECOND,
          );
          expect(burst.length).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('the generated days are eventful: breaks start, get postponed and skipped', () => {
    const all = fc.sample(world, { numRuns: 60, seed: 42 }).flatMap((w) => live(w).events);
    const count = (type: string) => all.filter((e) => e.type === type).length;
    expect(count('break-start')).toBeGreaterThan(50);
    expect(count('break-postponed')).toBeGreaterThan(0);
    expect(all.some((e) => e.type === 'break-end' && e.outcome === 'skipped')).toBe(true);
    expect(count('natural-break')).toBeGreaterThan(0);
    expect(count('clock-jump')).toBeGreaterThan(0);
  });

  it('a deferred break is never lost: it is shown by deferral.maxMinutes after it was due', () => {
    // What legitimately ends a held break otherwise: the user's own choice, being away, the day's end.
    const interrupts = new Set([
      'natural-break',
      'break-postponed',
      'break-end',
      'paused',
      'work-hours-end',
      'suspend',
      'locked',
    ]);
    let held = 0;
    fc.assert(
      fc.property(world, (w) => {
        const { events, settings } = live(w);
        events.forEach((deferred, index) => {
          if (deferred.type !== 'break-deferred') return;
          held++;
          const atMost = deferred.showBy - deferred.at;
          expect(atMost).toBeLessThanOrEqual(settings.deferral.maxMinutes * MINUTE);
          const deadline = deferred.real + atMost + SECOND;
          for (const later of events.slice(index + 1)) {
            if (later.byAction || interrupts.has(later.type)) return;
            if (later.type === 'break-start' || later.type === 'break-gentle') {
              expect(later.real).toBeLessThanOrEqual(deadline);
              return;
            }
          }
          // The run ends three quiet hours after the last step: a held break cannot still be waiting.
          throw new Error(`a break held at ${deferred.real} ms was never shown`);
        });
      }),
      RUNS,
    );
    expect(held).toBeGreaterThan(0);
  });

  it('no break takes the screen by itself while a focus signal is on', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { events } = live(w);
        for (const start of events.filter((e) => e.type === 'break-start' && !e.byAction)) {
          // Held as long as allowed, a break is shown gently, never as the window.
          expect(start.duringFocus).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('at most one timer is ever armed', () => {
    fc.assert(
      fc.property(world, (w) => {
        expect(live(w).maxArmed).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });
});
