import { MINUTE } from '../time/duration';
import type { WallSession } from './flow';
import { THERAPY_MAX_MINUTES } from './limits';
import type { TherapyKind } from './session';

/**
 * A heat or ice session as the app keeps it on disk while it runs, so that it outlives
 * the app: a quit, a crash, a kill -9. Wall-clock times (epoch ms), because the elapsed
 * clock the timer service runs on starts afresh with every process.
 */
export interface SavedTherapySession {
  kind: TherapyKind;
  minutes: number;
  startedAt: number;
  endsAt: number;
  /** When the running app noticed the end and told the person; absent while it runs. */
  endNoticedAt?: number;
}

/**
 * A saved start this far ahead of the clock is still taken as "just now": NTP nudges
 * clocks by a second or two, and the app may reopen at once.
 */
export const SAVED_START_TOLERANCE_MS = 5_000;

/** What to do with a saved session when the app opens again at `now`. */
export type SessionAfterRestart = (
  | /** Its end is still ahead: run it on to that end, never further. */
  { name: 'resume'; session: WallSession }
  | {
      /** Its end has passed: the person must be told to take the pack off. */
      name: 'ended';
      session: WallSession;
      endedAt: number;
      lateBy: number;
      /** The end passed while the app was closed, so nobody has been told yet. */
      whileClosed: boolean;
    }
) & {
  /** Why the saved times were not taken as they stood, for the log; null when they were. */
  adjusted: string | null;
  /**
   * The cap in force now (an organisation's, lower than the session's length) cut the
   * session to this many minutes: the person is told plainly.
   */
  cappedTo: number | null;
};

/**
 * Decides what a session saved by an earlier run of the app means now.
 *
 * - Never longer than the cap from its start: a length over the cap in force now (an
 *   organisation's lower one, or THERAPY_MAX_MINUTES), or an
 *   end further than the length after the start, is cut back (clamped, not discarded:
 *   the file still says a pack went on at `startedAt`, which is what the person must
 *   hear about).
 * - A start in the future means the wall clock was set back while the app was closed
 *   (or the file is not ours): how long the pack has been on cannot be known, so the
 *   session is taken as ended now and the person is asked to take the pack off.
 * - Otherwise the end decides: ahead, resume to it; passed, ended at it.
 *
 * The wall clock is all there is across a restart: a clock set forward while the app
 * was closed ends a session early (the safe side); one set back by less than the time
 * that passed lets it run that much longer. Best effort, and said so in docs/therapy.md.
 */
export function sessionAfterRestart(
  saved: SavedTherapySession,
  now: number,
  capMinutes: number = THERAPY_MAX_MINUTES,
): SessionAfterRestart {
  const notes: string[] = [];
  const cap = Math.min(capMinutes, THERAPY_MAX_MINUTES);
  const minutes = Math.min(saved.minutes, cap);
  if (minutes !== saved.minutes) {
    notes.push(`${saved.minutes} minutes is over the ${cap}-minute cap`);
  }
  // Only a cap below the hard one is news to the person: over 20 is a damaged file.
  const cappedTo = minutes !== saved.minutes && saved.minutes <= THERAPY_MAX_MINUTES ? cap : null;
  const latestEnd = saved.startedAt + minutes * MINUTE;
  const endsAt = Math.min(saved.endsAt, latestEnd);
  if (saved.endsAt > latestEnd) notes.push('its end was further than its length from its start');
  const session: WallSession = { kind: saved.kind, minutes, endsAt };

  if (saved.startedAt > now + SAVED_START_TOLERANCE_MS) {
    notes.push('it started after now: the clock was set back while Unhunch was closed');
    return {
      name: 'ended',
      session,
      endedAt: Math.min(endsAt, now),
      lateBy: 0,
      whileClosed: true,
      adjusted: `${notes.join('; ')}; taken as ended now`,
      cappedTo,
    };
  }
  const adjusted = notes.length > 0 ? `${notes.join('; ')}; cut back to the cap` : null;
  if (saved.endNoticedAt !== undefined) {
    // The running app told the person already; the prompt waits for them again.
    return {
      name: 'ended',
      session,
      endedAt: Math.min(endsAt, now),
      lateBy: Math.max(0, Math.min(saved.endNoticedAt, now) - endsAt),
      whileClosed: false,
      adjusted,
      cappedTo,
    };
  }
  if (endsAt > now) return { name: 'resume', session, adjusted, cappedTo };
  return {
    name: 'ended',
    session,
    endedAt: endsAt,
    lateBy: now - endsAt,
    whileClosed: true,
    adjusted,
    cappedTo,
  };
}

/** When a session on the wall clock started: its end less its length. */
export function wallSessionStart(session: WallSession): number {
  return session.endsAt - session.minutes * MINUTE;
}
