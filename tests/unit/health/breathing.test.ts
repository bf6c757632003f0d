import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BREATHING_PATTERNS,
  type BreathingPatternId,
  breathingPattern,
  cycleMs,
  pacerAt,
  SHAPE_MIN_SIZE,
  sessionMs,
  sessionRounds,
  shapeSize,
} from '../../../src/core/content/breathing';

const S = 1000;

describe('box breathing', () => {
  const box = breathingPattern('box');

  it('changes phase every 4 seconds and starts the next round at 16 s', () => {
    const at = (seconds: number) => pacerAt(box, seconds * S);
    expect(at(0)).toMatchObject({ phase: 'inhale', phaseIndex: 0, round: 1, phaseProgress: 0 });
    expect(at(4)).toMatchObject({ phase: 'hold', phaseIndex: 1, round: 1, phaseProgress: 0 });
    expect(at(8)).toMatchObject({ phase: 'exhale', phaseIndex: 2, round: 1 });
    expect(at(12)).toMatchObject({ phase: 'hold-empty', phaseIndex: 3, round: 1 });
    expect(at(16)).toMatchObject({ phase: 'inhale', phaseIndex: 0, round: 2, step: 4 });
  });

  it('counts down whole seconds and reports progress within a phase', () => {
    expect(pacerAt(box, 0)).toMatchObject({ secondsLeftInPhase: 4, msLeftInPhase: 4000 });
    expect(pacerAt(box, 2 * S)).toMatchObject({ phaseProgress: 0.5, secondsLeftInPhase: 2 });
    expect(pacerAt(box, 3.2 * S).secondsLeftInPhase).toBe(1);
  });

  it('runs at least 4 rounds and is done at the end of the last one', () => {
    expect(sessionRounds(box)).toBe(4);
    expect(sessionRounds(box, 2)).toBe(4);
    expect(pacerAt(box, 64 * S - 1).done).toBe(false);
    expect(pacerAt(box, 64 * S)).toMatchObject({
      done: true,
      round: 4,
      phaseProgress: 1,
      secondsLeftInPhase: 0,
    });
  });
});

describe('4-7-8 breathing', () => {
  const pattern = breathingPattern('4-7-8');

  it('times in 4, hold 7, out 8', () => {
    expect(pacerAt(pattern, 0).phase).toBe('inhale');
    expect(pacerAt(pattern, 4 * S).phase).toBe('hold');
    expect(pacerAt(pattern, 11 * S).phase).toBe('exhale');
    expect(pacerAt(pattern, 19 * S)).toMatchObject({ phase: 'inhale', round: 2 });
  });

  it('never runs more than 4 cycles, whatever is asked', () => {
    expect(sessionRounds(pattern, 10)).toBe(4);
    expect(sessionMs(pattern, 100)).toBe(4 * 19 * S);
    expect(pacerAt(pattern, 4 * 19 * S, 10)).toMatchObject({ done: true, round: 4, rounds: 4 });
    expect(pacerAt(pattern, 10 * 19 * S, 10).round).toBe(4);
  });
});

describe('minute-long patterns', () => {
  it('turn minutes into whole rounds: NHS calm breathing 3 min = 18 breaths of 10 s', () => {
    const calm = breathingPattern('calm');
    expect(calm.phases.map((p) => [p.kind, p.seconds])).toEqual([
      ['inhale', 5],
      ['exhale', 5],
    ]);
    expect(sessionRounds(calm)).toBe(18);
    expect(sessionRounds(calm, 60)).toBe(30);
  });

  it('start diaphragmatic breathing at 5 minutes', () => {
    expect(sessionMs(breathingPattern('diaphragmatic'))).toBe(5 * 60 * S);
  });
});

describe('every pattern', () => {
  it('names a source, a cue for every phase, and has no hold in calm breathing', () => {
    for (const pattern of BREATHING_PATTERNS) {
      expect(pattern.source.length).toBeGreaterThan(0);
      for (const phase of pattern.phases) expect(phase.cue).toMatch(/^breathing\.cue\./);
    }
    expect(breathingPattern('calm').phases.some((p) => p.kind.startsWith('hold'))).toBe(false);
  });

  it('survives nonsense elapsed times', () => {
    const box = breathingPattern('box');
    expect(pacerAt(box, -5000)).toMatchObject({ phase: 'inhale', round: 1, phaseProgress: 0 });
    expect(pacerAt(box, Number.NaN)).toMatchObject({ phase: 'inhale', round: 1 });
    expect(pacerAt(box, Number.POSITIVE_INFINITY).round).toBe(1);
  });
});

const patternId = fc.constantFrom<BreathingPatternId>(...BREATHING_PATTERNS.map((p) => p.id));

describe('pacer properties', () => {
  it('keeps phaseProgress and the shape within bounds at any time', () => {
    fc.assert(
      fc.property(patternId, fc.double({ min: -1e6, max: 2e6, noNaN: true }), (id, elapsed) => {
        const state = pacerAt(breathingPattern(id), elapsed);
        expect(state.phaseProgress).toBeGreaterThanOrEqual(0);
        expect(state.phaseProgress).toBeLessThanOrEqual(1);
        expect(state.secondsLeftInPhase).toBeGreaterThanOrEqual(0);
        expect(state.round).toBeGreaterThanOrEqual(1);
        expect(state.round).toBeLessThanOrEqual(state.rounds);
        const size = shapeSize(state);
        expect(size).toBeGreaterThanOrEqual(SHAPE_MIN_SIZE);
        expect(size).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never goes back a round, a step or from done as time moves on', () => {
    fc.assert(
      fc.property(
        patternId,
        fc.array(fc.integer({ min: 0, max: 700_000 }), { minLength: 2, maxLength: 30 }),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        (id, times, requested) => {
          const pattern = breathingPattern(id);
          const states = [...times]
            .sort((a, b) => a - b)
            .map((t) => pacerAt(pattern, t, requested));
          for (const [i, state] of states.entries()) {
            const prev = states[i - 1];
            if (!prev) continue;
            expect(state.round).toBeGreaterThanOrEqual(prev.round);
            expect(state.step).toBeGreaterThanOrEqual(prev.step);
            if (prev.done) expect(state.done).toBe(true);
          }
        },
      ),
    );
  });

  it('is done exactly when the session time is up', () => {
    fc.assert(
      fc.property(patternId, fc.integer({ min: 0, max: 2_000_000 }), (id, elapsed) => {
        const pattern = breathingPattern(id);
        expect(pacerAt(pattern, elapsed).done).toBe(elapsed >= sessionMs(pattern));
        expect(sessionMs(pattern) % cycleMs(pattern)).toBe(0);
      }),
    );
  });
});
