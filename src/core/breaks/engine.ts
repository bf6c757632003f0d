import type { FocusSignal } from '../focus/signals';
import type { Settings } from '../settings/settings';
import { MINUTE, SECOND } from '../time/duration';
import type { BreakKind, NaturalBreakSource, Refusal, RefusalCode, TimerState } from './api';
import {
  breakCoveredByIdle,
  durationOf,
  type FrozenPlan,
  freezePlan,
  freshPlan,
  nextBreak,
  type Plan,
  postponeUntil,
  replan,
  restartAfterBreak,
  thawPlan,
} from './plan';

/**
 * The break state machine: an explicit union of states and a pure `transition`.
 * Times are on two clocks: `elapsed` (real time since the service started, sleep
 * included, never moved by clock changes) for anything measured as a length, and
 * `wall` (epoch ms as the machine shows it) for anything the user names as a time.
 */
export interface Instant {
  elapsed: number;
  wall: number;
}

export type Deadline = { clock: 'elapsed'; at: number } | { clock: 'wall'; at: number };

/**
 * When a focus signal (a call, a presentation, do-not-disturb) ends, the held break
 * is announced this long ahead (or `warningBefore`, if shorter): the person gets a
 * moment after the call, and the break still comes within a minute of its end.
 */
export const RELEASE_WARNING_MAX_MS = 30 * SECOND;

/** How long before a prompt the host is asked to start reading focus signals. */
export const FOCUS_LEAD_MS = 60 * SECOND;

/** A break held by a focus signal: since when, and when it shows regardless. */
export interface Hold {
  since: number;
  showBy: number;
}

/** The longest a break may wait for a focus signal to end; 0 holds nothing. */
export function maxHoldMs(settings: Settings): number {
  return Math.max(0, settings.deferral.maxMinutes) * MINUTE;
}

export type BreakState =
  | { name: 'outside-work-hours' }
  | { name: 'running'; plan: Plan }
  | { name: 'postponed'; plan: Plan }
  /** `held`: a break released by the end of a focus signal, announced shortly before it shows. */
  | { name: 'warning'; plan: Plan; kind: BreakKind; dueAt: number; held?: Hold }
  /** A due break waiting for a focus signal to end, at most until `hold.showBy`. */
  | {
      name: 'deferred';
      plan: Plan;
      kind: BreakKind;
      dueAt: number;
      hold: Hold;
      signal: FocusSignal;
    }
  | { name: 'in-break'; plan: Plan; kind: BreakKind; startedAt: number; endsAt: number }
  | { name: 'paused'; frozen: FrozenPlan | null; until: Deadline | null; since: Instant };

export type BreakEvent =
  /** A wake or any moment the host looks: act on whatever fell due by `now`. */
  | { type: 'time-passed'; now: Instant }
  | { type: 'idle-sampled'; now: Instant; idleMs: number }
  /** Back from a lock or sleep, which count as idle for `awayMs`. */
  | { type: 'away-ended'; now: Instant; awayMs: number; cause: 'lock' | 'sleep' }
  | { type: 'take-break'; now: Instant }
  | { type: 'postpone'; now: Instant }
  | { type: 'skip'; now: Instant }
  | { type: 'pause'; now: Instant; until: Deadline | null }
  | { type: 'resume'; now: Instant }
  | { type: 'settings-changed'; now: Instant };

/** What the engine needs to know about the world; the service reads it fresh for every event. */
export interface EngineContext {
  settings: Settings;
  withinWorkHours: boolean;
  /** The focus signal holding breaks now (the first one on that the settings allow), or null. */
  focus: FocusSignal | null;
  /** Locked or asleep: nothing is asked of the user. */
  away: boolean;
  skipsLeftToday: number | null;
  /** Wall time the current stretch of work hours began; null outside them or when hours are always. */
  workdayStartedAt: number | null;
}

