import { describe, expect, it } from 'vitest';
import { isPathLocked } from '../../../src/contract/locks';

describe('isPathLocked, the one rule for what a policy manages', () => {
  const locked = ['therapy.capMinutes', 'workHours'];

  it('a locked path, or one inside a locked group, is locked', () => {
    expect(isPathLocked('therapy.capMinutes', locked)).toBe(true);
    expect(isPathLocked('workHours.from', locked)).toBe(true);
  });

  it('a sibling, or a path that only starts with the same letters, is not', () => {
    expect(isPathLocked('therapy.defaultMinutes', locked)).toBe(false);
    expect(isPathLocked('workHoursExtra', locked)).toBe(false);
  });

  it('a group counts as locked when something inside it is, only when asked', () => {
    expect(isPathLocked('therapy', locked)).toBe(false);
    expect(isPathLocked('therapy', locked, { orInside: true })).toBe(true);
    expect(isPathLocked('microBreak', locked, { orInside: true })).toBe(false);
  });
});
