import type { Settings } from '../settings/settings';
import { THERAPY_LATE_NOTICE_MS } from './limits';
import {
  type TherapyKind,
  type TherapyRefusal,
  therapyCapMinutes,
  therapyLengthRefusal,
  therapyRestMs,
} from './session';

/**
 * A person's heat or ice session as they live it, on the wall clock they read:
 * choosing (nothing on) → running → ended, waiting until they say the pack is off →
 * resting (that kind is refused until the skin has had its rest) → choosing again.
 * A session stopped early needs no reminder to take the pack off: it goes straight
 * to resting. The safety check between choosing and running is a step of the page
 * (every start passes through it); the timer service decides when a session ends.
 *
 * Facts reach this machine as events (`started`, `ended` come from the timer
 * service's timeline); `resting` is derived from when each kind last ended, so a
 * change of `therapy.restBetween` applies at once and no timer is needed for it.
 */
export interface WallSession {
  kind: TherapyKind;
  minutes: number;
  /** Wall-clock epoch ms. */
  endsAt: number;
}

export type TherapyPhase =
  | { name: 'choosing' }
  | { name: 'running'; session: WallSession }
  | {
      name: 'ended';
      session: WallSession;
      outcome: 'completed';
      /** When the session was due to end. */
      endedAt: number;
      /** How long after that the machine noticed: time it spent asleep past the end. */
      lateBy: number;
      /** The end passed while Unhunch was closed (quit, crashed, killed): found on opening. */
      whileClosed?: true;
    };

export interface TherapyFlow {
  phase: TherapyPhase;
  /** When each kind last ended (wall ms), for the rest between sessions. */
  lastEndedAt: Partial<Record<TherapyKind, number>>;
}

export type TherapyFlowEvent =
  | { type: 'started'; session: WallSession }
  /** The running session's end moved on the wall clock (someone set the clock). */
  | { type: 'rescheduled'; endsAt: number }
  | { type: 'ended'; outcome: 'completed' | 'stopped'; at: number }
  /**
   * Unhunch opened and found a session saved by an earlier run whose end has passed
   * (core/therapy/restart.ts decides): it waits to be acknowledged like any other end.
   */
  | {
      type: 'found-ended';
      session: WallSession;
      endedAt: number;
      lateBy: number;
      whileClosed: boolean;
    }
  | { type: 'acknowledged' };

export const CHOOSING: TherapyFlow = { phase: { name: 'choosing' }, lastEndedAt: {} };

export function transition(flow: TherapyFlow, event: TherapyFlowEvent): TherapyFlow {
  const { phase } = flow;
  switch (event.type) {
    case 'started':
      return { ...flow, phase: { name: 'running', session: event.session } };
    case 'rescheduled':
      if (phase.name !== 'running') return flow;
      return {
        ...flow,
        phase: { name: 'running', session: { ...phase.session, endsAt: event.endsAt } },
      };
    case 'ended': {
      if (phase.name !== 'running') return flow;
      const { session } = phase;
      if (event.outcome === 'stopped') {
        return {
          phase: { name: 'choosing' },
          lastEndedAt: { ...flow.lastEndedAt, [session.kind]: event.at },
        };
      }
      const endedAt = Math.min(session.endsAt, event.at);
      return {
        phase: {
          name: 'ended',
          session,
          outcome: 'completed',
          endedAt,
          lateBy: Math.max(0, event.at - session.endsAt),
        },
        lastEndedAt: { ...flow.lastEndedAt, [session.kind]: endedAt },
      };
    }
    case 'found-ended': {
      // Only on opening, before anything else has happened.
      if (phase.name !== 'choosing') return flow;
      const { session, endedAt, lateBy } = event;
      const last = flow.lastEndedAt[session.kind];
      return {
        phase: {
          name: 'ended',
          session,
          outcome: 'completed',
          endedAt,
          lateBy,
          ...(event.whileClosed ? { whileClosed: true as const } : {}),
        },
        lastEndedAt: {
          ...flow.lastEndedAt,
          [session.kind]: last === undefined ? endedAt : Math.max(last, endedAt),
        },
      };
    }
    case 'acknowledged':
      return phase.name === 'ended' ? { ...flow, phase: { name: 'choosing' } } : flow;
  }
}

