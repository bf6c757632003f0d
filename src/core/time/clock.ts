/**
 * The Clock port. `now()` is the wall clock (epoch ms; may jump when the user or NTP
 * sets it); `monotonic()` never jumps. The core arms at most one timer at a time.
 */
export type TimerHandle = { readonly id: number };

export interface Clock {
  now(): number;
  monotonic(): number;
  /** Run `fn` once when `monotonic()` reaches `atMonotonic`. */
  setTimer(atMonotonic: number, fn: () => void): TimerHandle;
  cancel(handle: TimerHandle): void;
}
