import type { Settings } from '../settings/settings';
import { formatDuration } from '../time/duration';
import { THERAPY_MAX_MINUTES, THERAPY_MIN_MINUTES } from './limits';

/**
 * Heat and ice sessions: a default length, a hard cap (never past 20 minutes, whatever
 * the settings say) and a rest between two sessions of the same kind so the skin is
 * back to normal first (MPFT NHS; Cleveland Clinic). Times are on the service's
 * elapsed clock, so a clock change cannot shorten the rest.
 */
export type TherapyKind = 'heat' | 'ice';

export interface TherapySession {
  kind: TherapyKind;
  minutes: number;
  startedAt: number;
  endsAt: number;
}

export interface TherapyState {
  active: TherapySession | null;
  lastEndedAt: Partial<Record<TherapyKind, number>>;
}

export interface TherapyRequest {
  kind: TherapyKind;
  /** Defaults to `therapy.defaultMinutes`. */
  minutes?: number;
}

export const NO_THERAPY: TherapyState = { active: null, lastEndedAt: {} };

export type TherapyStart =
  | { ok: true; state: TherapyState; session: TherapySession }
  | { ok: false; reason: string; minutes: number };

export function therapyCapMinutes(limits: Settings['therapy']): number {
  return Math.min(limits.capMinutes, THERAPY_MAX_MINUTES);
}

export function startTherapy(
  state: TherapyState,
  request: TherapyRequest,
  now: number,
  limits: Settings['therapy'],
): TherapyStart {
  const cap = therapyCapMinutes(limits);
  const minutes = request.minutes ?? Math.min(limits.defaultMinutes, cap);
  const refuse = (reason: string): TherapyStart => ({ ok: false, reason, minutes });
  if (state.active) {
    return refuse(`a ${state.active.kind} session is already running; stop it first`);
  }
  if (!Number.isFinite(minutes) || minutes < THERAPY_MIN_MINUTES) {
    return refuse(`a session lasts at least ${THERAPY_MIN_MINUTES} minute`);
  }
  if (minutes > cap) {
    return refuse(
      `${minutes} minutes is over the ${cap}-minute limit; longer sessions can harm the skin`,
    );
  }
  const lastEnded = state.lastEndedAt[request.kind];
  if (lastEnded !== undefined && now - lastEnded < limits.restBetweenMs) {
    const wait = formatDuration(
      Math.ceil((lastEnded + limits.restBetweenMs - now) / 60_000) * 60_000,
    );
    return refuse(
      `rest ${wait} more before another ${request.kind} session, and only once the skin looks and feels normal again`,
    );
  }
  const session = { kind: request.kind, minutes, startedAt: now, endsAt: now + minutes * 60_000 };
  return { ok: true, state: { ...state, active: session }, session };
}

/** Ends the running session at `now` (stopped early or completed). */
export function endTherapy(state: TherapyState, now: number): TherapyState {
  if (!state.active) return state;
  return { active: null, lastEndedAt: { ...state.lastEndedAt, [state.active.kind]: now } };
}
