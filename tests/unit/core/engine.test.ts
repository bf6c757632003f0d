import { describe, expect, it } from 'vitest';
import {
  type BreakState,
  type EngineContext,
  type Instant,
  nextDeadline,
  transition,
} from '../../../src/core/breaks/engine';
import { freshPlan } from '../../../src/core/breaks/plan';
import { MINUTE, SECOND } from '../../../src/core/time/duration';
import { ALWAYS, settingsWith } from './harness';

const at = (minutes: number): Instant => ({
  elapsed: minutes * MINUTE,
  wall: 1_800_000_000_000 + minutes * MINUTE,
});

function context(patch: Partial<EngineContext> = {}): EngineContext {
  return {
    settings: ALWAYS,
    withinWorkHours: true,
    focus: null,
    away: false,
    skipsLeftToday: null,
    workdayStartedAt: null,
    ...patch,
  };
}

const running = (settings = ALWAYS): BreakState => ({
  name: 'running',
  plan: freshPlan(0, settings),
});

function warningAt20(settings = ALWAYS): BreakState {
  const t = transition(
    running(settings),
    { type: 'time-passed', now: at(19.5) },
    context({ settings }),
  );
  expect(t.state.name).toBe('warning');
  return t.state;
}

describe('break engine: time passing', () => {
  it('stays running until the warning time', () => {
    const t = transition(running(), { type: 'time-passed', now: at(19) }, context());
    expect(t.state.name).toBe('running');
    expect(t.emits).toEqual([]);
  });

  it('warns warningBefore ahead of a micro break', () => {
    const t = transition(running(), { type: 'time-passed', now: at(19.5) }, context());
    expect(t.state).toMatchObject({ name: 'warning', kind: 'micro', dueAt: 20 * MINUTE });
    expect(t.emits).toEqual([{ type: 'break-warning', kind: 'micro', dueAt: 20 * MINUTE }]);
  });

  it('starts the break at its due time and ends it after its duration', () => {
    const started = transition(warningAt20(), { type: 'time-passed', now: at(20) }, context());
    expect(started.state).toMatchObject({
      name: 'in-break',
      kind: 'micro',
      endsAt: 20 * MINUTE + 30 * SECOND,
    });
    const ended = transition(started.state, { type: 'time-passed', now: at(20.5) }, context());
    expect(ended.emits).toEqual([{ type: 'break-end', kind: 'micro', outcome: 'completed' }]);
    expect(ended.state.name).toBe('running');
    if (ended.state.name !== 'running') return;
    expect(ended.state.plan.micro?.dueAt).toBe(40.5 * MINUTE);
    expect(ended.state.plan.long?.dueAt).toBe(60 * MINUTE);
  });

  it('without a warning time goes straight to the break', () => {
    const settings = settingsWith({ workHours: null, warningBeforeMs: 0 });
    const t = transition(
      running(settings),
      { type: 'time-passed', now: at(20) },
      context({ settings }),
    );
    expect(t.emits.map((e) => e.type)).toEqual(['break-start']);
  });

  it('a long break falling due with a micro break replaces it', () => {
    const state: BreakState = {
      name: 'running',
      plan: {
        ...freshPlan(0, ALWAYS),
        micro: { since: 0, dueAt: 59 * MINUTE },
        long: { since: 0, dueAt: 60 * MINUTE },
      },
    };
    const t = transition(state, { type: 'time-passed', now: at(59) }, context());
    expect(t.state).toMatchObject({ name: 'in-break', kind: 'long' });
  });

  it('a micro break well before the long one stays a micro break', () => {
    const state: BreakState = {
      name: 'running',
      plan: {
        ...freshPlan(0, ALWAYS),
        micro: { since: 0, dueAt: 40 * MINUTE },
        long: { since: 0, dueAt: 60 * MINUTE },
      },
    };
    const t = transition(state, { type: 'time-passed', now: at(40) }, context());
    expect(t.state).toMatchObject({ name: 'in-break', kind: 'micro' });
  });

  it('a break is held while a focus signal is on, and shown gently at the bound', () => {
    const held = transition(
      warningAt20(),
      { type: 'time-passed', now: at(20) },
      context({ focus: 'doNotDisturb' }),
    );
    expect(held.state).toMatchObject({
      name: 'deferred',
      hold: { since: 20 * MINUTE, showBy: 50 * MINUTE },
    });
    expect(held.emits).toEqual([
      { type: 'break-deferred', kind: 'micro', signal: 'doNotDisturb', showBy: 50 * MINUTE },
    ]);
    const gentle = transition(
      held.state,
      { type: 'time-passed', now: at(50) },
      context({ focus: 'doNotDisturb' }),
    );
    // The long break falls due within ten minutes of it: the gentle one is the long one.
    expect(gentle.emits).toEqual([
      {
        type: 'break-gentle',
        kind: 'long',
        signal: 'doNotDisturb',
        durationMs: 5 * MINUTE,
        heldMs: 30 * MINUTE,
      },
    ]);
    expect(gentle.state.name).toBe('running');
  });

  it('a held break is announced when the focus signal ends, and shown shortly after', () => {
    const held = transition(
      warningAt20(),
      { type: 'time-passed', now: at(20) },
      context({ focus: 'camera' }),
    );
    const released = transition(held.state, { type: 'time-passed', now: at(22) }, context());
    expect(released.emits).toEqual([
      { type: 'break-warning', kind: 'micro', dueAt: 22.5 * MINUTE, afterHold: true },
    ]);
    const shown = transition(released.state, { type: 'time-passed', now: at(22.5) }, context());
    expect(shown.state).toMatchObject({ name: 'in-break', startedAt: 22.5 * MINUTE });
    expect(shown.emits).toEqual([
      expect.objectContaining({ type: 'break-start', heldMs: 2.5 * MINUTE }),
    ]);
  });

  it('no warning is given while a focus signal is on: the break is held at its due time', () => {
    const during = context({ focus: 'meetingApps' });
    const t = transition(running(), { type: 'time-passed', now: at(19.5) }, during);
    expect(t.emits).toEqual([]);
    expect(nextDeadline(t.state, during)).toEqual({ clock: 'elapsed', at: 20 * MINUTE });
  });

  it('with deferral.maxMinutes 0 a focus signal holds nothing', () => {
    const settings = settingsWith({
      workHours: null,
      deferral: { ...ALWAYS.deferral, maxMinutes: 0 },
    });
    const t = transition(
      warningAt20(settings),
      { type: 'time-passed', now: at(20) },
      context({ settings, focus: 'camera' }),
    );
    expect(t.state.name).toBe('in-break');
  });

  it('nothing is asked while the user is away', () => {
    const t = transition(running(), { type: 'time-passed', now: at(25) }, context({ away: true }));
    expect(t.state.name).toBe('running');
    expect(nextDeadline(t.state, context({ away: true }))).toBeNull();
  });

  it('the end of work hours drops a pending break', () => {
    const t = transition(
      warningAt20(),
      { type: 'time-passed', now: at(19.8) },
      context({ withinWorkHours: false }),
    );
    expect(t.state.name).toBe('outside-work-hours');
    expect(t.emits).toEqual([{ type: 'work-hours-end' }]);
  });

  it('a break running past the end of work hours finishes first', () => {
    const inBreak = transition(
      warningAt20(),
      { type: 'time-passed', now: at(20) },
      context(),
    ).state;
    const during = transition(
      inBreak,
      { type: 'time-passed', now: at(20.2) },
      context({ withinWorkHours: false }),
    );
    expect(during.state.name).toBe('in-break');
    const after = transition(
      during.state,
      { type: 'time-passed', now: at(20.5) },
      context({ withinWorkHours: false }),
    );
    expect(after.emits.map((e) => e.type)).toEqual(['break-end', 'work-hours-end']);
    expect(after.state.name).toBe('outside-work-hours');
  });

  it('work hours starting begin a fresh plan', () => {
    const t = transition(
      { name: 'outside-work-hours' },
      { type: 'time-passed', now: at(5) },
      context(),
    );
    expect(t.emits).toEqual([{ type: 'work-hours-start' }]);
    expect(t.state).toMatchObject({ name: 'running', plan: { micro: { dueAt: 25 * MINUTE } } });
  });
});

