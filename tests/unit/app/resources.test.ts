import { describe, expect, it } from 'vitest';
import { countArmedTimers } from '../../../src/app/resources';
import type { Clock } from '../../../src/core/time/clock';
import { VirtualClock } from '../../../src/core/time/virtual-clock';

describe('counting the timers the app arms', () => {
  it('counts a timer until it fires or is cancelled', () => {
    const virtual = new VirtualClock(0);
    const { clock, armed } = countArmedTimers(virtual);
    let fired = 0;
    clock.setTimer(virtual.monotonic() + 1000, () => fired++);
    const cancelled = clock.setTimer(virtual.monotonic() + 2000, () => fired++);
    expect(armed()).toBe(2);

    clock.cancel(cancelled);
    expect(armed()).toBe(1);
    virtual.advance(5000);
    expect(fired).toBe(1);
    expect(armed()).toBe(0);
    expect(virtual.armedCount()).toBe(0);
  });

  it('cancelling twice, or after the timer fired, counts nothing twice', () => {
    const virtual = new VirtualClock(0);
    const { clock, armed } = countArmedTimers(virtual);
    const handle = clock.setTimer(virtual.monotonic() + 1000, () => {});
    virtual.advance(1000);
    clock.cancel(handle);
    clock.cancel(handle);
    expect(armed()).toBe(0);
  });

  it('a timer that fires inside setTimer is never counted as armed', () => {
    const immediate: Clock = {
      now: () => 0,
      monotonic: () => 0,
      setTimer(_at, fn) {
        fn();
        return { id: 1 };
      },
      cancel() {},
    };
    const { clock, armed } = countArmedTimers(immediate);
    let fired = false;
    clock.setTimer(0, () => {
      fired = true;
    });
    expect(fired).toBe(true);
    expect(armed()).toBe(0);
  });
});
