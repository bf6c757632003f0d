import type { FocusSignal } from '../focus/signals';
import type { Settings } from '../settings/settings';
import type { TherapyKind, TherapyRequest } from '../therapy/session';

export type { FocusSignal, TherapyKind, TherapyRequest };

/**
 * What the hosts (app, simulate) see of the timer service. The implementation lives
 * beside this file; the app layer and the contract depend only on these types.
 */
export type BreakKind = 'micro' | 'long';

export type TimerState =
  | 'running'
  | 'warning'
  | 'in-break'
  | 'postponed'
  | 'paused'
  | 'outside-work-hours';

export interface TimerStatus {
  state: TimerState;
  /** The next break the user will be asked to take; wall-clock epoch ms. */
  nextBreak: { kind: BreakKind; dueAt: number } | null;
  /** The break on screen now. */
  currentBreak: { kind: BreakKind; startedAt: number; endsAt: number } | null;
  /** When a timed pause ends; null when not paused or paused indefinitely. */
  pausedUntil: number | null;
  postponesLeft: number;
  skipsLeftToday: number | null;
  strictMode: boolean;
  /** A due break held back by a focus signal shows by this wall time at the latest (gently). */
  deferredUntil?: number | null;
  /** The host should read focus signals now: a prompt is due soon, announced or held. */
  wantsFocusSignals?: boolean;
  /** The heat or ice session running now; ends at `endsAt` (wall-clock epoch ms). */
  therapy?: { kind: TherapyKind; minutes: number; endsAt: number } | null;
}

export type PauseRequest =
  | { for: number } // milliseconds
  | { until: number } // wall-clock epoch ms
  | { untilTomorrow: true }
  | { indefinitely: true };

/** Signals the host pushes in. Lock and suspend count as idle. */
export type ActivitySignal =
  | { type: 'suspend' }
  | { type: 'resume' }
  | { type: 'lock' }
  | { type: 'unlock' }
  /** The same as `{ type: 'focus', signal: 'doNotDisturb' }`. */
  | { type: 'do-not-disturb'; on: boolean }
  /** A focus signal (a call, a presentation, do-not-disturb) came on or went off. */
  | { type: 'focus'; signal: FocusSignal; on: boolean }
  /** The host learned the system time changed; the service checks wall against monotonic at once. */
  | { type: 'time-changed' };

export type ActionResult = { ok: true } | { ok: false; reason: string };

/** Events of the simulate contract (DESIGN.md), emitted as they happen. */
export interface TimelineEvent {
  type: string;
  /** Wall-clock epoch ms when it happened. */
  at: number;
  kind?: string;
  [field: string]: unknown;
}

export interface TimerService {
  status(): TimerStatus;
  takeBreak(): ActionResult;
  postponeBreak(): ActionResult;
  skipBreak(): ActionResult;
  pause(request: PauseRequest): ActionResult;
  resume(): ActionResult;
  signal(signal: ActivitySignal): void;
  updateSettings(settings: Settings): void;
  /** Start a heat or ice session; refused over the cap or too soon after the last one. */
  startTherapy(request: TherapyRequest): ActionResult;
  stopTherapy(): ActionResult;
  /**
   * Run on a session that was running when the app last closed, to its original end
   * (wall-clock epoch ms): the same session, so no rest is asked for; never longer from
   * now than its length, refused once its end has passed. Emits `therapy-resumed`.
   */
  resumeTherapy(session: { kind: TherapyKind; minutes: number; endsAt: number }): ActionResult;
  /** Subscribe to timeline events; returns the unsubscribe function. */
  onEvent(listener: (event: TimelineEvent) => void): () => void;
  /**
   * Told when the service starts or stops wanting focus signals (`wantsFocusSignals`),
   * so the host reads its detectors only around a prompt; returns the unsubscribe function.
   */
  onFocusWanted(listener: (wanted: boolean) => void): () => void;
  dispose(): void;
}

/** The host answers how long the user has been idle, in seconds, when the core asks. */
export type IdleProbe = () => number;