export type BreakEmit =
  /** `afterHold`: the focus signal that held this break just ended. */
  | { type: 'break-warning'; kind: BreakKind; dueAt: number; afterHold?: true }
  /** `heldMs`: how long a focus signal held it; null when it was not held. */
  | { type: 'break-start'; kind: BreakKind; endsAt: number; heldMs: number | null }
  | { type: 'break-end'; kind: BreakKind; outcome: 'completed' | 'skipped' }
  | { type: 'break-deferred'; kind: BreakKind; signal: FocusSignal; showBy: number }
  /** Held as long as allowed: shown as a gentle notification; its outcome is `deferred`. */
  | {
      type: 'break-gentle';
      kind: BreakKind;
      signal: FocusSignal;
      durationMs: number;
      heldMs: number;
    }
  | { type: 'break-postponed'; kind: BreakKind; until: number; postponesLeft: number }
  /**
   * `source`: what counted. A lock or a sleep always counts; keyboard idle only with
   * `naturalBreaks` on (the service samples idle only then).
   */
  | { type: 'natural-break'; kind: BreakKind; idleMs: number; source: NaturalBreakSource }
  | { type: 'paused'; until: Deadline | null }
  | { type: 'resumed' }
  | { type: 'work-hours-start' }
  | { type: 'work-hours-end' };

export interface Transition {
  state: BreakState;
  emits: BreakEmit[];
  /** Set when an action was refused; the state is then unchanged. */
  refused?: Refusal;
}

const stay = (state: BreakState): Transition => ({ state, emits: [] });
const refuse = (state: BreakState, code: RefusalCode, params?: Refusal['params']): Transition => ({
  state,
  emits: [],
  refused: params ? { code, params } : { code },
});

/** The user-facing state of the status API. */
export function timerStateOf(state: BreakState): TimerState {
  return state.name === 'deferred' ? 'warning' : state.name;
}

export function initialState(now: Instant, context: EngineContext): BreakState {
  return context.withinWorkHours
    ? { name: 'running', plan: freshPlan(now.elapsed, context.settings) }
    : { name: 'outside-work-hours' };
}

/** The break asked for now or coming next, with its plan; null when none can come. */
export function pendingBreak(
  state: BreakState,
  settings: Settings,
): { kind: BreakKind; dueAt: number } | null {
  switch (state.name) {
    case 'warning':
    case 'deferred':
      return { kind: state.kind, dueAt: state.dueAt };
    case 'running':
    case 'postponed':
      return nextBreak(state.plan, settings);
    default:
      return null;
  }
}

/** The next moment the engine has something to do; the service arms its one timer for it. */
export function nextDeadline(state: BreakState, context: EngineContext): Deadline | null {
  const elapsed = (at: number): Deadline => ({ clock: 'elapsed', at });
  switch (state.name) {
    case 'running':
    case 'postponed': {
      if (context.away) return null;
      const next = nextBreak(state.plan, context.settings);
      if (!next) return null;
      // No warning during a call: the break is held at its due time instead.
      if (holding(context)) return elapsed(next.dueAt);
      return elapsed(next.dueAt - context.settings.warningBeforeMs);
    }
    case 'warning':
      return context.away ? null : elapsed(state.dueAt);
    case 'deferred':
      return context.away ? null : elapsed(state.hold.showBy);
    case 'in-break':
      return elapsed(state.endsAt);
    case 'paused':
      return state.until;
    case 'outside-work-hours':
      return null;
  }
}

/**
 * From when (elapsed) the engine wants the host to read focus signals: a minute
 * before the next warning, and throughout a warning or a hold. Null: not wanted.
 */
export function focusWatchFrom(state: BreakState, context: EngineContext): number | null {
  switch (state.name) {
    case 'warning':
    case 'deferred':
      return Number.NEGATIVE_INFINITY;
    case 'running':
    case 'postponed': {
      const next = nextBreak(state.plan, context.settings);
      return next ? next.dueAt - context.settings.warningBeforeMs - FOCUS_LEAD_MS : null;
    }
    default:
      return null;
  }
}

