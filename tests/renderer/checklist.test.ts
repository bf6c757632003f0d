import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '../../renderer/src/pages/checklist';
import type { ChecklistEntryView, ChecklistResultView } from '../../src/contract/contract';
import { pageContext, pageRoot, scriptedApi, settle } from './page-harness';

const ITEMS: ChecklistEntryView[] = [
  { id: 'screen-height', area: 'screen', origin: 'built-in', source: [{ publisher: 'HSE' }] },
  {
    id: 'org-footrest',
    area: 'organisation',
    origin: 'organisation',
    source: [{ publisher: 'Facilities' }],
    text: { question: 'Is there a <b>footrest</b>?', why: 'Feet flat.', fix: 'Ask facilities.' },
  },
];

const RESULT: ChecklistResultView = {
  at: new Date(2026, 11, 4, 10, 0).getTime(),
  answers: { 'screen-height': 'yes', 'org-footrest': 'no' },
  score: {
    total: 2,
    answered: 2,
    yes: 1,
    no: 1,
    notApplicable: 0,
    percent: 50,
    fixes: ['org-footrest'],
  },
  progress: null,
};

describe('the checklist page', () => {
  let root: HTMLElement;
  let $: ReturnType<typeof pageRoot>['$'];
  beforeEach(() => {
    ({ root, $ } = pageRoot());
  });

  it('asks each item, shows the fix on "no", refuses a half-answered list and scores a full one', async () => {
    let history: ChecklistResultView[] = [];
    const api = scriptedApi({
      getChecklist: { items: ITEMS },
      getChecklistHistory: () => history,
      submitChecklist: () => {
        history = [RESULT];
        return { ok: true, result: RESULT };
      },
    });
    const page = mount(root, await pageContext(api));
    await settle();

    // An organisation's words are shown as text, never as markup.
    expect($('item-org-footrest')?.querySelector('legend')?.textContent).toBe(
      'Is there a <b>footrest</b>?',
    );
    expect($('item-org-footrest')?.querySelector('b')).toBeNull();
    expect($('checklist-progress')?.textContent?.trim()).toContain('0');
    expect($('fix-org-footrest')?.hidden).toBe(true);

    const choose = (id: string) => {
      const radio = $<HTMLInputElement>(id)!;
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('answer-org-footrest-no');
    await settle();
    expect($('fix-org-footrest')?.hidden).toBe(false);

    // One item left open: nothing is sent, the error says so and focus goes to it.
    $<HTMLFormElement>('checklist-form')!.requestSubmit();
    await settle();
    expect(api.calls.some((c) => c.name === 'submitChecklist')).toBe(false);
    expect($('checklist-error')?.textContent).not.toBe('');
    expect($('item-screen-height')?.classList.contains('unanswered')).toBe(true);
    expect(document.activeElement).toBe($('answer-screen-height-yes'));

    choose('answer-screen-height-yes');
    await settle();
    expect($('item-screen-height')?.classList.contains('unanswered')).toBe(false);
    $<HTMLFormElement>('checklist-form')!.requestSubmit();
    await settle();
    expect(api.calls.find((c) => c.name === 'submitChecklist')?.input).toEqual({
      answers: { 'org-footrest': 'no', 'screen-height': 'yes' },
    });
    expect($('checklist-result')?.hidden).toBe(false);
    expect(document.activeElement).toBe($('checklist-result'));
    expect($('checklist-score')?.textContent).toContain('50');
    expect($('result-fix-org-footrest')?.textContent).toContain('Ask facilities.');
    expect(root.querySelectorAll('[data-testid="checklist-history-entry"]')).toHaveLength(1);
    page.unmount?.();
    expect(root.querySelector('form')).toBeNull();
  });
});