describe('break engine: actions', () => {
  it('postponing a warned break moves it by the postpone duration', () => {
    const t = transition(warningAt20(), { type: 'postpone', now: at(19.6) }, context());
    expect(t.state.name).toBe('postponed');
    expect(t.emits).toEqual([
      { type: 'break-postponed', kind: 'micro', until: 24.6 * MINUTE, postponesLeft: 1 },
    ]);
  });

  it('a break postponed more than maxPerBreak times is refused', () => {
    let state = warningAt20();
    state = transition(state, { type: 'postpone', now: at(19.6) }, context()).state;
    state = transition(state, { type: 'time-passed', now: at(24.6) }, context()).state;
    expect(state.name).toBe('in-break');
    state = transition(state, { type: 'postpone', now: at(24.7) }, context()).state;
    state = transition(state, { type: 'time-passed', now: at(29.7) }, context()).state;
    const third = transition(state, { type: 'postpone', now: at(29.8) }, context());
    expect(third.refused).toEqual({ code: 'postpone-limit', params: { count: 2 } });
    expect(third.state).toBe(state);
  });

  it('a break postponed in strict mode is refused', () => {
    const settings = settingsWith({ workHours: null, strictMode: true });
    const t = transition(
      warningAt20(settings),
      { type: 'postpone', now: at(19.6) },
      context({ settings }),
    );
    expect(t.refused).toEqual({ code: 'strict-postpone' });
  });

  it('a break skipped in strict mode is refused', () => {
    const settings = settingsWith({ workHours: null, strictMode: true });
    const t = transition(
      warningAt20(settings),
      { type: 'skip', now: at(19.6) },
      context({ settings }),
    );
    expect(t.refused).toEqual({ code: 'strict-skip' });
  });

  it('skipping ends the break as skipped and restarts its timer', () => {
    const t = transition(warningAt20(), { type: 'skip', now: at(19.6) }, context());
    expect(t.emits).toEqual([{ type: 'break-end', kind: 'micro', outcome: 'skipped' }]);
    expect(t.state).toMatchObject({ name: 'running', plan: { micro: { dueAt: 39.6 * MINUTE } } });
  });

  it('a skip beyond the daily allowance is refused', () => {
    const t = transition(
      warningAt20(),
      { type: 'skip', now: at(19.6) },
      context({ skipsLeftToday: 0 }),
    );
    expect(t.refused).toMatchObject({ code: 'no-skips-left' });
  });

  it('there is nothing to skip or postpone while simply running', () => {
    expect(transition(running(), { type: 'skip', now: at(1) }, context()).refused).toBeDefined();
    expect(
      transition(running(), { type: 'postpone', now: at(1) }, context()).refused,
    ).toBeDefined();
  });

  it('taking a break now starts the next planned kind', () => {
    const t = transition(running(), { type: 'take-break', now: at(5) }, context());
    expect(t.state).toMatchObject({ name: 'in-break', kind: 'micro', startedAt: 5 * MINUTE });
  });

  it('taking a break is refused outside work hours and while paused', () => {
    expect(
      transition({ name: 'outside-work-hours' }, { type: 'take-break', now: at(1) }, context())
        .refused,
    ).toBeDefined();
    const paused = transition(
      running(),
      { type: 'pause', now: at(1), until: null },
      context(),
    ).state;
    expect(transition(paused, { type: 'take-break', now: at(2) }, context()).refused).toEqual({
      code: 'paused',
    });
  });

  it('a pause freezes the time left and resume continues it', () => {
    const paused = transition(running(), { type: 'pause', now: at(15), until: null }, context());
    expect(paused.emits).toEqual([{ type: 'paused', until: null }]);
    expect(nextDeadline(paused.state, context())).toBeNull();
    const resumed = transition(paused.state, { type: 'resume', now: at(100) }, context());
    expect(resumed.emits).toEqual([{ type: 'resumed' }]);
    expect(resumed.state).toMatchObject({
      name: 'running',
      plan: { micro: { dueAt: 105 * MINUTE } },
    });
  });

  it('a timed pause ends by itself', () => {
    const paused = transition(
      running(),
      { type: 'pause', now: at(15), until: { clock: 'elapsed', at: 45 * MINUTE } },
      context(),
    );
    expect(nextDeadline(paused.state, context())).toEqual({ clock: 'elapsed', at: 45 * MINUTE });
    const later = transition(paused.state, { type: 'time-passed', now: at(45) }, context());
    expect(later.emits).toEqual([{ type: 'resumed' }]);
  });

  it('a pause across the start of a new work day resumes with a fresh plan', () => {
    const paused = transition(
      running(),
      { type: 'pause', now: at(15), until: null },
      context(),
    ).state;
    const resumed = transition(
      paused,
      { type: 'resume', now: at(1000) },
      context({ workdayStartedAt: at(900).wall }),
    );
    expect(resumed.state).toMatchObject({ plan: { micro: { dueAt: 1020 * MINUTE } } });
  });

  it('pausing is refused while a break is on screen', () => {
    const inBreak = transition(
      warningAt20(),
      { type: 'time-passed', now: at(20) },
      context(),
    ).state;
    expect(
      transition(inBreak, { type: 'pause', now: at(20.1), until: null }, context()).refused,
    ).toBeDefined();
  });

  it('resume is refused when not paused', () => {
    expect(transition(running(), { type: 'resume', now: at(1) }, context()).refused).toEqual({
      code: 'not-paused',
    });
  });
});

