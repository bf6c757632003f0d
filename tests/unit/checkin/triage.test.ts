import { describe, expect, it } from 'vitest';
import {
  type Checkin,
  checkAnswers,
  checkinRedFlagSigns,
  NEW_PAIN_ABOVE,
  triageCheckin,
} from '../../../src/core/checkin/triage';
import { CITATIONS } from '../../../src/core/content/citations';
import { RED_FLAG_GROUPS } from '../../../src/core/content/red-flags';

/**
 * The check-in's rules on fake weeks (docs/checkin.md). Sources: any red flag -> the
 * About your health page's advice (NHS; NICE CKS-based pathways); pain not improving
 * after 2 weeks -> GP or physiotherapist (NHS Inform's 2 weeks, the conservative end
 * of the NHS's 2–6); pain getting worse -> GP or physiotherapist (NHS); new pain above
 * 5 -> GP or physiotherapist (the product's threshold; docs/sources.md gives no number).
 */

const WEEK = 7 * 86_400_000;
const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 6, 13, 0); // a Friday afternoon

const NO_FLAGS = { emergency: false, urgent: false };

/** One check-in a week, `pains[i]` in week i; interference follows the pain. */
function weeks(...pains: number[]): Checkin[] {
  return pains.map((pain, week) => ({
    at: START + week * WEEK,
    pain,
    interference: pain,
    redFlags: NO_FLAGS,
  }));
}

describe('red flags (NHS; NICE CKS-based pathways)', () => {
  it('a yes to the emergency question gets the emergency advice, whatever the pain', () => {
    const history = weeks(0, 0);
    history.push({
      at: START + 2 * WEEK,
      pain: 0,
      interference: 0,
      redFlags: { emergency: true, urgent: true },
    });
    const advice = triageCheckin(history);
    expect(advice).toMatchObject({ kind: 'red-flag', urgency: 'emergency' });
    expect(advice.kind === 'red-flag' && advice.source).toContainEqual(CITATIONS.nhs);
  });

  it('a yes to the urgent question on a first check-in gets the urgent advice at once', () => {
    const advice = triageCheckin([
      { at: START, pain: 2, interference: 1, redFlags: { emergency: false, urgent: true } },
    ]);
    expect(advice).toMatchObject({ kind: 'red-flag', urgency: 'urgent' });
  });

  it('a red flag answered last week but not this week no longer calls for it', () => {
    const history = weeks(1, 1);
    history[0] = { ...history[0]!, redFlags: { emergency: false, urgent: true } };
    expect(triageCheckin(history)).toEqual({ kind: 'none' });
  });

  it('asks only about signs that can be new this week, all from the health content', () => {
    const known = new Set<string>(RED_FLAG_GROUPS.flatMap((g) => g.signs.map((s) => s.id)));
    const asked = [...checkinRedFlagSigns('emergency'), ...checkinRedFlagSigns('urgent')];
    expect(asked.every((id) => known.has(id))).toBe(true);
    expect(asked).toContain('between-shoulder-blades-cardiac');
    expect(asked).not.toContain('cancer-history');
    expect(checkinRedFlagSigns('emergency')).toHaveLength(6);
  });
});

describe('pain not improving after 2 weeks (NHS Inform: 2 weeks; NHS: 2–6)', () => {
  it('the same pain three weeks running calls for a GP or physiotherapist', () => {
    const advice = triageCheckin(weeks(3, 3, 3));
    expect(advice).toMatchObject({ kind: 'see-professional', reason: 'not-improving' });
    expect(advice.kind === 'see-professional' && advice.source).toContainEqual(CITATIONS.nhsInform);
  });

  it('only one week of the same pain is not yet 2 weeks', () => {
    expect(triageCheckin(weeks(3, 3))).toEqual({ kind: 'none' });
  });

  it('pain that went down over the 2 weeks is improving', () => {
    expect(triageCheckin(weeks(4, 4, 3))).toEqual({ kind: 'none' });
  });

  it('a check-in answered an hour early still counts the 2 weeks', () => {
    const history = weeks(3, 3, 3);
    history[2] = { ...history[2]!, at: history[2]!.at - HOUR };
    expect(triageCheckin(history)).toMatchObject({ reason: 'not-improving' });
  });

  it('a pain-free week in between starts the count again', () => {
    expect(triageCheckin(weeks(3, 0, 3))).toEqual({ kind: 'none' });
  });

  it('the order the history is read in does not matter', () => {
    expect(triageCheckin(weeks(3, 3, 3).reverse())).toMatchObject({ reason: 'not-improving' });
  });
});

describe('pain getting worse (NHS)', () => {
  it('more pain than the week before calls for a GP or physiotherapist', () => {
    const advice = triageCheckin(weeks(2, 4));
    expect(advice).toMatchObject({ kind: 'see-professional', reason: 'getting-worse' });
  });
});

describe(`new pain above ${NEW_PAIN_ABOVE}`, () => {
  it('a first check-in of 6 calls for a GP or physiotherapist; 5 does not', () => {
    expect(triageCheckin(weeks(6))).toMatchObject({ kind: 'see-professional', reason: 'new-pain' });
    expect(triageCheckin(weeks(5))).toEqual({ kind: 'none' });
  });

  it('6 after pain-free weeks is new pain', () => {
    expect(triageCheckin(weeks(0, 0, 6))).toMatchObject({ reason: 'new-pain' });
  });

  it('pain months ago does not make this week’s pain old', () => {
    const history = weeks(2, 0, 0, 0, 0, 7);
    expect(triageCheckin(history)).toMatchObject({ reason: 'new-pain' });
  });

  it('no pain is never advice, and no check-in is none', () => {
    expect(triageCheckin(weeks(0, 0, 0))).toEqual({ kind: 'none' });
    expect(triageCheckin([])).toEqual({ kind: 'none' });
  });
});

describe('answers', () => {
  it('a score outside 0–10 is refused with the field and the range', () => {
    expect(checkAnswers({ pain: 11, interference: 0, redFlags: NO_FLAGS })).toEqual({
      ok: false,
      path: 'pain',
      error: 'pain must be a whole number from 0 to 10, got 11',
    });
    expect(checkAnswers({ pain: 1, interference: 2.5, redFlags: NO_FLAGS })).toMatchObject({
      ok: false,
      path: 'interference',
    });
  });
});
