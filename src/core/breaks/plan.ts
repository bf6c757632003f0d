import type { Settings } from '../settings/settings';
import type { BreakKind } from './api';

/**
 * The break plan: when each kind of break falls due, on the service's elapsed clock
 * (real time since start, counting sleep, never moved by wall-clock changes). A kind
 * that is turned off has no entry.
 */
export interface BreakTimer {
  /** When this kind's work interval began: the last break of it, natural or not. */
  since: number;
  dueAt: number;
}

export interface Plan {
  micro: BreakTimer | null;
  long: BreakTimer | null;
  /** Postpones used on the break that is coming; back to 0 once a break is over. */
  postponesUsed: number;
  /** The idle spell already counted as a natural break, so one spell counts once. */
  idleSpell: { since: number; covered: BreakKind } | null;
  /** When the last break shown on screen ended: idle during a break is the break, not a second one. */
  lastBreakEndedAt: number | null;
}

export interface PlannedBreak {
  kind: BreakKind;
  dueAt: number;
}

export function freshPlan(now: number, settings: Settings): Plan {
  const timer = (enabled: boolean, every: number) =>
    enabled ? { since: now, dueAt: now + every } : null;
  return {
    micro: timer(settings.microBreak.enabled, settings.microBreak.everyMs),
    long: timer(settings.longBreak.enabled, settings.longBreak.everyMs),
    postponesUsed: 0,
    idleSpell: null,
    lastBreakEndedAt: null,
  };
}

/**
 * The next break to ask for. A long break due before a micro break, or within half a
 * micro interval after it, replaces that micro break: two breaks minutes apart would
 * only interrupt twice.
 */
export function nextBreak(plan: Plan, settings: Settings): PlannedBreak | null {
  const { micro, long } = plan;
  if (micro && long) {
    if (long.dueAt <= micro.dueAt) return { kind: 'long', dueAt: long.dueAt };
    if (long.dueAt - micro.dueAt <= settings.microBreak.everyMs / 2) {
      return { kind: 'long', dueAt: micro.dueAt };
    }
    return { kind: 'micro', dueAt: micro.dueAt };
  }
  if (micro) return { kind: 'micro', dueAt: micro.dueAt };
  if (long) return { kind: 'long', dueAt: long.dueAt };
  return null;
}

export function durationOf(kind: BreakKind, settings: Settings): number {
  return kind === 'micro' ? settings.microBreak.durationMs : settings.longBreak.durationMs;
}

/** A break of `kind` was had at `now` (taken, skipped or natural): its timers restart. A long break covers the micro one. */
export function restartAfterBreak(
  plan: Plan,
  kind: BreakKind,
  now: number,
  settings: Settings,
): Plan {
  const restart = (timer: BreakTimer | null, every: number) =>
    timer ? { since: now, dueAt: now + every } : null;
  return {
    ...plan,
    micro: restart(plan.micro, settings.microBreak.everyMs),
    long: kind === 'long' ? restart(plan.long, settings.longBreak.everyMs) : plan.long,
    postponesUsed: 0,
  };
}

/** Postponing pushes every break to at least `until`, so a long break cannot slip in at once instead. */
export function postponeUntil(plan: Plan, until: number): Plan {
  const push = (timer: BreakTimer | null) =>
    timer ? { ...timer, dueAt: Math.max(timer.dueAt, until) } : null;
  return {
    ...plan,
    micro: push(plan.micro),
    long: push(plan.long),
    postponesUsed: plan.postponesUsed + 1,
  };
}

/** New intervals apply from each kind's last break; a postponed break keeps its later time. */
export function replan(plan: Plan, now: number, settings: Settings): Plan {
  const adjust = (timer: BreakTimer | null, enabled: boolean, every: number) => {
    if (!enabled) return null;
    if (!timer) return { since: now, dueAt: now + every };
    const dueAt = timer.since + every;
    return {
      since: timer.since,
      dueAt: plan.postponesUsed > 0 ? Math.max(dueAt, timer.dueAt) : dueAt,
    };
  };
  return {
    ...plan,
    micro: adjust(plan.micro, settings.microBreak.enabled, settings.microBreak.everyMs),
    long: adjust(plan.long, settings.longBreak.enabled, settings.longBreak.everyMs),
  };
}

/** Time left on each timer, to freeze a plan while paused. */
export interface FrozenPlan {
  microLeft: number | null;
  longLeft: number | null;
  postponesUsed: number;
}

export function freezePlan(plan: Plan, now: number): FrozenPlan {
  return {
    microLeft: plan.micro ? Math.max(0, plan.micro.dueAt - now) : null,
    longLeft: plan.long ? Math.max(0, plan.long.dueAt - now) : null,
    postponesUsed: plan.postponesUsed,
  };
}

export function thawPlan(frozen: FrozenPlan, now: number, settings: Settings): Plan {
  const thaw = (left: number | null, enabled: boolean, every: number) => {
    if (!enabled) return null;
    const remaining = left ?? every;
    return { since: now + remaining - every, dueAt: now + remaining };
  };
  return {
    micro: thaw(frozen.microLeft, settings.microBreak.enabled, settings.microBreak.everyMs),
    long: thaw(frozen.longLeft, settings.longBreak.enabled, settings.longBreak.everyMs),
    postponesUsed: frozen.postponesUsed,
    idleSpell: null,
    lastBreakEndedAt: null,
  };
}

/**
 * Which break an idle spell of `idleMs` covers: the long one covers the micro one too.
 * A spell counts when it lasts at least the break's duration.
 */
export function breakCoveredByIdle(idleMs: number, settings: Settings): BreakKind | null {
  if (settings.longBreak.enabled && idleMs >= settings.longBreak.durationMs) return 'long';
  if (settings.microBreak.enabled && idleMs >= settings.microBreak.durationMs) return 'micro';
  return null;
}

/**
 * When to ask about idle next: a spell of `idleMs` needs `n - idleMs` more to reach the
 * next break's duration `n`, and cannot get there sooner. Past every threshold the user
 * is away; sampling at the shortest duration notices their return in time.
 */
export function nextIdleSampleIn(idleMs: number, settings: Settings): number | null {
  const thresholds = [
    settings.microBreak.enabled ? settings.microBreak.durationMs : null,
    settings.longBreak.enabled ? settings.longBreak.durationMs : null,
  ]
    .filter((n): n is number => n !== null && n > 0)
    .sort((a, b) => a - b);
  const first = thresholds[0];
  if (first === undefined) return null;
  const next = thresholds.find((n) => n > idleMs);
  return next === undefined ? first : next - idleMs;
}
