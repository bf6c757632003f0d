import { routinesInForce } from '../checkin/routine';
import { FOCUS_SIGNALS, type FocusSignal } from '../focus/signals';
import { planRoutines, type RoutineTimer, runDueRoutines } from '../schedule/routines';
import { createWorkCalendar, type WorkCalendar } from '../schedule/work-hours';
import type { Settings } from '../settings/settings';
import {
  endTherapy,
  NO_THERAPY,
  resumeTherapy as resumeTherapySession,
  startTherapy as startTherapySession,
  type TherapyState,
} from '../therapy/session';
import type { Clock, TimerHandle } from '../time/clock';
import { formatLocalDate, localDateTime, systemTimeZone } from '../time/zoned';
import type {
  ActionResult,
  ActivitySignal,
  IdleProbe,
  PauseRequest,
  TherapyRequest,
  TimelineEvent,
  TimerService,
  TimerStatus,
} from './api';
import {
  type BreakEmit,
  type BreakEvent,
  type BreakState,
  type Deadline,
  type EngineContext,
  focusWatchFrom,
  type Instant,
  initialState,
  maxHoldMs,
  nextDeadline,
  pendingBreak,
  timerStateOf,
  transition,
} from './engine';
import { freshPlan, nextBreak, nextIdleSampleIn } from './plan';
import {
  type PostureContext,
  type PostureRhythm,
  postureDeadline,
  postureFocusWatchFrom,
  postureStep,
} from './posture';

export interface TimerServiceDeps {
  clock: Clock;
  settings: Settings;
  /** How long the user has been idle, in seconds; without it there are no natural breaks. */
  idle?: IdleProbe;
  /** The user's IANA zone for work hours and routines; the machine's zone by default. */
  timeZone?: string;
}

/** Wall and monotonic may drift apart by NTP slewing; more than this is someone setting the clock. */
export const CLOCK_JUMP_TOLERANCE_MS = 3000;

/**
 * The timer service: the break engine, routines and therapy sessions behind one
 * timer. Every wake, action and signal runs `settle`, which re-derives what is due
 * from absolute deadlines and arms the single timer for the next one; nothing ticks.
 *
 * Focus signals (calls, presentations, do-not-disturb) are pushed in by the host,
 * which reads them only while `wantsFocusSignals` says a prompt is near.
 *
 * Lengths (break intervals, pauses "for", therapy) are kept on an elapsed clock:
 * monotonic time plus whatever sleep the monotonic clock did not count. Times the user
 * names (work hours, "until", routines) are wall times, converted when arming.
 */
