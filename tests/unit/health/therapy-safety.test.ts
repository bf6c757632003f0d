import { describe, expect, it } from 'vitest';
import {
  canDismissSafetyStep,
  safetyStepsFor,
  THERAPY_CAUTIONS,
  THERAPY_CHOICES,
  THERAPY_SAFETY_STEPS,
  therapySafetyValues,
} from '../../../src/core/content/therapy-safety';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { THERAPY_MAX_MINUTES } from '../../../src/core/therapy/limits';

describe('therapy safety', () => {
  it('never lets the towel reminder be dismissed', () => {
    expect(canDismissSafetyStep('ice-wrapped')).toBe(false);
    expect(canDismissSafetyStep('heat-wrapped')).toBe(false);
    const everything = new Set(THERAPY_SAFETY_STEPS.map((step) => step.id));
    expect(safetyStepsFor('ice', everything).map((step) => step.id)).toEqual(['ice-wrapped']);
    expect(safetyStepsFor('heat', everything).map((step) => step.id)).toEqual(['heat-wrapped']);
  });

  it('shows the barrier first, then the steps for that kind not yet dismissed', () => {
    const ice = safetyStepsFor('ice', new Set(['check-skin'])).map((step) => step.id);
    expect(ice[0]).toBe('ice-wrapped');
    expect(ice).toContain('remove-when-numb-or-burning');
    expect(ice).toContain('never-sleep');
    expect(ice).not.toContain('check-skin');
    expect(ice).not.toContain('heat-warm-not-hot');
    expect(canDismissSafetyStep('check-skin')).toBe(true);
    expect(canDismissSafetyStep('no-such-step')).toBe(false);
  });

  it('covers the safety steps docs/sources.md asks for', () => {
    expect(THERAPY_SAFETY_STEPS.map((step) => step.id)).toEqual(
      expect.arrayContaining([
        'ice-wrapped',
        'heat-wrapped',
        'heat-warm-not-hot',
        'check-skin',
        'remove-when-numb-or-burning',
        'never-sleep',
        'rest-between',
      ]),
    );
  });

  it('lists who should ask a clinician first and where not to use heat or ice', () => {
    const ids = THERAPY_CAUTIONS.map((caution) => caution.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'reduced-sensation',
        'diabetes',
        'poor-circulation',
        'raynauds',
        'heart-condition',
        'broken-or-numb-skin',
        'cancer-history',
        'dvt',
      ]),
    );
    expect(THERAPY_CHOICES.map((choice) => choice.kind)).toEqual(['ice', 'heat', null]);
  });

  it('cites every step, caution and choice', () => {
    for (const entry of [...THERAPY_SAFETY_STEPS, ...THERAPY_CAUTIONS, ...THERAPY_CHOICES]) {
      expect(entry.source.length).toBeGreaterThan(0);
    }
  });

  it('quotes the effective settings in the words, never above the hard cap', () => {
    expect(therapySafetyValues(DEFAULT_SETTINGS.therapy)).toEqual({
      defaultMinutes: 15,
      maxMinutes: 20,
      restMinutes: 60,
    });
    const lowered = therapySafetyValues({ defaultMinutes: 15, capMinutes: 10, restBetweenMs: 0 });
    expect(lowered).toMatchObject({ defaultMinutes: 10, maxMinutes: 10 });
    const tooHigh = therapySafetyValues({ defaultMinutes: 30, capMinutes: 45, restBetweenMs: 0 });
    expect(tooHigh.maxMinutes).toBe(THERAPY_MAX_MINUTES);
  });
});
