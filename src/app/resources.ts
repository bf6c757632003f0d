import type { Clock, TimerHandle } from '../core/time/clock';
import type { SharedClock } from './shared-clock';

/**
 * What the app holds on behalf of others, for hosts' diagnostics and the hygiene test:
 * not part of the contract, so no window can read it.
 */
export interface AppResources {
  /** Listeners subscribed through `onEvent`/`onStatus` (one per open window or connection). */
  eventListeners: number;
  /** Timers armed on the app's clock and neither fired nor cancelled yet. */
  timers: number;
}

/**
 * The clock the app is given, counting the timers armed on it: every `setTimer` counts
 * until its timer fires or is cancelled. A timer that fires inside `setTimer` (a virtual
 * clock may) is never counted as armed.
 */
export function countArmedTimers(clock: Clock | SharedClock): {
  clock: Clock | SharedClock;
  armed(): number;
} {
  const armed = new Set<object>();
  const tokens = new Map<number, object>();
  const track = (arm: (fn: () => void) => TimerHandle, fn: () => void): TimerHandle => {
    const token = {};
    let handle: TimerHandle | undefined;
    let fired = false;
    armed.add(token);
    handle = arm(() => {
      fired = true;
      armed.delete(token);
      if (handle) tokens.delete(handle.id);
      fn();
    });
    if (!fired) tokens.set(handle.id, token);
    return handle;
  };
  const counted: Clock = {
    now: () => clock.now(),
    monotonic: () => clock.monotonic(),
    setTimer: (atMonotonic, fn) => track((run) => clock.setTimer(atMonotonic, run), fn),
    cancel(handle) {
      const token = tokens.get(handle.id);
      if (token) armed.delete(token);
      tokens.delete(handle.id);
      clock.cancel(handle);
    },
  };
  return {
    armed: () => armed.size,
    clock:
      'setTimerWithin' in clock
        ? {
            ...counted,
            setTimerWithin: (earliest, latest, fn) =>
              track((run) => clock.setTimerWithin(earliest, latest, run), fn),
          }
        : counted,
  };
}