/** A focus signal is on and may hold breaks. */
function holding(context: EngineContext): context is EngineContext & { focus: FocusSignal } {
  return context.focus !== null && maxHoldMs(context.settings) > 0;
}

function reached(deadline: Deadline, now: Instant): boolean {
  return deadline.clock === 'elapsed' ? now.elapsed >= deadline.at : now.wall >= deadline.at;
}

/** A micro break shown late (after sleep, or held through a call) may now fall due with the long one: show the long one. */
function kindShownAt(plan: Plan, planned: BreakKind, now: Instant, settings: Settings): BreakKind {
  return planned === 'micro' &&
    plan.long !== null &&
    plan.long.dueAt - now.elapsed <= settings.microBreak.everyMs / 2
    ? 'long'
    : planned;
}

function startBreak(
  plan: Plan,
  kind: BreakKind,
  now: Instant,
  context: EngineContext,
  heldMs: number | null,
): Transition {
  const endsAt = now.elapsed + durationOf(kind, context.settings);
  return {
    state: { name: 'in-break', plan, kind, startedAt: now.elapsed, endsAt },
    emits: [{ type: 'break-start', kind, endsAt, heldMs }],
  };
}

/**
 * Held as long as allowed: the break becomes a gentle notification instead of the
 * window, and its timers restart as after any break, so it does not fall due again
 * at once. Its outcome is `deferred`: neither taken nor skipped.
 */
function showGently(
  plan: Plan,
  kind: BreakKind,
  since: number,
  signal: FocusSignal,
  now: Instant,
  context: EngineContext,
): Transition {
  return {
    state: { name: 'running', plan: restartAfterBreak(plan, kind, now.elapsed, context.settings) },
    emits: [
      {
        type: 'break-gentle',
        kind,
        signal,
        durationMs: durationOf(kind, context.settings),
        heldMs: now.elapsed - since,
      },
    ],
  };
}

/**
 * The focus signal holding a break ended: the break is announced briefly, then shown,
 * within a minute of the end of the call. Should another signal come on in that
 * moment, it waits again, still bound by the same `showBy`.
 */
function release(
  state: Extract<BreakState, { name: 'deferred' }>,
  now: Instant,
  context: EngineContext,
): Transition {
  const kind = kindShownAt(state.plan, state.kind, now, context.settings);
  const lead = Math.min(context.settings.warningBeforeMs, RELEASE_WARNING_MAX_MS);
  // The bound holds for the announcement too: the break is on screen by `showBy`.
  const dueAt = Math.min(now.elapsed + lead, state.hold.showBy);
  if (dueAt <= now.elapsed) {
    return startBreak(state.plan, kind, now, context, now.elapsed - state.hold.since);
  }
  return {
    state: { name: 'warning', plan: state.plan, kind, dueAt, held: state.hold },
    emits: [{ type: 'break-warning', kind, dueAt, afterHold: true }],
  };
}

/** A break falls due: shown now, or held while a focus signal is on (up to `deferral.maxMinutes`). */
function breakFallsDue(
  plan: Plan,
  planned: BreakKind,
  dueAt: number,
  now: Instant,
  context: EngineContext,
  held: Hold | undefined,
): Transition {
  const kind = kindShownAt(plan, planned, now, context.settings);
  if (holding(context)) {
    const hold = held ?? { since: now.elapsed, showBy: now.elapsed + maxHoldMs(context.settings) };
    if (now.elapsed >= hold.showBy) {
      return showGently(plan, kind, hold.since, context.focus, now, context);
    }
    return {
      state: { name: 'deferred', plan, kind, dueAt, hold, signal: context.focus },
      emits: [{ type: 'break-deferred', kind, signal: context.focus, showBy: hold.showBy }],
    };
  }
  return startBreak(plan, kind, now, context, held ? now.elapsed - held.since : null);
}

function workHoursEnded(): Transition {
  return { state: { name: 'outside-work-hours' }, emits: [{ type: 'work-hours-end' }] };
}

