import type { Clock, TimerHandle } from '../core/time/clock';

/**
 * A clock whose timers can also wait for a wake that happens anyway: `setTimerWithin`
 * runs `fn` no sooner than `earliest` and no later than `latest` (monotonic ms), at the
 * first wake of the process in between, so work that can wait a little does not wake
 * the machine on its own.
 */
export interface SharedClock extends Clock {
  setTimerWithin(earliest: number, latest: number, fn: () => void): TimerHandle;
}

interface Entry {
  earliest: number;
  latest: number;
  seq: number;
  fn: () => void;
}

/**
 * Every timer of the process on one timer of `clock`, armed for the earliest deadline:
 * when it fires, everything due by then runs in that same wake (the timer service's
 * deadline, the tray's minute, a focus reading that can wait for it). Two timers due
 * at the same moment are one wakeup, as the bench counts them (bench/app.ts).
 */
export function shareOneTimer(clock: Clock): SharedClock {
  const entries = new Map<number, Entry>();
  let nextId = 1;
  let armed: { handle: TimerHandle; at: number } | null = null;

  const rearm = () => {
    let at = Number.POSITIVE_INFINITY;
    for (const entry of entries.values()) at = Math.min(at, entry.latest);
    if (armed && armed.at === at) return;
    if (armed) clock.cancel(armed.handle);
    armed = null;
    if (at === Number.POSITIVE_INFINITY) return;
    const next = { at, handle: { id: 0 } };
    armed = next;
    const handle = clock.setTimer(at, () => {
      if (armed !== next) return;
      armed = null;
      wake();
    });
    // A clock may run a timer that is already due inside setTimer.
    if (armed === next) next.handle = handle;
  };

  const wake = () => {
    // Whatever falls due while these run (a timer armed for now) runs in this wake too.
    for (;;) {
      const now = clock.monotonic();
      const due = [...entries]
        .filter(([, entry]) => entry.earliest <= now)
        .sort(([, a], [, b]) => a.seq - b.seq);
      if (due.length === 0) break;
      for (const [id, entry] of due) {
        // An earlier callback may have cancelled it.
        if (!entries.delete(id)) continue;
        entry.fn();
      }
    }
    rearm();
  };

  const add = (earliest: number, latest: number, fn: () => void): TimerHandle => {
    const id = nextId++;
    entries.set(id, { earliest, latest: Math.max(earliest, latest), seq: id, fn });
    rearm();
    return { id };
  };

  return {
    now: () => clock.now(),
    monotonic: () => clock.monotonic(),
    setTimer: (at, fn) => add(at, at, fn),
    setTimerWithin: add,
    cancel(handle) {
      if (entries.delete(handle.id)) rearm();
    },
  };
}

/** `setTimerWithin` where the clock offers it; otherwise a plain timer at `earliest`. */
export function setTimerWithin(
  clock: Clock | SharedClock,
  earliest: number,
  latest: number,
  fn: () => void,
): TimerHandle {
  return 'setTimerWithin' in clock
    ? clock.setTimerWithin(earliest, latest, fn)
    : clock.setTimer(earliest, fn);
}
