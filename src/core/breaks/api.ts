import type { FocusSignal } from '../focus/signals';
import type { Settings } from '../settings/settings';
import type { TherapyKind, TherapyRefusal, TherapyRequest } from '../therapy/session';
import type { Posture } from './posture';

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

/**
 * Why an action was refused, as a code the hosts translate (locales/<lang>/common.json,
 * `refusals.<code>`), with the numbers the words need in `params`. No words are made here.
 */
export type RefusalCode =
  | 'break-on'
  | 'paused'
  | 'outside-work-hours'
  | 'breaks-off'
  | 'strict-postpone'
  | 'already-postponed'
  | 'nothing-to-postpone'
  | 'postpone-off'
  | 'postpone-limit'
  | 'strict-skip'
  | 'nothing-to-skip'
  | 'no-skips-left'
  | 'finish-break-first'
  | 'not-paused'
  | 'stopped'
  | 'pause-too-short'
  | 'time-passed'
  | 'no-therapy-running'
  | `therapy-${TherapyRefusal}`;

export type RefusalParams = Record<string, string | number>;

export interface Refusal {
  code: RefusalCode;
  params?: RefusalParams;
}

export type ActionResult = { ok: true } | ({ ok: false } & Refusal);

/** What made a natural break: no input at the keyboard, a locked screen, a sleeping machine. */
export type NaturalBreakSource = 'idle' | 'lock' | 'sleep';

/**
 * Events of the simulate contract (docs/simulate.md), emitted as they happen. `at` is
 * the wall-clock epoch ms when it happened; every other time is wall-clock epoch ms
 * too (`dueAt`, `endsAt`, `showBy`, `until`) and every length is in ms. The simulator
 * turns them into the seconds its JSON timeline shows.
 */
export type TimelineEvent = { at: number } & TimelineEventBody;

type TimelineEventBody =
  /** `deferred`: the focus signal that held this break just ended. */
  | { type: 'break-warning'; kind: BreakKind; dueAt: number; deferred?: true }
  /** `deferredMs`: how long a focus signal held it, when it did. */
  | { type: 'break-start'; kind: BreakKind; endsAt: number; deferredMs?: number }
  | { type: 'break-end'; kind: BreakKind; outcome: 'completed' | 'skipped' }
  | { type: 'break-deferred'; kind: BreakKind; signal: FocusSignal; showBy: number }
  | {
      type: 'break-gentle';
      kind: BreakKind;
      outcome: 'deferred';
      signal: FocusSignal;
      durationMs: number;
      deferredMs: number;
    }
  | { type: 'break-postponed'; kind: BreakKind; until: number; postponesLeft: number }
  | { type: 'natural-break'; kind: BreakKind; idleMs: number; source: NaturalBreakSource }
  | {
      type: 'posture-change';
      kind: 'posture';
      to: Posture;
      minutes: number;
      deferredMs?: number;
    }
  /** `until`: null when paused until resumed. */
  | { type: 'paused'; until: number | null }
  | { type: 'resumed' }
  | { type: 'work-hours-start' }
  | { type: 'work-hours-end' }
  | { type: 'suspend' }
  | { type: 'resume'; sleptMs: number }
  | { type: 'clock-jump'; byMs: number }
  | { type: 'routine'; id: string }
  | { type: 'therapy-start'; kind: TherapyKind; minutes: number }
  | { type: 'therapy-end'; kind: TherapyKind; minutes: number; outcome: 'completed' | 'stopped' }
  | { type: 'therapy-resumed'; kind: TherapyKind; minutes: number; endsAt: number }
  | {
      type: 'therapy-rejected';
      kind: TherapyKind;
      minutes: number;
      code: TherapyRefusal;
      params: RefusalParams;
    };

export type TimelineEventType = TimelineEvent['type'];

/** The event of one type, narrowed: `TimelineEventOf<'break-start'>`. */
export type TimelineEventOf<T extends TimelineEventType> = Extract<TimelineEvent, { type: T }>;

/** A timeline listener: `switch (event.type)` narrows each event to its own fields. */
export type TimelineListener = (event: TimelineEvent) => void;

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
  onEvent(listener: TimelineListener): () => void;
  /**
   * Told when the service starts or stops wanting focus signals (`wantsFocusSignals`),
   * so the host reads its detectors only around a prompt; returns the unsubscribe function.
   */
  onFocusWanted(listener: (wanted: boolean) => void): () => void;
  dispose(): void;
}

/** The host answers how long the user has been idle, in seconds, when the core asks. */
export type IdleProbe = () => number;