/** One step of time passing; `transition` repeats it until nothing more is due. */
function timeStep(state: BreakState, now: Instant, context: EngineContext): Transition {
  const { settings } = context;
  switch (state.name) {
    case 'outside-work-hours':
      if (!context.withinWorkHours) return stay(state);
      return {
        state: { name: 'running', plan: freshPlan(now.elapsed, settings) },
        emits: [{ type: 'work-hours-start' }],
      };
    case 'running':
    case 'postponed': {
      if (!context.withinWorkHours) return workHoursEnded();
      if (context.away) return stay(state);
      const next = nextBreak(state.plan, settings);
      if (!next) return stay(state);
      if (now.elapsed >= next.dueAt)
        return breakFallsDue(state.plan, next.kind, next.dueAt, now, context, undefined);
      if (settings.warningBeforeMs > 0 && now.elapsed >= next.dueAt - settings.warningBeforeMs) {
        // A warning would interrupt the call too: the break is held at its due time instead.
        if (holding(context)) return stay(state);
        return {
          state: { name: 'warning', plan: state.plan, kind: next.kind, dueAt: next.dueAt },
          emits: [{ type: 'break-warning', kind: next.kind, dueAt: next.dueAt }],
        };
      }
      return stay(state);
    }
    case 'warning':
      if (!context.withinWorkHours) return workHoursEnded();
      if (context.away || now.elapsed < state.dueAt) return stay(state);
      return breakFallsDue(state.plan, state.kind, state.dueAt, now, context, state.held);
    case 'deferred':
      if (!context.withinWorkHours) return workHoursEnded();
      if (context.away) return stay(state);
      // The call ended (or that signal was turned off in the settings): the break comes.
      if (!holding(context)) return release(state, now, context);
      if (now.elapsed < state.hold.showBy) return stay(state);
      return showGently(
        state.plan,
        kindShownAt(state.plan, state.kind, now, settings),
        state.hold.since,
        context.focus,
        now,
        context,
      );
    case 'in-break': {
      if (now.elapsed < state.endsAt) return stay(state);
      const plan = {
        ...restartAfterBreak(state.plan, state.kind, state.endsAt, settings),
        lastBreakEndedAt: state.endsAt,
      };
      const ended: BreakEmit = { type: 'break-end', kind: state.kind, outcome: 'completed' };
      // A break that runs past the end of work hours finishes first; the day ends after it.
      if (!context.withinWorkHours) {
        return {
          state: { name: 'outside-work-hours' },
          emits: [ended, { type: 'work-hours-end' }],
        };
      }
      return { state: { name: 'running', plan }, emits: [ended] };
    }
    case 'paused':
      if (!state.until || !reached(state.until, now)) return stay(state);
      return resumeFrom(state, now, context);
  }
}

function resumeFrom(
  state: Extract<BreakState, { name: 'paused' }>,
  now: Instant,
  context: EngineContext,
): Transition {
  // A work day that began during the pause starts afresh, not with yesterday's timers.
  const newWorkday =
    context.workdayStartedAt !== null && context.workdayStartedAt > state.since.wall;
  const emits: BreakEmit[] = [{ type: 'resumed' }];
  if (!context.withinWorkHours) return { state: { name: 'outside-work-hours' }, emits };
  const plan =
    state.frozen && !newWorkday
      ? thawPlan(state.frozen, now.elapsed, context.settings)
      : freshPlan(now.elapsed, context.settings);
  return { state: { name: plan.postponesUsed > 0 ? 'postponed' : 'running', plan }, emits };
}

