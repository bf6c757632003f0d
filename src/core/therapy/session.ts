import type { Settings } from '../settings/settings';
import { formatDuration } from '../time/duration';
import { THERAPY_MAX_MINUTES, THERAPY_MIN_MINUTES, THERAPY_MIN_REST_MINUTES } from './limits';

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
  /** How long the last session of each kind lasted, in minutes: its rest is at least that. */
  lastMinutes?: Partial<Record<TherapyKind, number>>;
}

export interface TherapyRequest {
  kind: TherapyKind;
  /** Defaults to `therapy.defaultMinutes`. */
  minutes?: number;
}

export const NO_THERAPY: TherapyState = { active: null, lastEndedAt: {} };

/** Why a session was refused, for callers that answer in their own words. */
export type TherapyRefusal = 'running' | 'too-short' | 'not-whole' | 'over-cap' | 'resting';

export type TherapyStart =
  | { ok: true; state: TherapyState; session: TherapySession }
  | {
      ok: false;
      minutes: number;
      code: TherapyRefusal;
      /** What the words of `code` need (locales `refusals.therapy-<code>`). */
      params: Record<string, string | number>;
    };

/**
 * The rest owed after a session of `endedMinutes` (unknown: the longest allowed): the
 * setting, but never under THERAPY_MIN_REST_MINUTES nor under the session's own length.
 */
export function therapyRestMs(
  limits: Settings['therapy'],
  endedMinutes: number = THERAPY_MAX_MINUTES,
): number {
  return Math.max(limits.restBetweenMs, THERAPY_MIN_REST_MINUTES * 60_000, endedMinutes * 60_000);
}

export function therapyCapMinutes(limits: Settings['therapy']): number {
  return Math.min(limits.capMinutes, THERAPY_MAX_MINUTES);
}

/**
 * Whether `minutes` is a session length the cap allows: a whole number from 1 to `cap`.
 * Every door that takes a length (core, app, CLI) asks this one function.
 */
export function therapyLengthRefusal(minutes: number, cap: number): TherapyRefusal | null {
  if (!Number.isFinite(minutes) || minutes < THERAPY_MIN_MINUTES) return 'too-short';
  if (!Number.isInteger(minutes)) return 'not-whole';
  if (minutes > cap) return 'over-cap';
  return null;
}

/**
 * Why a session of `minutes` cannot start now, whatever it is (a new one or one run on
 * after a restart): another is running, or the length is not allowed under `cap`.
 */
function commonRefusal(state: TherapyState, minutes: number, cap: number): TherapyRefusal | null {
  if (state.active) return 'running';
  return therapyLengthRefusal(minutes, cap);
}

const refusal = (
  minutes: number,
  code: TherapyRefusal,
  params: Record<string, string | number> = {},
): TherapyStart => ({ ok: false, minutes, code, params: { minutes, ...params } });

export function startTherapy(
  state: TherapyState,
  request: TherapyRequest,
  now: number,
  limits: Settings['therapy'],
): TherapyStart {
  const cap = therapyCapMinutes(limits);
  const minutes = request.minutes ?? Math.min(limits.defaultMinutes, cap);
  const refuse = (code: TherapyRefusal, params?: Record<string, string | number>) =>
    refusal(minutes, code, { kind: request.kind, cap, ...params });
  const common = commonRefusal(state, minutes, cap);
  if (common) return refuse(common);
  const lastEnded = state.lastEndedAt[request.kind];
  const rest = therapyRestMs(limits, state.lastMinutes?.[request.kind]);
  if (lastEnded !== undefined && now - lastEnded < rest) {
    // Only once the skin looks and feels normal again, too: the words say so.
    const waitMinutes = Math.ceil((lastEnded + rest - now) / 60_000);
    const wait = formatDuration(waitMinutes * 60_000);
    return refuse('resting', { wait, waitMinutes });
  }
  const session = { kind: request.kind, minutes, startedAt: now, endsAt: now + minutes * 60_000 };
  return { ok: true, state: { ...state, active: session }, session };
}

/** A session that was running when the app last closed, to run on to its end. */
export interface ResumedTherapy {
  kind: TherapyKind;
  minutes: number;
  /** How long is left of it now, in ms. */
  remainingMs: number;
}

/**
 * Runs on a session an earlier run of the app started (core/therapy/restart.ts): not a
 * new start, so no rest is asked for, but never past the hard cap and never longer
 * from now than the session's whole length.
 */
export function resumeTherapy(
  state: TherapyState,
  resumed: ResumedTherapy,
  now: number,
): TherapyStart {
  const { kind, minutes } = resumed;
  const refuse = (code: TherapyRefusal) =>
    refusal(minutes, code, { kind, cap: THERAPY_MAX_MINUTES });
  const common = commonRefusal(state, minutes, THERAPY_MAX_MINUTES);
  if (common) return refuse(common);
  // That session has already ended.
  if (!(resumed.remainingMs > 0)) return refuse('too-short');
  const remainingMs = Math.min(resumed.remainingMs, minutes * 60_000);
  const endsAt = now + remainingMs;
  const session = { kind, minutes, startedAt: endsAt - minutes * 60_000, endsAt };
  return { ok: true, state: { ...state, active: session }, session };
}

/** Ends the running session at `now` (stopped early or completed). */
export function endTherapy(state: TherapyState, now: number): TherapyState {
  if (!state.active) return state;
  const { kind, minutes } = state.active;
  return {
    active: null,
    lastEndedAt: { ...state.lastEndedAt, [kind]: now },
    lastMinutes: { ...state.lastMinutes, [kind]: minutes },
  };
}