export function createTimerService(deps: TimerServiceDeps): TimerService {
  const { clock, idle } = deps;
  const zone = deps.timeZone ?? systemTimeZone();
  let settings = deps.settings;
  let calendar: WorkCalendar = createWorkCalendar(settings.workHours, zone);

  const monotonicOrigin = clock.monotonic();
  let sleepNotCounted = 0;
  const elapsedNow = () => clock.monotonic() - monotonicOrigin + sleepNotCounted;
  const instant = (): Instant => ({ elapsed: elapsedNow(), wall: clock.now() });

  let wallOffset = clock.now() - elapsedNow();
  let asleepSince: { wall: number; monotonic: number } | null = null;
  let lockedSince: number | null = null;
  /** Focus signals the host reports on, whether or not the settings let them hold breaks. */
  const focusOn = new Set<FocusSignal>();
  let posture: PostureRhythm | null = null;
  let wantsFocus = false;
  const focusListeners = new Set<(wanted: boolean) => void>();
  let therapy: TherapyState = NO_THERAPY;
  let skips = { day: '', used: 0 };
  let nextIdleSampleAt: number | null = null;
  let routines: RoutineTimer[] = planRoutines(routinesInForce(settings), clock.now(), zone);
  let armed: TimerHandle | null = null;
  let disposed = false;
  const listeners = new Set<(event: TimelineEvent) => void>();

  const toWall = (elapsed: number, now: Instant) => now.wall + (elapsed - now.elapsed);
  const toElapsed = (deadline: Deadline, now: Instant) =>
    deadline.clock === 'elapsed' ? deadline.at : deadline.at - now.wall + now.elapsed;

  function skipsLeftToday(now: Instant): number | null {
    const limit = settings.skip.maxPerDay;
    if (limit === null) return null;
    const used = skips.day === formatLocalDate(localDateTime(now.wall, zone)) ? skips.used : 0;
    return Math.max(0, limit - used);
  }

  function countSkip(now: Instant) {
    const day = formatLocalDate(localDateTime(now.wall, zone));
    skips = { day, used: skips.day === day ? skips.used + 1 : 1 };
  }

  /** The first focus signal on that the settings let hold breaks. */
  function activeFocus(): FocusSignal | null {
    if (maxHoldMs(settings) <= 0) return null;
    return FOCUS_SIGNALS.find((signal) => focusOn.has(signal) && settings.deferral[signal]) ?? null;
  }

  /** Could any signal hold a prompt at all? If not, the host need not read them. */
  function deferralPossible(): boolean {
    return maxHoldMs(settings) > 0 && FOCUS_SIGNALS.some((signal) => settings.deferral[signal]);
  }

  function context(now: Instant): EngineContext {
    const interval = calendar.intervalAt(now.wall);
    return {
      settings,
      withinWorkHours: calendar.isWithin(now.wall),
      focus: activeFocus(),
      away: lockedSince !== null || asleepSince !== null,
      skipsLeftToday: skipsLeftToday(now),
      workdayStartedAt: interval?.start ?? null,
    };
  }

  let state: BreakState = initialState(instant(), context(instant()));

  function publish(type: string, now: Instant, fields: Record<string, unknown> = {}) {
    const event: TimelineEvent = { type, at: now.wall, ...fields };
    for (const listener of [...listeners]) listener(event);
  }

  function publishEmit(emit: BreakEmit, now: Instant) {
    switch (emit.type) {
      case 'break-warning':
        return publish(emit.type, now, {
          kind: emit.kind,
          dueInSeconds: Math.round((emit.dueAt - now.elapsed) / 1000),
          ...(emit.afterHold ? { deferred: true } : {}),
        });
      case 'break-start':
        return publish(emit.type, now, {
          kind: emit.kind,
          durationSeconds: Math.round((emit.endsAt - now.elapsed) / 1000),
          ...(emit.heldMs !== null
            ? { deferred: true, deferredSeconds: Math.round(emit.heldMs / 1000) }
            : {}),
        });
      case 'break-deferred':
        return publish(emit.type, now, {
          kind: emit.kind,
          signal: emit.signal,
          atMostSeconds: Math.round((emit.showBy - now.elapsed) / 1000),
        });
      case 'break-gentle':
        return publish(emit.type, now, {
          kind: emit.kind,
          outcome: 'deferred',
          signal: emit.signal,
          durationSeconds: Math.round(emit.durationMs / 1000),
          deferredSeconds: Math.round(emit.heldMs / 1000),
        });
      case 'break-end':
        if (emit.outcome === 'skipped') countSkip(now);
        return publish(emit.type, now, { kind: emit.kind, outcome: emit.outcome });
      case 'break-postponed':
        return publish(emit.type, now, {
          kind: emit.kind,
          forSeconds: Math.round((emit.until - now.elapsed) / 1000),
          postponesLeft: emit.postponesLeft,
        });
      case 'natural-break':
        return publish(emit.type, now, {
          kind: emit.kind,
          idleSeconds: Math.round(emit.idleMs / 1000),
        });
      case 'paused':
        return publish(emit.type, now, {
          until: emit.until ? toWall(toElapsed(emit.until, now), now) : null,
        });
      default:
        return publish(emit.type, now);
    }
  }

  function apply(event: BreakEvent): ActionResult {
    const result = transition(state, event, context(event.now));
    if (result.refused) return { ok: false, reason: result.refused };
    state = result.state;
    for (const emit of result.emits) publishEmit(emit, event.now);
    return { ok: true };
  }

  /** Wall and monotonic disagree: the clock was set. Wall deadlines are re-derived when arming. */
  function noticeClockJump(now: Instant) {
    const offset = now.wall - now.elapsed;
    const jump = offset - wallOffset;
    wallOffset = offset;
    if (Math.abs(jump) > CLOCK_JUMP_TOLERANCE_MS) {
      publish('clock-jump', now, { bySeconds: Math.round(jump / 1000) });
    }
  }

  function samplingIdle(): boolean {
    return (
      idle !== undefined &&
      settings.naturalBreaks &&
      lockedSince === null &&
      asleepSince === null &&
      (state.name === 'running' ||
        state.name === 'postponed' ||
        state.name === 'warning' ||
        state.name === 'deferred')
    );
  }

  function sampleIdle(now: Instant) {
    if (!idle || !samplingIdle()) {
      nextIdleSampleAt = null;
      return;
    }
    const idleMs = Math.max(0, idle() * 1000);
    apply({ type: 'idle-sampled', now, idleMs });
    const wait = nextIdleSampleIn(idleMs, settings);
    nextIdleSampleAt = wait === null ? null : now.elapsed + wait;
  }

  /** Act on everything due by now, then arm the one timer for what comes next. */
  function settle() {
    if (disposed) return;
    const now = instant();
    noticeClockJump(now);
    if (asleepSince !== null) return disarm();
    if (state.name !== 'paused') {
      const due = runDueRoutines(routines, now.wall, zone);
      routines = due.timers;
      for (const id of due.ran) publish('routine', now, { id });
    }
    const session = therapy.active;
    if (session && now.elapsed >= session.endsAt) {
      therapy = endTherapy(therapy, session.endsAt);
      publish('therapy-end', now, {
        kind: session.kind,
        minutes: session.minutes,
        outcome: 'completed',
      });
    }
    // Sample before acting, so a user already idle when a break falls due has it naturally.
    sampleIdle(now);
    apply({ type: 'time-passed', now });
    // A state that just began sampling (a break ended, work hours began) gets its first sample now.
    if (nextIdleSampleAt === null && samplingIdle()) sampleIdle(now);
    stepPosture(now);
    arm(now);
    updateFocusWanted(now);
  }

  function postureContext(): PostureContext {
    return {
      settings,
      active:
        lockedSince === null &&
        asleepSince === null &&
        state.name !== 'paused' &&
        state.name !== 'outside-work-hours',
      breakInProgress: state.name === 'warning' || state.name === 'in-break',
      focus: activeFocus(),
    };
  }

  function stepPosture(now: Instant) {
    // One change at a time; each starts a posture that lasts at least a minute.
    for (let i = 0; i < 3; i++) {
      const step = postureStep(posture, now.elapsed, postureContext());
      posture = step.rhythm;
      if (!step.change) return;
      const { to, lastsMs, heldMs } = step.change;
      publish('posture-change', now, {
        kind: 'posture',
        to,
        minutes: Math.round(lastsMs / 60_000),
        ...(heldMs !== null ? { deferred: true, deferredSeconds: Math.round(heldMs / 1000) } : {}),
      });
    }
  }

  /** From when the engine or the rhythm wants focus signals read; null: not until something changes. */
  function focusWatchStart(now: Instant): number | null {
    if (!deferralPossible() || lockedSince !== null || asleepSince !== null) return null;
    const starts = [focusWatchFrom(state, context(now)), postureFocusWatchFrom(posture)].filter(
      (at): at is number => at !== null,
    );
    return starts.length === 0 ? null : Math.min(...starts);
  }

  function updateFocusWanted(now: Instant) {
    const from = focusWatchStart(now);
    const wanted = !disposed && from !== null && now.elapsed >= from;
    if (wanted === wantsFocus) return;
    wantsFocus = wanted;
    for (const listener of [...focusListeners]) listener(wanted);
  }

  function disarm() {
    if (armed) clock.cancel(armed);
    armed = null;
    // Asleep or stopped: nothing to read signals for.
    if (wantsFocus && (asleepSince !== null || disposed)) {
      wantsFocus = false;
      for (const listener of [...focusListeners]) listener(false);
    }
  }

  /** The next deadline of anything, on the elapsed clock. */
  function nextWake(now: Instant): number | null {
    const candidates: number[] = [];
    const engine = nextDeadline(state, context(now));
    if (engine) candidates.push(toElapsed(engine, now));
    // Idle is not sampled during a warning: the break's own due time samples it.
    if (nextIdleSampleAt !== null && (state.name === 'running' || state.name === 'postponed')) {
      candidates.push(nextIdleSampleAt);
    }
    if (state.name !== 'paused') {
      const edge = calendar.nextEdge(now.wall);
      if (edge !== null) candidates.push(edge - now.wall + now.elapsed);
      for (const routine of routines) {
        if (routine.nextAt !== null) candidates.push(routine.nextAt - now.wall + now.elapsed);
      }
    }
    if (therapy.active) candidates.push(therapy.active.endsAt);
    const rhythm = postureDeadline(posture, now.elapsed, postureContext());
    if (rhythm !== null) candidates.push(rhythm);
    // A minute before a prompt, a host that reads focus signals is asked to start.
    const watch = focusListeners.size > 0 ? focusWatchStart(now) : null;
    if (watch !== null && watch > now.elapsed) candidates.push(watch);
    return candidates.length === 0 ? null : Math.min(...candidates);
  }

  function arm(now: Instant) {
    disarm();
    const at = nextWake(now);
    if (at === null) return;
    // Never in the past: what was due has just been handled.
    const target = Math.max(at, now.elapsed + 1) - sleepNotCounted + monotonicOrigin;
    const handle = clock.setTimer(target, () => {
      if (armed?.id !== handle.id) return;
      armed = null;
      settle();
    });
    armed = handle;
  }

  /** The host missed telling us about waking up, but something is happening: we are awake. */
  function wakeIfAsleep() {
    if (asleepSince !== null) wake();
  }

  function wake() {
    if (asleepSince === null) return;
    const slept = Math.max(0, clock.now() - asleepSince.wall);
    const monotonicSlept = clock.monotonic() - asleepSince.monotonic;
    // Where the monotonic clock stops during sleep, add the missing time to elapsed.
    sleepNotCounted += Math.max(0, slept - monotonicSlept);
    asleepSince = null;
    const now = instant();
    wallOffset = now.wall - now.elapsed;
    publish('resume', now, { sleptSeconds: Math.round(slept / 1000) });
    // Sleep counts as idle; while still locked the lock's own spell covers it.
    if (lockedSince === null) apply({ type: 'away-ended', now, awayMs: slept });
  }

  function perform(makeEvent: (now: Instant) => BreakEvent): ActionResult {
    if (disposed) return { ok: false, reason: 'the timer service has stopped' };
    wakeIfAsleep();
    const now = instant();
    noticeClockJump(now);
    // Catch up first, so the action meets the state the world is in now.
    apply({ type: 'time-passed', now });
    const result = apply(makeEvent(now));
    settle();
    return result;
  }

  function pauseDeadline(request: PauseRequest, now: Instant): Deadline | null | string {
    if ('for' in request) {
      if (!(request.for > 0)) return 'a pause lasts more than no time';
      return { clock: 'elapsed', at: now.elapsed + request.for };
    }
    if ('until' in request) {
      if (request.until <= now.wall) return 'that time has already passed';
      return { clock: 'wall', at: request.until };
    }
    if ('untilTomorrow' in request)
      return { clock: 'wall', at: calendar.nextWorkdayStart(now.wall) };
    return null;
  }

  function planOf(s: BreakState) {
    return 'plan' in s ? s.plan : null;
  }

  const service: TimerService = {
    status(): TimerStatus {
      const now = instant();
      let next = pendingBreak(state, settings);
      if (state.name === 'outside-work-hours') {
        // Tell the user when the first break of the next work day comes.
        const start = calendar.nextEdge(now.wall);
        const first = start === null ? null : nextBreak(freshPlan(0, settings), settings);
        next =
          first && start !== null
            ? { kind: first.kind, dueAt: start - now.wall + now.elapsed + first.dueAt }
            : null;
      }
      const plan = planOf(state);
      return {
        state: timerStateOf(state),
        nextBreak: next ? { kind: next.kind, dueAt: toWall(next.dueAt, now) } : null,
        currentBreak:
          state.name === 'in-break'
            ? {
                kind: state.kind,
                startedAt: toWall(state.startedAt, now),
                endsAt: toWall(state.endsAt, now),
              }
            : null,
        pausedUntil:
          state.name === 'paused' && state.until ? toWall(toElapsed(state.until, now), now) : null,
        postponesLeft: Math.max(0, settings.postpone.maxPerBreak - (plan?.postponesUsed ?? 0)),
        skipsLeftToday: skipsLeftToday(now),
        strictMode: settings.strictMode,
        deferredUntil: state.name === 'deferred' ? toWall(state.hold.showBy, now) : null,
        wantsFocusSignals: wantsFocus,
        therapy: therapy.active
          ? {
              kind: therapy.active.kind,
              minutes: therapy.active.minutes,
              endsAt: toWall(therapy.active.endsAt, now),
            }
          : null,
      };
    },
    takeBreak: () => perform((now) => ({ type: 'take-break', now })),
    postponeBreak: () => perform((now) => ({ type: 'postpone', now })),
    skipBreak: () => perform((now) => ({ type: 'skip', now })),
    pause(request) {
      wakeIfAsleep();
      const until = pauseDeadline(request, instant());
      if (typeof until === 'string') return { ok: false, reason: until };
      return perform((now) => ({ type: 'pause', now, until }));
    },
    resume: () => perform((now) => ({ type: 'resume', now })),
    signal(signal: ActivitySignal) {
      if (disposed) return;
      const now = instant();
      switch (signal.type) {
        case 'suspend':
          if (asleepSince !== null) return;
          noticeClockJump(now);
          publish('suspend', now);
          asleepSince = { wall: now.wall, monotonic: clock.monotonic() };
          return disarm();
        case 'resume':
          wake();
          return settle();
        case 'lock':
          wakeIfAsleep();
          if (lockedSince === null) lockedSince = instant().elapsed;
          return settle();
        case 'unlock': {
          wakeIfAsleep();
          if (lockedSince === null) return settle();
          const at = instant();
          const awayMs = at.elapsed - lockedSince;
          lockedSince = null;
          noticeClockJump(at);
          apply({ type: 'away-ended', now: at, awayMs });
          return settle();
        }
        case 'do-not-disturb':
        case 'focus': {
          wakeIfAsleep();
          const which = signal.type === 'focus' ? signal.signal : 'doNotDisturb';
          if (signal.on === focusOn.has(which)) return;
          if (signal.on) focusOn.add(which);
          else focusOn.delete(which);
          // A held break is released, or a coming one will be held, on the next look.
          return settle();
        }
        case 'time-changed':
          return settle();
      }
    },
    updateSettings(next: Settings) {
      settings = next;
      calendar = createWorkCalendar(settings.workHours, zone);
      routines = planRoutines(routinesInForce(settings), clock.now(), zone, routines);
      nextIdleSampleAt = null;
      perform((now) => ({ type: 'settings-changed', now }));
    },
    startTherapy(request: TherapyRequest): ActionResult {
      if (disposed) return { ok: false, reason: 'the timer service has stopped' };
      wakeIfAsleep();
      const now = instant();
      const started = startTherapySession(therapy, request, now.elapsed, settings.therapy);
      if (!started.ok) {
        publish('therapy-rejected', now, {
          kind: request.kind,
          minutes: started.minutes,
          reason: started.reason,
        });
        return { ok: false, reason: started.reason };
      }
      therapy = started.state;
      publish('therapy-start', now, {
        kind: started.session.kind,
        minutes: started.session.minutes,
      });
      settle();
      return { ok: true };
    },
    resumeTherapy({ kind, minutes, endsAt }): ActionResult {
      if (disposed) return { ok: false, reason: 'the timer service has stopped' };
      wakeIfAsleep();
      const now = instant();
      const resumed = resumeTherapySession(
        therapy,
        { kind, minutes, remainingMs: endsAt - now.wall },
        now.elapsed,
      );
      if (!resumed.ok) return { ok: false, reason: resumed.reason };
      therapy = resumed.state;
      publish('therapy-resumed', now, {
        kind,
        minutes,
        endsAt: toWall(resumed.session.endsAt, now),
      });
      settle();
      return { ok: true };
    },
    stopTherapy(): ActionResult {
      wakeIfAsleep();
      const session = therapy.active;
      if (!session) return { ok: false, reason: 'no heat or ice session is running' };
      const now = instant();
      therapy = endTherapy(therapy, now.elapsed);
      publish('therapy-end', now, {
        kind: session.kind,
        minutes: session.minutes,
        outcome: 'stopped',
      });
      settle();
      return { ok: true };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFocusWanted(listener) {
      focusListeners.add(listener);
      // The first listener may need a wake of its own before the next prompt.
      if (focusListeners.size === 1 && !disposed && asleepSince === null) arm(instant());
      return () => focusListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      disarm();
      listeners.clear();
      focusListeners.clear();
    },
  };

  settle();
  return service;
}