/** What the person sees: the phase, with resting made explicit. */
export type TherapyView =
  | { name: 'idle' }
  | { name: 'running'; kind: TherapyKind; minutes: number; startedAt: number; endsAt: number }
  | {
      name: 'ended-awaiting-ack';
      kind: TherapyKind;
      minutes: number;
      endedAt: number;
      outcome: 'completed';
      lateBy: number;
      /** From this much late on, the words say how long ago it ended (THERAPY_LATE_NOTICE_MS). */
      lateNoticeMs: number;
      whileClosed?: true;
    }
  | { name: 'resting'; kind: TherapyKind; nextPossibleAt: number };

/** When a session of `kind` may start again; null when it may now. */
export function nextPossibleAt(
  flow: TherapyFlow,
  kind: TherapyKind,
  now: number,
  limits: Settings['therapy'],
): number | null {
  const last = flow.lastEndedAt[kind];
  if (last === undefined) return null;
  // The length of that session is not kept here; the floor covers the longest allowed.
  const at = last + therapyRestMs(limits);
  return now < at ? at : null;
}

export function therapyView(
  flow: TherapyFlow,
  now: number,
  limits: Settings['therapy'],
): TherapyView {
  const { phase } = flow;
  if (phase.name === 'running') {
    const { kind, minutes, endsAt } = phase.session;
    return { name: 'running', kind, minutes, startedAt: endsAt - minutes * 60_000, endsAt };
  }
  if (phase.name === 'ended') {
    const { kind, minutes } = phase.session;
    return {
      name: 'ended-awaiting-ack',
      kind,
      minutes,
      endedAt: phase.endedAt,
      outcome: phase.outcome,
      lateBy: phase.lateBy,
      lateNoticeMs: THERAPY_LATE_NOTICE_MS,
      ...(phase.whileClosed ? { whileClosed: true as const } : {}),
    };
  }
  // The kind that ended last is the one the person is resting from.
  const resting = (['heat', 'ice'] as const)
    .map((kind) => ({ kind, at: nextPossibleAt(flow, kind, now, limits) }))
    .filter((r): r is { kind: TherapyKind; at: number } => r.at !== null)
    .sort((a, b) => b.at - a.at)[0];
  return resting
    ? { name: 'resting', kind: resting.kind, nextPossibleAt: resting.at }
    : { name: 'idle' };
}

export type TherapyStartCheck =
  | { ok: true; minutes: number }
  | {
      ok: false;
      code: TherapyRefusal | 'awaiting-ack';
      /** For `resting`: when a session of this kind may start (wall ms). */
      nextPossibleAt?: number;
    };

/**
 * May a session of `kind` for `minutes` start now? The same length rule as the timer
 * service (`therapyLengthRefusal`), and the rest measured from the person's last
 * session of that kind, which survives a restart because the history keeps it.
 */
export function checkTherapyStart(
  flow: TherapyFlow,
  request: { kind: TherapyKind; minutes: number },
  now: number,
  limits: Settings['therapy'],
): TherapyStartCheck {
  const { phase } = flow;
  if (phase.name === 'running') {
    return { ok: false, code: 'running' };
  }
  if (phase.name === 'ended') {
    return { ok: false, code: 'awaiting-ack' };
  }
  const length = therapyLengthRefusal(request.minutes, therapyCapMinutes(limits));
  if (length) return { ok: false, code: length };
  const next = nextPossibleAt(flow, request.kind, now, limits);
  if (next !== null) {
    return {
      ok: false,
      code: 'resting',
      nextPossibleAt: next,
    };
  }
  return { ok: true, minutes: request.minutes };
}