describe('break engine: natural breaks', () => {
  it('idle as long as a micro break counts as one and restarts its timer', () => {
    const t = transition(
      running(),
      { type: 'idle-sampled', now: at(10), idleMs: 30 * SECOND },
      context(),
    );
    expect(t.emits).toEqual([
      { type: 'natural-break', kind: 'micro', idleMs: 30 * SECOND, source: 'idle' },
    ]);
    expect(t.state).toMatchObject({
      plan: { micro: { dueAt: 30 * MINUTE }, long: { dueAt: 60 * MINUTE } },
    });
  });

  it('idle shorter than a micro break counts for nothing', () => {
    const t = transition(
      running(),
      { type: 'idle-sampled', now: at(10), idleMs: 29 * SECOND },
      context(),
    );
    expect(t.emits).toEqual([]);
  });

  it('idle as long as a long break covers both kinds', () => {
    const t = transition(
      running(),
      { type: 'idle-sampled', now: at(10), idleMs: 5 * MINUTE },
      context(),
    );
    expect(t.emits).toEqual([
      { type: 'natural-break', kind: 'long', idleMs: 5 * MINUTE, source: 'idle' },
    ]);
    expect(t.state).toMatchObject({
      plan: { micro: { dueAt: 30 * MINUTE }, long: { dueAt: 70 * MINUTE } },
    });
  });

  it('one idle spell seen twice counts once', () => {
    const first = transition(
      running(),
      { type: 'idle-sampled', now: at(10), idleMs: 30 * SECOND },
      context(),
    );
    const again = transition(
      first.state,
      { type: 'idle-sampled', now: at(10.5), idleMs: 60 * SECOND },
      context(),
    );
    expect(again.emits).toEqual([]);
  });

  it('a warned break is cancelled by idle that covers it', () => {
    const t = transition(
      warningAt20(),
      { type: 'idle-sampled', now: at(20), idleMs: 40 * SECOND },
      context(),
    );
    expect(t.state.name).toBe('running');
    expect(t.emits.map((e) => e.type)).toEqual(['natural-break']);
  });

  it('idle during a shown break is not a second break', () => {
    const inBreak = transition(
      warningAt20(),
      { type: 'time-passed', now: at(20) },
      context(),
    ).state;
    const after = transition(inBreak, { type: 'time-passed', now: at(20.5) }, context()).state;
    const sampled = transition(
      after,
      { type: 'idle-sampled', now: at(20.5), idleMs: 60 * SECOND },
      context(),
    );
    expect(sampled.emits).toEqual([]);
  });

  it('coming back from a lock long enough counts as a long break', () => {
    const t = transition(
      running(),
      { type: 'away-ended', now: at(30), awayMs: 10 * MINUTE, cause: 'lock' },
      context(),
    );
    expect(t.emits).toEqual([
      { type: 'natural-break', kind: 'long', idleMs: 10 * MINUTE, source: 'lock' },
    ]);
  });
});
