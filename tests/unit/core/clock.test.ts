import { describe, expect, it } from 'vitest';
import { createSystemClock } from '../../../src/app/system-clock';
import { VirtualClock } from '../../../src/core/time/virtual-clock';

describe('virtual clock', () => {
  it('runs timers in order at their monotonic time', () => {
    const clock = new VirtualClock(0, 0);
    const ran: number[] = [];
    clock.setTimer(200, () => ran.push(clock.elapsed()));
    clock.setTimer(100, () => ran.push(clock.elapsed()));
    clock.advance(1000);
    expect(ran).toEqual([100, 200]);
    expect(clock.fired).toBe(2);
  });

  it('sleep moves the wall clock; monotonic stops unless told it runs', () => {
    const clock = new VirtualClock(1_000, 0);
    clock.sleep(500);
    expect([clock.now(), clock.monotonic(), clock.elapsed()]).toEqual([1_500, 0, 500]);
    clock.sleep(500, { monotonicRuns: true });
    expect(clock.monotonic()).toBe(500);
  });

  it('a wall jump moves only the wall clock', () => {
    const clock = new VirtualClock(1_000, 0);
    clock.jumpWall(-100);
    expect([clock.now(), clock.monotonic()]).toEqual([900, 0]);
  });
});

describe('system clock', () => {
  it('runs a timer at its monotonic time and can cancel one', async () => {
    const clock = createSystemClock();
    const cancelled = clock.setTimer(clock.monotonic() + 5, () => {
      throw new Error('cancelled timer ran');
    });
    clock.cancel(cancelled);
    const ranAt = await new Promise<number>((resolve) => {
      const target = clock.monotonic() + 20;
      clock.setTimer(target, () => resolve(clock.monotonic() - target));
    });
    expect(ranAt).toBeGreaterThanOrEqual(0);
  });
});
