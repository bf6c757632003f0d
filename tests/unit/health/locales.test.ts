import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import checklistJson from '../../../locales/en/checklist.json';
import healthJson from '../../../locales/en/health.json';
import { createTranslator } from '../../../src/contract/i18n';
import { BREATHING_PATTERNS, breathingPatternKeys } from '../../../src/core/content/breathing';
import {
  CHECKLIST_AREAS,
  CHECKLIST_ITEMS,
  checklistItemKeys,
} from '../../../src/core/content/checklist';
import {
  MUSCLE_GROUPS,
  muscleGroupKeys,
  PMR_CAUTION_KEYS,
  PMR_FULL_BODY,
  pmrSessionMs,
  pmrStepAt,
} from '../../../src/core/content/muscle-relaxation';
import {
  RED_FLAG_GROUPS,
  RED_FLAG_STATEMENTS,
  RED_FLAG_VALUES,
  redFlagGroupKeys,
  redFlagSignKey,
} from '../../../src/core/content/red-flags';
import {
  THERAPY_CAUTIONS,
  THERAPY_CHOICE_VALUES,
  THERAPY_CHOICES,
  THERAPY_SAFETY_STEPS,
  therapyCautionKey,
  therapyChoiceKey,
  therapySafetyValues,
  therapyStepKey,
} from '../../../src/core/content/therapy-safety';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';

let t: TFunction;
beforeAll(async () => {
  ({ t } = await createTranslator('en'));
});

/** Resolves a key to English and fails on a raw key, an empty string or a stray `{{`. */
function english(ns: 'checklist' | 'health', key: string, values: Record<string, unknown> = {}) {
  const text = t(key, { ns, ...values });
  expect(text, `${ns}:${key}`).not.toBe(key);
  expect(typeof text, `${ns}:${key}`).toBe('string');
  expect(text.trim(), `${ns}:${key}`).not.toBe('');
  expect(text, `${ns}:${key} left a placeholder`).not.toContain('{{');
  return text;
}

/** Every leaf key of a JSON object, dotted. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    leafKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('checklist words', () => {
  it('has a question, a why and a fix for every item', () => {
    for (const item of CHECKLIST_ITEMS) {
      const keys = checklistItemKeys(item.id);
      expect(english('checklist', keys.question)).toMatch(/\?$/);
      english('checklist', keys.why);
      english('checklist', keys.fix);
    }
  });

  it('holds no words for items that do not exist', () => {
    const itemIds = new Set(Object.keys(checklistJson).filter((key) => key !== 'ui'));
    expect([...itemIds].sort()).toEqual(CHECKLIST_ITEMS.map((item) => item.id).sort());
  });

  it('labels every area, every answer, the score in singular and plural, and the history', () => {
    for (const area of CHECKLIST_AREAS) english('checklist', `ui.area.${area}`);
    for (const answer of ['yes', 'no', 'notApplicable'])
      english('checklist', `ui.answer.${answer}`);
    expect(english('checklist', 'ui.score', { count: 1, yes: 1 })).toBe(
      '1 of 1 applicable check is in good shape',
    );
    expect(english('checklist', 'ui.score', { count: 12, yes: 9 })).toBe(
      '9 of 12 applicable checks are in good shape',
    );
    english('checklist', 'ui.fixes.heading', { count: 2 });
    for (const key of ['heading', 'empty', 'entry', 'entryNoScore']) {
      english('checklist', `ui.history.${key}`, { date: 'today', percent: 80 });
    }
    english('checklist', 'ui.history.fixed', { count: 3 });
    english('checklist', 'ui.history.newProblems', { count: 1 });
    for (const key of ['title', 'intro', 'noneApplicable', 'organisationItem', 'painNow']) {
      english('checklist', `ui.${key}`);
    }
  });
});

describe('breathing and relaxation words', () => {
  it('has a name, summary, steps, caution and every cue for every pattern', () => {
    for (const pattern of BREATHING_PATTERNS) {
      for (const key of Object.values(breathingPatternKeys(pattern.id))) english('health', key);
      for (const phase of pattern.phases) english('health', phase.cue);
    }
    english('health', 'breathing.round', { round: 1, rounds: 4 });
    english('health', 'breathing.secondsLeft', { count: 3 });
  });

  it('has a name and a tense cue for every muscle group, and every cue a session shows', () => {
    for (const group of MUSCLE_GROUPS) {
      for (const key of Object.values(muscleGroupKeys(group))) english('health', key);
    }
    for (const key of PMR_CAUTION_KEYS) english('health', key);
    for (let ms = 0; ms <= pmrSessionMs(PMR_FULL_BODY); ms += 1000) {
      const state = pmrStepAt(PMR_FULL_BODY, ms);
      english('health', state.cue);
      english('health', `pmr.phase.${state.phase}`);
    }
  });

  it('holds no words for muscle groups that do not exist', () => {
    expect(Object.keys(healthJson.pmr.groups).sort()).toEqual([...MUSCLE_GROUPS].sort());
  });
});

describe('red-flag words', () => {
  it('has a title and an action for each group and words for every sign', () => {
    for (const group of RED_FLAG_GROUPS) {
      for (const key of Object.values(redFlagGroupKeys(group.urgency))) english('health', key);
      for (const sign of group.signs) english('health', redFlagSignKey(sign.id), RED_FLAG_VALUES);
    }
    for (const statement of RED_FLAG_STATEMENTS) english('health', statement.key);
  });

  it('quotes the thresholds the code decides', () => {
    expect(english('health', redFlagSignKey('new-pain-age'), RED_FLAG_VALUES)).toContain(
      'under 20 or over 50',
    );
    expect(english('health', redFlagSignKey('not-improving'), RED_FLAG_VALUES)).toContain(
      '2 weeks',
    );
  });

  it('holds no words for signs that do not exist', () => {
    const ids = RED_FLAG_GROUPS.flatMap((group) => group.signs.map((sign) => sign.id));
    expect(Object.keys(healthJson.redFlags.signs).sort()).toEqual([...ids].sort());
  });

  it('says plainly that Unhunch gives no diagnosis', () => {
    expect(english('health', 'redFlags.statements.noDiagnosis')).toContain('no diagnosis');
  });
});

describe('therapy-safety words', () => {
  it('has words for every step, caution, heading and choice', () => {
    const values = { ...therapySafetyValues(DEFAULT_SETTINGS.therapy), ...THERAPY_CHOICE_VALUES };
    for (const step of THERAPY_SAFETY_STEPS) english('health', therapyStepKey(step.id), values);
    for (const caution of THERAPY_CAUTIONS) {
      english('health', therapyCautionKey(caution.id));
      english('health', `therapy.cautionHeadings.${caution.action}`);
    }
    for (const choice of THERAPY_CHOICES) english('health', therapyChoiceKey(choice.id), values);
    expect(english('health', therapyStepKey('ice-wrapped'))).toMatch(/never/i);
  });

  it('holds no words for steps or cautions that do not exist', () => {
    const listed = [
      ...THERAPY_SAFETY_STEPS.map((s) => `steps.${s.id}`),
      ...THERAPY_CAUTIONS.map((c) => `cautions.${c.id}`),
      ...THERAPY_CHOICES.map((c) => `choices.${c.id}`),
    ];
    const inJson = leafKeys(healthJson.therapy).filter((key) =>
      /^(steps|cautions|choices)\./.test(key),
    );
    expect(inJson.sort()).toEqual(listed.sort());
  });
});
