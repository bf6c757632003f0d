import { describe, expect, it } from 'vitest';
import { shareOneTimer } from '../../../src/app/shared-clock';
import { VirtualClock } from '../../../src/core/time/virtual-clock';

function setup() {
  const virtual = new VirtualClock(0, 0);
  const clock = shareOneTimer(virtual);
  const ran: string[] = [];
  const at = (name: string) => () => ran.push(`${name}@${virtual.monotonic()}`);
  return { virtual, clock, ran, at };
}

describe('one shared timer for the whole process', () => {
  it('timers due at the same moment run in one wake, in the order they were armed', () => {
    const { virtual, clock, ran, at } = setup();
    clock.setTimer(60_000, at('tray'));
    clock.setTimer(30_000, at('idle'));
    clock.setTimer(60_000, at('service'));
    expect(virtual.armedCount()).toBe(1);
    virtual.advance(120_000);
    expect(ran).toEqual(['idle@30000', 'tray@60000', 'service@60000']);
    expect(virtual.fired).toBe(2);
  });

  it('a timer that can wait runs at the next wake in its window, or at its latest', () => {
    const { virtual, clock, ran, at } = setup();
    clock.setTimerWithin(15_000, 30_000, at('focus'));
    clock.setTimer(20_000, at('service'));
    clock.setTimerWithin(40_000, 50_000, at('poll'));
    virtual.advance(60_000);
    expect(ran).toEqual(['focus@20000', 'service@20000', 'poll@50000']);
    expect(virtual.fired).toBe(2);
  });

  it('a cancelled timer never runs and leaves nothing armed', () => {
    const { virtual, clock, ran, at } = setup();
    const handle = clock.setTimer(10_000, at('gone'));
    clock.cancel(handle);
    expect(virtual.armedCount()).toBe(0);
    virtual.advance(20_000);
    expect(ran).toEqual([]);
  });

  it('a timer armed for now while others run runs in the same wake', () => {
    const { virtual, clock, ran, at } = setup();
    clock.setTimer(10_000, () => {
      ran.push('first');
      clock.setTimer(virtual.monotonic(), at('follow-up'));
    });
    virtual.advance(20_000);
    expect(ran).toEqual(['first', 'follow-up@10000']);
    expect(virtual.fired).toBe(1);
  });
});
