import type { FocusSignal } from '../focus/signals';
import type { Settings } from '../settings/settings';
import { MINUTE } from '../time/duration';
import { FOCUS_LEAD_MS, maxHoldMs } from './engine';

/**
 * The sit-stand rhythm, a third kind of reminder for sit-stand desks: each 30 minutes
 * sit 20, stand 8, move 2 (Cornell, Hedge; docs/sources.md "Breaks"), as `sitStand` sets it.
 * Prompts follow the breaks' rules: none while paused, away or outside work hours
 * (the rhythm starts again from sitting after those); none over a break being
 * announced or on screen (the change comes when it ends); and one due during a call
 * waits for it to end, at most `deferral.maxMinutes`. Times are on the elapsed clock.
 */
export type Posture = 'sit' | 'stand' | 'move';

export interface PostureRhythm {
  posture: Posture;
  /** When the next change falls due. */
  dueAt: number;
  /** When the due change began waiting for a focus signal to end; null when it is not waiting. */
  heldSince: number | null;
}

export interface PostureChange {
  type: 'posture-change';
  to: Posture;
  /** How long the new posture lasts. */
  lastsMs: number;
  /** How long a focus signal held the prompt; null when it did not. */
  heldMs: number | null;
}

export interface PostureContext {
  settings: Settings;
  /** Within work hours, not paused, not locked or asleep. */
  active: boolean;
  /** A break is being announced or is on screen. */
  breakInProgress: boolean;
  focus: FocusSignal | null;
}

function lengthOf(posture: Posture, settings: Settings): number {
  const { sitMinutes, standMinutes, moveMinutes } = settings.sitStand;
  const minutes = posture === 'sit' ? sitMinutes : posture === 'stand' ? standMinutes : moveMinutes;
  return minutes * MINUTE;
}

/** Sit, stand, move, sit again; without moving minutes, stand and sit alternate. */
export function nextPosture(posture: Posture, settings: Settings): Posture {
  if (posture === 'sit') return 'stand';
  if (posture === 'stand' && settings.sitStand.moveMinutes > 0) return 'move';
  return 'sit';
}

/** One look at the rhythm at `now`: it starts, waits, or changes posture. */
export function postureStep(
  rhythm: PostureRhythm | null,
  now: number,
  context: PostureContext,
): { rhythm: PostureRhythm | null; change: PostureChange | null } {
  const { settings } = context;
  if (!settings.sitStand.enabled || !context.active) return { rhythm: null, change: null };
  if (!rhythm) {
    // A work stretch begins seated; the first prompt is to stand.
    return {
      rhythm: { posture: 'sit', dueAt: now + lengthOf('sit', settings), heldSince: null },
      change: null,
    };
  }
  if (now < rhythm.dueAt || context.breakInProgress) return { rhythm, change: null };
  const maxMs = maxHoldMs(settings);
  if (context.focus !== null && maxMs > 0) {
    const heldSince = rhythm.heldSince ?? now;
    if (now - heldSince < maxMs) return { rhythm: { ...rhythm, heldSince }, change: null };
  }
  const to = nextPosture(rhythm.posture, settings);
  const lastsMs = lengthOf(to, settings);
  return {
    rhythm: { posture: to, dueAt: now + lastsMs, heldSince: null },
    change: {
      type: 'posture-change',
      to,
      lastsMs,
      heldMs: rhythm.heldSince === null ? null : now - rhythm.heldSince,
    },
  };
}

/** When the rhythm next needs a look; null when only something else can move it on. */
export function postureDeadline(
  rhythm: PostureRhythm | null,
  now: number,
  context: PostureContext,
): number | null {
  if (!rhythm) return null;
  if (now < rhythm.dueAt) return rhythm.dueAt;
  // Waiting for a break to end: its end is a wake of its own.
  if (context.breakInProgress) return null;
  if (rhythm.heldSince !== null) return rhythm.heldSince + maxHoldMs(context.settings);
  return rhythm.dueAt;
}

/** From when the rhythm wants focus signals read: a minute before its next change. */
export function postureFocusWatchFrom(rhythm: PostureRhythm | null): number | null {
  return rhythm ? rhythm.dueAt - FOCUS_LEAD_MS : null;
}
