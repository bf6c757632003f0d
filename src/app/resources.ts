import type { Clock, TimerHandle } from '../core/time/clock';

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
export function countArmedTimers(clock: Clock): { clock: Clock; armed(): number } {
  const armed = new Set<object>();
  const tokens = new Map<number, object>();
  return {
    armed: () => armed.size,
    clock: {
      now: () => clock.now(),
      monotonic: () => clock.monotonic(),
      setTimer(atMonotonic, fn): TimerHandle {
        const token = {};
        let handle: TimerHandle | undefined;
        let fired = false;
        armed.add(token);
        handle = clock.setTimer(atMonotonic, () => {
          fired = true;
          armed.delete(token);
          if (handle) tokens.delete(handle.id);
          fn();
        });
        if (!fired) tokens.set(handle.id, token);
        return handle;
      },
      cancel(handle) {
        const token = tokens.get(handle.id);
        if (token) armed.delete(token);
        tokens.delete(handle.id);
        clock.cancel(handle);
      },
    },
  };
}
