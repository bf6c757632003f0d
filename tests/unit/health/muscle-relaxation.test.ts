import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MUSCLE_GROUPS,
  PMR_FULL_BODY,
  type PmrStep,
  pmrSessionMs,
  pmrStepAt,
  pmrWithout,
} from '../../../src/core/content/muscle-relaxation';

const S = 1000;
const groupSteps = (steps: readonly PmrStep[]) =>
  steps.filter((step): step is Extract<PmrStep, { kind: 'group' }> => step.kind === 'group');

describe('progressive muscle relaxation', () => {
  it('tenses 5–10 s and relaxes 10–30 s for every group', () => {
    const groups = groupSteps(PMR_FULL_BODY.steps);
    expect(groups.map((step) => step.group)).toEqual([...MUSCLE_GROUPS]);
    for (const step of groups) {
      expect(step.tenseSeconds).toBeGreaterThanOrEqual(5);
      expect(step.tenseSeconds).toBeLessThanOrEqual(10);
      expect(step.relaxSeconds).toBeGreaterThanOrEqual(10);
      expect(step.relaxSeconds).toBeLessThanOrEqual(30);
    }
  });

  it('takes about 15 minutes and includes the shoulders and upper back', () => {
    const minutes = pmrSessionMs(PMR_FULL_BODY) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(13);
    expect(minutes).toBeLessThanOrEqual(16);
    expect(MUSCLE_GROUPS).toEqual(expect.arrayContaining(['shoulders', 'upper-back']));
  });

  it('settles, then tenses and relaxes the first group, then moves on', () => {
    expect(pmrStepAt(PMR_FULL_BODY, 0)).toMatchObject({
      phase: 'settle',
      group: null,
      stepIndex: 0,
    });
    expect(pmrStepAt(PMR_FULL_BODY, 120 * S)).toMatchObject({
      phase: 'tense',
      group: 'right-hand',
      stepIndex: 1,
      cue: 'pmr.groups.right-hand.tense',
      secondsLeftInPhase: 7,
    });
    expect(pmrStepAt(PMR_FULL_BODY, 127 * S)).toMatchObject({
      phase: 'relax',
      group: 'right-hand',
    });
    expect(pmrStepAt(PMR_FULL_BODY, 157 * S)).toMatchObject({ phase: 'tense', group: 'right-arm' });
  });

  it('rests at the end and is then done', () => {
    const total = pmrSessionMs(PMR_FULL_BODY);
    expect(pmrStepAt(PMR_FULL_BODY, total - 1)).toMatchObject({ phase: 'rest', done: false });
    expect(pmrStepAt(PMR_FULL_BODY, total)).toMatchObject({ done: true, phaseProgress: 1 });
  });

  it('leaves out the groups a person skips', () => {
    const withoutNeck = pmrWithout(PMR_FULL_BODY, ['neck', 'left-leg']);
    const groups = groupSteps(withoutNeck.steps).map((step) => step.group);
    expect(groups).not.toContain('neck');
    expect(groups).not.toContain('left-leg');
    expect(groups).toHaveLength(MUSCLE_GROUPS.length - 2);
    expect(pmrSessionMs(withoutNeck)).toBe(pmrSessionMs(PMR_FULL_BODY) - 2 * 37 * S);
  });

  it('keeps progress within 0..1 and never goes back a step', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1_000_000 }), { minLength: 2 }),
        (times) => {
          const states = [...times].sort((a, b) => a - b).map((t) => pmrStepAt(PMR_FULL_BODY, t));
          for (const [i, state] of states.entries()) {
            expect(state.phaseProgress).toBeGreaterThanOrEqual(0);
            expect(state.phaseProgress).toBeLessThanOrEqual(1);
            const prev = states[i - 1];
            if (prev) expect(state.stepIndex).toBeGreaterThanOrEqual(prev.stepIndex);
          }
        },
      ),
    );
  });
});
