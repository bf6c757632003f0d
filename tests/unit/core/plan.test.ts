import { describe, expect, it } from 'vitest';
import {
  breakCoveredByIdle,
  freshPlan,
  nextBreak,
  nextIdleSampleIn,
} from '../../../src/core/breaks/plan';
import { MINUTE, SECOND } from '../../../src/core/time/duration';
import { ALWAYS, settingsWith } from './harness';

describe('break plan', () => {
  it('the first break of a fresh plan is a micro break after 20 minutes', () => {
    expect(nextBreak(freshPlan(0, ALWAYS), ALWAYS)).toEqual({ kind: 'micro', dueAt: 20 * MINUTE });
  });

  it('with micro breaks off only long breaks come', () => {
    const settings = settingsWith({
      workHours: null,
      microBreak: { ...ALWAYS.microBreak, enabled: false },
    });
    expect(nextBreak(freshPlan(0, settings), settings)).toEqual({
      kind: 'long',
      dueAt: 60 * MINUTE,
    });
  });

  it('with both kinds off no break comes', () => {
    const settings = settingsWith({
      workHours: null,
      microBreak: { ...ALWAYS.microBreak, enabled: false },
      longBreak: { ...ALWAYS.longBreak, enabled: false },
    });
    expect(nextBreak(freshPlan(0, settings), settings)).toBeNull();
    expect(nextIdleSampleIn(0, settings)).toBeNull();
  });
});

describe('idle sampling', () => {
  it('an active user is asked again after the shortest break duration', () => {
    expect(nextIdleSampleIn(0, ALWAYS)).toBe(30 * SECOND);
  });

  it('a user idle i seconds is asked again no sooner than n - i', () => {
    expect(nextIdleSampleIn(20 * SECOND, ALWAYS)).toBe(10 * SECOND);
    expect(nextIdleSampleIn(30 * SECOND, ALWAYS)).toBe(270 * SECOND);
  });

  it('idle covers the micro break at its duration and the long one at its own', () => {
    expect(breakCoveredByIdle(29 * SECOND, ALWAYS)).toBeNull();
    expect(breakCoveredByIdle(30 * SECOND, ALWAYS)).toBe('micro');
    expect(breakCoveredByIdle(5 * MINUTE, ALWAYS)).toBe('long');
  });
});
