import type { VirtualClock } from '../../src/core/time/virtual-clock';

/** Lets the event loop run what a wake started (readings of files and tools). */
export const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * Moves `virtual` to `elapsed` (real ms since its start) one wake at a time, letting each
 * wake's asynchronous work finish before the next, as it would on a real day.
 */
export async function advanceWakeByWake(virtual: VirtualClock, elapsed: number): Promise<void> {
  for (;;) {
    const next = virtual.nextTimerAt();
    const step = next === null ? Number.POSITIVE_INFINITY : next - virtual.monotonic();
    if (virtual.elapsed() + step > elapsed) break;
    virtual.advance(Math.max(step, 0));
    await settle();
  }
  virtual.advanceTo(elapsed);
  await settle();
}
