import type { TimerService } from '../core/breaks/api';
import { FOCUS_SIGNALS, type FocusSignal, type Reading } from '../core/focus/signals';
import type { DeferralSettings } from '../core/settings/settings';

/** How often the detectors are read while the timer service wants them. */
export const FOCUS_POLL_MS = 15_000;

export type FocusReadings = Partial<Record<FocusSignal, Reading>>;

/** What the UI shows: which signals this machine could read the last time it looked. */
export type FocusSupport = Record<FocusSignal, 'readable' | 'unreadable' | 'unchecked'>;

export interface FocusProviderDeps {
  timer: Pick<TimerService, 'onFocusWanted' | 'signal' | 'status'>;
  /** The effective deferral settings, read fresh for each look. */
  deferral: () => DeferralSettings;
  read: (deferral: DeferralSettings) => Promise<FocusReadings>;
  /** Runs `fn` every `ms` until the returned function is called (setInterval by default). */
  every?: (ms: number, fn: () => void) => () => void;
  onSupport?: (support: FocusSupport) => void;
}

const intervalEvery = (ms: number, fn: () => void) => {
  const handle = setInterval(fn, ms);
  return () => clearInterval(handle);
};

/**
 * The focus-signal provider: reads the detectors every 15 s while the timer service
 * wants them (a minute before a prompt, through its warning or hold) and at start-up
 * once, to learn what this machine can read; reports each signal's changes on or off.
 * A signal it cannot read counts as off: a break is never held on a guess.
 */
export function startFocusProvider(deps: FocusProviderDeps): {
  stop(): void;
  look(): Promise<void>;
} {
  const every = deps.every ?? intervalEvery;
  const told = new Map<FocusSignal, boolean>();
  const support = Object.fromEntries(
    FOCUS_SIGNALS.map((signal) => [signal, 'unchecked']),
  ) as FocusSupport;
  let looking: Promise<void> | null = null;
  let stopPolling: (() => void) | null = null;
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

  const setWanted = (wanted: boolean) => {
    if (stopped) return;
    if (wanted && !stopPolling) {
      void lookOnce();
      stopPolling = every(FOCUS_POLL_MS, () => void lookOnce());
    } else if (!wanted && stopPolling) {
      stopPolling();
      stopPolling = null;
    }
  };

  const unsubscribe = deps.timer.onFocusWanted(setWanted);
  if (deps.timer.status().wantsFocusSignals) setWanted(true);
  else void lookOnce();

  return {
    stop() {
      stopped = true;
      unsubscribe();
      stopPolling?.();
      stopPolling = null;
    },
    look: lookOnce,
  };
}