/** Idle (or away) long enough counts as a break taken: the covered timers restart. */
function idleSpell(
  state: BreakState,
  now: Instant,
  reportedIdleMs: number,
  context: EngineContext,
  source: NaturalBreakSource,
): Transition {
  if (
    state.name !== 'running' &&
    state.name !== 'postponed' &&
    state.name !== 'warning' &&
    state.name !== 'deferred'
  ) {
    return stay(state);
  }
  const sinceBreak = state.plan.lastBreakEndedAt;
  const idleMs =
    sinceBreak === null ? reportedIdleMs : Math.min(reportedIdleMs, now.elapsed - sinceBreak);
  const covered = breakCoveredByIdle(idleMs, context.settings);
  if (!covered) {
    if (state.plan.idleSpell === null) return stay(state);
    return { state: { ...state, plan: { ...state.plan, idleSpell: null } }, emits: [] };
  }
  const spellSince = now.elapsed - idleMs;
  const counted = state.plan.idleSpell;
  // The same spell seen again: samples are whole seconds apart, so allow a little slack.
  const sameSpell = counted !== null && Math.abs(counted.since - spellSince) <= 2000;
  const alreadyCounted = sameSpell && (counted.covered === 'long' || covered === 'micro');
  const emits: BreakEmit[] = alreadyCounted
    ? []
    : [{ type: 'natural-break', kind: covered, idleMs, source }];
  let plan = restartAfterBreak(state.plan, covered, now.elapsed, context.settings);
  plan = {
    ...plan,
    idleSpell: {
      since: spellSince,
      covered: sameSpell && counted.covered === 'long' ? 'long' : covered,
    },
  };
  const pendingKind =
    state.name === 'warning' || state.name === 'deferred'
      ? state.kind
      : nextBreak(state.plan, context.settings)?.kind;
  // A long break still coming is not covered by a micro-length spell: it keeps its warning and postpones.
  if (pendingKind === 'long' && covered === 'micro') {
    return {
      state: { ...state, plan: { ...plan, postponesUsed: state.plan.postponesUsed } },
      emits,
    };
  }
  return { state: { name: 'running', plan }, emits };
}

/**
 * Back from a lock or sleep that was shorter than the break: a break that fell due (or
 * whose warning fell) while the person was away is announced `warningBefore` ahead,
 * like any other, instead of appearing the moment they sit down.
 */
function warnAfterAway(state: BreakState, now: Instant, context: EngineContext): Transition {
  const lead = context.settings.warningBeforeMs;
  if (lead <= 0 || !context.withinWorkHours || holding(context)) return stay(state);
  if (state.name === 'warning') {
    // A warning seen before the absence still stands while its break is ahead.
    if (now.elapsed < state.dueAt) return stay(state);
    const dueAt = now.elapsed + lead;
    return {
      state: { ...state, dueAt },
      emits: [{ type: 'break-warning', kind: state.kind, dueAt }],
    };
  }
  if (state.name !== 'running' && state.name !== 'postponed') return stay(state);
  const next = nextBreak(state.plan, context.settings);
  if (!next || now.elapsed < next.dueAt - lead) return stay(state);
  const dueAt = now.elapsed + lead;
  return {
    state: { name: 'warning', plan: state.plan, kind: next.kind, dueAt },
    emits: [{ type: 'break-warning', kind: next.kind, dueAt }],
  };
}

function planOf(state: BreakState): Plan | null {
  return 'plan' in state ? state.plan : null;
}

function kindAskedFor(state: BreakState, settings: Settings): BreakKind | null {
  if (state.name === 'warning' || state.name === 'deferred' || state.name === 'in-break')
    return state.kind;
  if (state.name === 'postponed') return nextBreak(state.plan, settings)?.kind ?? null;
  return null;
}

