import type { TimerService } from '../core/breaks/api';
import { FOCUS_SIGNALS, type FocusSignal, type Reading } from '../core/focus/signals';
import type { DeferralSettings } from '../core/settings/settings';
import type { Clock, TimerHandle } from '../core/time/clock';
import { type SharedClock, setTimerWithin } from './shared-clock';

/** How often the detectors are read while a prompt is announced or held. */
export const FOCUS_POLL_MS = 15_000;
/**
 * In the minute before the warning a reading may wait this long for a wake the app has
 * anyway (the timer service samples idle every 30 s then); the warning reads at once.
 */
export const FOCUS_POLL_BEFORE_WARNING_MS = 30_000;

export type FocusReadings = Partial<Record<FocusSignal, Reading>>;

/** What the UI shows: which signals this machine could read the last time it looked. */
export type FocusSupport = Record<FocusSignal, 'readable' | 'unreadable' | 'unchecked'>;

export interface FocusProviderDeps {
  timer: Pick<TimerService, 'onFocusWanted' | 'onEvent' | 'signal' | 'status'>;
  /** The effective deferral settings, read fresh for each look. */
  deferral: () => DeferralSettings;
  read: (deferral: DeferralSettings) => Promise<FocusReadings>;
  /** The clock the readings are timed on: the host's shared one, so they share its wakes. */
  clock: Clock | SharedClock;
  onSupport?: (support: FocusSupport) => void;
}

/**
 * The focus-signal provider: reads the detectors while the timer service wants them (a
 * minute before a prompt, through its warning or hold), every 15 s once the prompt is
 * announced or held and every 15 to 30 s before (whenever the app wakes anyway), and
 * at start-up once, to learn what this machine can read; reports each signal's changes
 * on or off. A signal it cannot read counts as off: a break is never held on a guess.
 */
export function startFocusProvider(deps: FocusProviderDeps): {
  stop(): void;
  look(): Promise<void>;
} {
  const { clock } = deps;
  const told = new Map<FocusSignal, boolean>();
  const support = Object.fromEntries(
    FOCUS_SIGNALS.map((signal) => [signal, 'unchecked']),
  ) as FocusSupport;
  let looking: Promise<void> | null = null;
  let polling = false;
  let nextPoll: TimerHandle | null = null;
  let stopped = false;

  const look = async () => {
    const readings = await deps.read(deps.deferral());
    if (stopped) return;
    let supportChanged = false;
    for (const signal of FOCUS_SIGNALS) {
      const reading = readings[signal];
      if (reading !== undefined) {
        const readable = reading === 'unknown' ? 'unreadable' : 'readable';
        supportChanged ||= support[signal] !== readable;
        support[signal] = readable;
      }
      // Turned off in the settings, or unreadable: off, as far as breaks are concerned.
      const on = reading === 'on';
      if ((told.get(signal) ?? false) !== on) {
        told.set(signal, on);
        deps.timer.signal({ type: 'focus', signal, on });
      }
    }
    if (supportChanged) deps.onSupport?.({ ...support });
  };

  // One look at a time: a slow tool (tasklist, PowerShell) never piles up.
  const lookOnce = () => {
    looking ??= look()
      .catch(() => {})
      .finally(() => {
        looking = null;
      });
    return looking;
  };

  /** Once a prompt is announced or held, every 15 s; before, whenever the app wakes in 15 to 30 s. */
  let lastPoll = clock.monotonic();
  const schedulePoll = () => {
    if (nextPoll) clock.cancel(nextPoll);
    const status = deps.timer.status();
    const announced = status.state === 'warning' || (status.deferredUntil ?? null) !== null;
    const earliest = Math.max(clock.monotonic(), lastPoll + FOCUS_POLL_MS);
    const latest = lastPoll + (announced ? FOCUS_POLL_MS : FOCUS_POLL_BEFORE_WARNING_MS);
    nextPoll = setTimerWithin(clock, earliest, Math.max(earliest, latest), () => {
      nextPoll = null;
      lastPoll = clock.monotonic();
      void lookOnce();
      schedulePoll();
    });
  };

  const stopPolling = () => {
    polling = false;
    if (nextPoll) clock.cancel(nextPoll);
    nextPoll = null;
  };

  const setWanted = (wanted: boolean) => {
    if (stopped) return;
    if (wanted && !polling) {
      polling = true;
      lastPoll = clock.monotonic();
      void lookOnce();
      schedulePoll();
    } else if (!wanted && polling) stopPolling();
  };

  const unsubscribe = deps.timer.onFocusWanted(setWanted);
  // The warning (or a hold) begins: read now, in the service's own wake, and from now on
  // every 15 s, waiting for nothing.
  const unsubscribeEvents = deps.timer.onEvent((event) => {
    if (polling && (event.type === 'break-warning' || event.type === 'break-deferred')) {
      lastPoll = clock.monotonic();
      void lookOnce();
      schedulePoll();
    }
  });
  if (deps.timer.status().wantsFocusSignals) setWanted(true);
  else void lookOnce();

  return {
    stop() {
      stopped = true;
      unsubscribe();
      unsubscribeEvents();
      stopPolling();
    },
    look: lookOnce,
  };
}
