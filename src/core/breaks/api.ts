import type { Settings } from '../settings/settings';

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
  | { type: 'do-not-disturb'; on: boolean };

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
  /** Subscribe to timeline events; returns the unsubscribe function. */
  onEvent(listener: (event: TimelineEvent) => void): () => void;
  dispose(): void;
}

/** The host answers how long the user has been idle, in seconds, when the core asks. */
export type IdleProbe = () => number;