function act(state: BreakState, event: BreakEvent, context: EngineContext): Transition {
  const { settings } = context;
  const now = event.now;
  switch (event.type) {
    case 'take-break': {
      if (state.name === 'in-break') return refuse(state, 'break-on');
      if (state.name === 'paused') return refuse(state, 'paused');
      if (state.name === 'outside-work-hours' || !context.withinWorkHours) {
        return refuse(state, 'outside-work-hours');
      }
      const kind = kindAskedFor(state, settings) ?? nextBreak(state.plan, settings)?.kind;
      if (!kind) return refuse(state, 'breaks-off');
      return startBreak(state.plan, kind, now, context, null);
    }
    case 'postpone': {
      if (settings.strictMode) return refuse(state, 'strict-postpone');
      if (state.name === 'postponed') return refuse(state, 'already-postponed');
      if (state.name !== 'warning' && state.name !== 'deferred' && state.name !== 'in-break') {
        return refuse(state, 'nothing-to-postpone');
      }
      const left = settings.postpone.maxPerBreak - state.plan.postponesUsed;
      if (left <= 0) {
        const max = settings.postpone.maxPerBreak;
        return max === 0
          ? refuse(state, 'postpone-off')
          : refuse(state, 'postpone-limit', { count: max });
      }
      const until = now.elapsed + settings.postpone.durationMs;
      const plan = postponeUntil(state.plan, until);
      return {
        state: { name: 'postponed', plan },
        emits: [{ type: 'break-postponed', kind: state.kind, until, postponesLeft: left - 1 }],
      };
    }
    case 'skip': {
      if (settings.strictMode) return refuse(state, 'strict-skip');
      const kind = kindAskedFor(state, settings);
      const plan = planOf(state);
      if (!kind || !plan) return refuse(state, 'nothing-to-skip');
      if (context.skipsLeftToday !== null && context.skipsLeftToday <= 0) {
        return refuse(state, 'no-skips-left', { max: settings.skip.maxPerDay ?? 0 });
      }
      return {
        state: { name: 'running', plan: restartAfterBreak(plan, kind, now.elapsed, settings) },
        emits: [{ type: 'break-end', kind, outcome: 'skipped' }],
      };
    }
    case 'pause': {
      if (state.name === 'in-break') return refuse(state, 'finish-break-first');
      const plan = planOf(state);
      const frozen =
        state.name === 'paused' ? state.frozen : plan ? freezePlan(plan, now.elapsed) : null;
      return {
        state: {
          name: 'paused',
          frozen,
          until: event.until,
          since: state.name === 'paused' ? state.since : now,
        },
        emits: [{ type: 'paused', until: event.until }],
      };
    }
    case 'resume':
      if (state.name !== 'paused') return refuse(state, 'not-paused');
      return resumeFrom(state, now, context);
    case 'settings-changed': {
      if (state.name === 'paused' || state.name === 'outside-work-hours') return stay(state);
      const plan = replan(state.plan, now.elapsed, settings);
      // A held break keeps its bound: changing settings mid-call must not lose or restart it.
      if (state.name === 'in-break' || state.name === 'deferred') return stay({ ...state, plan });
      if (state.name === 'warning' && state.held) return stay({ ...state, plan });
      return stay({ name: plan.postponesUsed > 0 ? 'postponed' : 'running', plan });
    }
    case 'idle-sampled':
      return idleSpell(state, now, event.idleMs, context, 'idle');
    case 'away-ended': {
      // A break that ended while the user was away ends first; the rest of the absence is idle after it.
      const caughtUp =
        state.name === 'in-break' && now.elapsed >= state.endsAt
          ? timeStep(state, now, context)
          : stay(state);
      const spell = idleSpell(caughtUp.state, now, event.awayMs, context, event.cause);
      const back = warnAfterAway(spell.state, now, context);
      return { state: back.state, emits: [...caughtUp.emits, ...spell.emits, ...back.emits] };
    }
    case 'time-passed':
      return stay(state);
  }
}

/** At most this many steps in one look at the clock: due, start, end, next warning. */
const MAX_STEPS = 8;

/**
 * The transition function. Actions and signals apply first; then time is let catch
 * up, so a break that fell due while the user was acting is not lost.
 */
export function transition(
  state: BreakState,
  event: BreakEvent,
  context: EngineContext,
): Transition {
  const first = act(state, event, context);
  if (first.refused) return first;
  let current = first.state;
  const emits = [...first.emits];
  for (let i = 0; i < MAX_STEPS; i++) {
    const step = timeStep(current, event.now, context);
    if (step.state === current) break;
    current = step.state;
    emits.push(...step.emits);
  }
  return { state: current, emits };
}
