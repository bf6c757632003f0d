import type { Clock, TimerHandle } from './clock';

/**
 * A clock that moves only when told: for tests, `simulate` and the bench. It keeps
 * three times apart, as a real machine does: real time since start (never stops,
 * what a person at the desk lives through), monotonic time (stops during sleep when
 * asked to) and the wall clock (real time plus any jumps someone made).
 */
export interface SleepOptions {
  /** Whether monotonic time runs during sleep (Windows) or stops (macOS, Linux). Stops by default. */
  monotonicRuns?: boolean;
}

interface PendingTimer {
  id: number;
  at: number;
  seq: number;
  fn: () => void;
}

export class VirtualClock implements Clock {
  private real = 0;
  private mono: number;
  private wallShift = 0;
  private nextId = 1;
  private timers: PendingTimer[] = [];
  /** Timer callbacks run so far: the wakeups the bench and `simulate` count. */
  fired = 0;

  constructor(
    private readonly startWall: number,
    monotonicStart = 1_000_000,
  ) {
    this.mono = monotonicStart;
  }

  now(): number {
    return this.startWall + this.real + this.wallShift;
  }

  monotonic(): number {
    return this.mono;
  }

  /** Real time since the start, in ms. */
  elapsed(): number {
    return this.real;
  }

  setTimer(atMonotonic: number, fn: () => void): TimerHandle {
    const timer = { id: this.nextId++, at: atMonotonic, seq: this.nextId, fn };
    this.timers.push(timer);
    return { id: timer.id };
  }

  cancel(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  /** How many timers are armed; the service promises at most one. */
  armedCount(): number {
    return this.timers.length;
  }

  /** The monotonic time of the earliest armed timer, if any. */
  nextTimerAt(): number | null {
    return this.timers.reduce<number | null>(
      (min, t) => (min === null || t.at < min ? t.at : min),
      null,
    );
  }

  /** Let `ms` of awake time pass, running each timer at its moment. */
  advance(ms: number): void {
    this.advanceTo(this.real + ms);
  }

  /** Let awake time pass until `realMs` since the start. */
  advanceTo(realMs: number): void {
    for (;;) {
      const next = this.earliest();
      const target = this.mono + (realMs - this.real);
      if (!next || next.at > target) break;
      const at = Math.max(next.at, this.mono);
      this.real += at - this.mono;
      this.mono = at;
      this.timers = this.timers.filter((t) => t !== next);
      this.fired++;
      next.fn();
    }
    if (realMs > this.real) {
      this.mono += realMs - this.real;
      this.real = realMs;
    }
  }

  /** The machine sleeps for `ms`: no timer runs; an overdue one runs at the next advance. */
  sleep(ms: number, options: SleepOptions = {}): void {
    this.real += ms;
    if (options.monotonicRuns) this.mono += ms;
  }

  /** Someone sets the wall clock by `deltaMs` (negative: back). */
  jumpWall(deltaMs: number): void {
    this.wallShift += deltaMs;
  }

  private earliest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const t of this.timers) {
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }
}
