import type { Clock, TimerHandle } from '../core/time/clock';

/** setTimeout takes at most 2^31-1 ms (about 24.8 days); longer waits are chained. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * The machine's clocks for the hosts: `Date.now()` for the wall clock and
 * `performance.now()` for monotonic time (it stops during sleep on macOS and Linux and
 * runs on under Windows; the service copes with both).
 */
export function createSystemClock(): Clock {
  let nextId = 1;
  const timeouts = new Map<number, ReturnType<typeof setTimeout>>();
  const clock: Clock = {
    now: () => Date.now(),
    monotonic: () => performance.now(),
    setTimer(atMonotonic, fn): TimerHandle {
      const handle = { id: nextId++ };
      const wait = () => {
        const delay = atMonotonic - performance.now();
        if (delay <= 0) {
          timeouts.delete(handle.id);
          fn();
          return;
        }
        timeouts.set(handle.id, setTimeout(wait, Math.min(delay, LONGEST_TIMEOUT_MS)));
      };
      timeouts.set(
        handle.id,
        setTimeout(
          wait,
          Math.max(0, Math.min(atMonotonic - performance.now(), LONGEST_TIMEOUT_MS)),
        ),
      );
      return handle;
    },
    cancel(handle) {
      const timeout = timeouts.get(handle.id);
      if (timeout !== undefined) clearTimeout(timeout);
      timeouts.delete(handle.id);
    },
  };
  return clock;
}
