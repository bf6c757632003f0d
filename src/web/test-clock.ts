import type { Clock, TimerHandle } from '../core/time/clock';

/**
 * `--test-clock`: the machine's clock, which the parent process (a test) can move
 * forward over the IPC channel with `{ advance: ms }`; it answers `{ advanced: ms }`.
 * Lets an end-to-end test see a heat or ice session end without waiting a real minute.
 * Only the web host started by a test with an IPC channel has it: no page or port can
 * reach it, and the Electron host never does.
 */
export interface AdjustableClock extends Clock {
  advance(ms: number): void;
}

export function createAdjustableClock(): AdjustableClock {
  let offset = 0;
  let nextId = 1;
  const armed = new Map<number, { at: number; fn: () => void; timeout: NodeJS.Timeout }>();
  const monotonic = () => performance.now() + offset;
  const arm = (id: number, at: number, fn: () => void) => {
    const timeout = setTimeout(
      () => {
        armed.delete(id);
        fn();
      },
      Math.max(0, Math.min(at - monotonic(), 2 ** 31 - 1)),
    );
    armed.set(id, { at, fn, timeout });
  };
  return {
    now: () => Date.now() + offset,
    monotonic,
    setTimer(atMonotonic, fn): TimerHandle {
      const handle = { id: nextId++ };
      arm(handle.id, atMonotonic, fn);
      return handle;
    },
    cancel(handle) {
      const timer = armed.get(handle.id);
      if (timer) clearTimeout(timer.timeout);
      armed.delete(handle.id);
    },
    advance(ms) {
      offset += ms;
      // Timers now due run at once (in their order); the rest wait the shorter time left.
      for (const [id, timer] of [...armed].sort((a, b) => a[1].at - b[1].at)) {
        clearTimeout(timer.timeout);
        arm(id, timer.at, timer.fn);
      }
    },
  };
}

/** Answers `{ advance: ms }` from the parent process by moving `clock` forward. */
export function answerClockRequests(clock: AdjustableClock): boolean {
  const send = process.send?.bind(process);
  if (!send) return false;
  process.on('message', (message) => {
    const ms = (message as { advance?: unknown } | null)?.advance;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return;
    clock.advance(ms);
    send({ advanced: ms });
  });
  return true;
}
