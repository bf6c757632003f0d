import { describe, expect, it } from 'vitest';
import {
  checklistAnswersSchema,
  checklistAnswersSchemaFor,
  checklistResultSchema,
  customChecklistItemSchema,
} from '../../../src/contract/checklist';
import {
  BUILT_IN_CHECKLIST_IDS,
  CHECKLIST_AREAS,
  CHECKLIST_ITEMS,
  type ChecklistAnswers,
  checklistHistoryNewestFirst,
  checklistResult,
  checklistWording,
  compareChecklistResults,
  mergeChecklist,
  scoreChecklist,
} from '../../../src/core/content/checklist';

describe('checklist content', () => {
  it('has at least 12 items with unique ids, each with a source', () => {
    expect(CHECKLIST_ITEMS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(BUILT_IN_CHECKLIST_IDS).size).toBe(CHECKLIST_ITEMS.length);
    for (const item of CHECKLIST_ITEMS) {
      expect(item.source.length).toBeGreaterThan(0);
      expect(CHECKLIST_AREAS).toContain(item.area);
      expect(item.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('covers every topic issue 7 lists', () => {
    const topics = [
      'screen-height',
      'screen-distance',
      'chair-lumbar-support',
      'neutral-spine',
      'feet-supported',
      'knees-hips',
      'elbows-forearms',
      'keyboard-mouse',
      'glare-lighting',
      'laptop',
      'phone',
      'sit-stand',
      'breaks',
    ];
    expect(BUILT_IN_CHECKLIST_IDS).toEqual(expect.arrayContaining(topics));
  });

  it('keeps an item id from clashing with the ui labels in the same namespace', () => {
    expect(BUILT_IN_CHECKLIST_IDS).not.toContain('ui');
  });

  it('lists items grouped by area in page order', () => {
    const areaOrder = CHECKLIST_ITEMS.map((item) => CHECKLIST_AREAS.indexOf(item.area));
    expect(areaOrder).toEqual([...areaOrder].sort((a, b) => a - b));
  });
});

describe('scoring', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }];

  it('leaves "not applicable" out of the percentage', () => {
    const score = scoreChecklist(items, { a: 'yes', b: 'not-applicable', c: 'no', d: 'yes' });
    expect(score).toMatchObject({ total: 5, answered: 4, yes: 2, no: 1, notApplicable: 1 });
    expect(score.percent).toBe(67);
  });

  it('lists a fix for every "no", in checklist order, not answer order', () => {
    const answers: ChecklistAnswers = { e: 'no', a: 'no', c: 'yes', b: 'no' };
    expect(scoreChecklist(items, answers).fixes).toEqual(['a', 'b', 'e']);
  });

  it('has no percentage when nothing applies or nothing is answered', () => {
    expect(scoreChecklist(items, { a: 'not-applicable' }).percent).toBeNull();
    expect(scoreChecklist(items, {}).percent).toBeNull();
    expect(scoreChecklist(items, {}).answered).toBe(0);
  });

  it('scores all "yes" as 100 and all "no" as 0', () => {
    const all = (answer: 'yes' | 'no') => Object.fromEntries(items.map(({ id }) => [id, answer]));
    expect(scoreChecklist(items, all('yes')).percent).toBe(100);
    expect(scoreChecklist(items, all('no')).percent).toBe(0);
  });

  it('ignores answers to items that are not in the checklist', () => {
    const score = scoreChecklist(items, { a: 'yes', zzz: 'no' });
    expect(score).toMatchObject({ answered: 1, no: 0, fixes: [] });
  });

  it('scores the built-in checklist by item id', () => {
    const score = scoreChecklist(CHECKLIST_ITEMS, { 'screen-height': 'no', laptop: 'no' });
    expect(score.fixes).toEqual(['screen-height', 'laptop']);
    expect(score.total).toBe(CHECKLIST_ITEMS.length);
  });
});

describe('history', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('records a check with its time, its answers and its score', () => {
    const result = checklistResult(items, { a: 'yes', b: 'no', gone: 'yes' }, 1_000);
    expect(result).toEqual({
      at: 1_000,
      answers: { a: 'yes', b: 'no' },
      score: scoreChecklist(items, { a: 'yes', b: 'no' }),
    });
    expect(checklistResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it('says which fixes were made and which problems are new since the last check', () => {
    const before = checklistResult(items, { a: 'no', b: 'no', c: 'yes' }, 1);
    const after = checklistResult(items, { a: 'yes', b: 'no', c: 'no' }, 2);
    expect(compareChecklistResults(before, after)).toEqual({ fixed: ['a'], newProblems: ['c'] });
  });

  it('shows the newest check first without reordering the stored history', () => {
    const stored = [1, 3, 2].map((at) => checklistResult(items, {}, at));
    expect(checklistHistoryNewestFirst(stored).map((r) => r.at)).toEqual([3, 2, 1]);
    expect(stored.map((r) => r.at)).toEqual([1, 3, 2]);
  });
});

describe('answers schema', () => {
  it('accepts a partial set of answers to built-in items', () => {
    const parsed = checklistAnswersSchema.parse({
      'screen-height': 'yes',
      phone: 'not-applicable',
    });
    expect(parsed).toEqual({ 'screen-height': 'yes', phone: 'not-applicable' });
  });

  it('names the path of an unknown item id', () => {
    const result = checklistAnswersSchema.safeParse({ 'screen-height': 'yes', 'desk-plant': 'no' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toEqual(['desk-plant']);
    expect(result.error?.issues[0]?.message).toContain('desk-plant');
  });

  it('names the path of an answer that is not yes, no or not applicable', () => {
    const result = checklistAnswersSchema.safeParse({ laptop: 'maybe' });
    expect(result.error?.issues[0]?.path).toEqual(['laptop']);
  });

  it('accepts organisation items once they are part of the checklist', () => {
    const merged = mergeChecklist(CHECKLIST_ITEMS, [
      { id: 'fire-exit', area: 'organisation', question: 'Q?', why: 'W', fix: 'F' },
    ]);
    if (!merged.ok) throw new Error(merged.error);
    const schema = checklistAnswersSchemaFor(merged.entries.map((entry) => entry.id));
    expect(schema.safeParse({ 'org.fire-exit': 'no' }).success).toBe(true);
    expect(checklistAnswersSchema.safeParse({ 'org.fire-exit': 'no' }).success).toBe(false);
  });
});

describe('organisation items', () => {
  it('parses plain-string items and defaults their area', () => {
    const item = customChecklistItemSchema.parse({
      id: 'hot-desk-chair',
      question: 'Did you set the chair up when you sat down?',
      why: 'Hot desks keep the last person’s settings.',
      fix: 'Use the lever under the seat.',
    });
    expect(item.area).toBe('organisation');
  });

  it('names the path of a bad field', () => {
    const result = customChecklistItemSchema.safeParse({
      id: 'Bad Id',
      question: '',
      why: 'w',
      fix: 'f',
    });
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['id', 'question']));
  });

  it('appends organisation items after the built-ins, in the policy order', () => {
    const merged = mergeChecklist(
      CHECKLIST_ITEMS,
      [
        { id: 'b', area: 'chair', question: 'B?', why: 'wb', fix: 'fb' },
        { id: 'a', area: 'organisation', question: 'A?', why: 'wa', fix: 'fa', source: 'OH team' },
      ],
      'Acme',
    );
    if (!merged.ok) throw new Error(merged.error);
    const ids = merged.entries.map((entry) => entry.id);
    expect(ids.slice(0, CHECKLIST_ITEMS.length)).toEqual(BUILT_IN_CHECKLIST_IDS);
    expect(ids.slice(CHECKLIST_ITEMS.length)).toEqual(['org.b', 'org.a']);
    const [b, a] = merged.entries.slice(CHECKLIST_ITEMS.length);
    expect(b?.source).toEqual([{ publisher: 'Acme' }]);
    expect(a?.source).toEqual([{ publisher: 'OH team' }]);
    expect(a && checklistWording(a)).toEqual({
      kind: 'plain',
      question: 'A?',
      why: 'wa',
      fix: 'fa',
    });
    expect(checklistWording(merged.entries[0]!)).toEqual({
      kind: 'keys',
      question: 'screen-height.question',
      why: 'screen-height.why',
      fix: 'screen-height.fix',
    });
  });

  it('refuses two organisation items with the same id, naming the second', () => {
    const item = { id: 'dup', area: 'organisation' as const, question: 'Q', why: 'W', fix: 'F' };
    const merged = mergeChecklist(CHECKLIST_ITEMS, [item, item]);
    expect(merged).toMatchObject({ ok: false, path: ['checklist', 1, 'id'] });
  });
});
