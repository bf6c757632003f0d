import type { ChecklistEntryView, ChecklistResultView } from '../../../src/contract/contract';
import {
  CHECKLIST_AREAS,
  type ChecklistAnswer,
  checklistItemKeys,
} from '../../../src/contract/guides';
import { refusalText } from '../../../src/contract/i18n';
import { el } from '../dom';
import { formatPercent } from '../format';
import { formatCitations } from '../sources';
import type { MountedPage, PageContext } from './index';

const ANSWERS: readonly { value: ChecklistAnswer; label: string }[] = [
  { value: 'yes', label: 'ui.answer.yes' },
  { value: 'no', label: 'ui.answer.no' },
  { value: 'not-applicable', label: 'ui.answer.notApplicable' },
];

/**
 * The workstation checklist as one list of radio groups (arrow keys choose, Tab moves
 * on), each with why it matters and, once answered "no", how to fix it. Submitting
 * shows the score and the fix list; past checks sit below, newest first.
 */
export function mount(root: HTMLElement, { api, t, language }: PageContext): MountedPage {
  const ns = { ns: 'checklist' } as const;
  const tc = (key: string, values: Record<string, unknown> = {}) => t(key, { ...ns, ...values });

  const form = el('form', { class: 'checklist', 'data-testid': 'checklist-form', novalidate: '' });
  const progress = el('p', { class: 'detail', 'data-testid': 'checklist-progress' });
  const formError = el('p', { class: 'error', role: 'alert', 'data-testid': 'checklist-error' });
  const submit = el(
    'button',
    { type: 'submit', 'data-testid': 'checklist-submit' },
    tc('ui.submit'),
  );
  const result = el('section', {
    class: 'card checklist-result',
    'aria-labelledby': 'checklist-result-heading',
    'data-testid': 'checklist-result',
    tabindex: '-1',
    hidden: '',
  });
  const historyList = el('ol', { class: 'checklist-history', 'data-testid': 'checklist-history' });
  const historyEmpty = el('p', { class: 'detail', hidden: '' }, tc('ui.history.empty'));

  root.append(
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'checklist-heading' },
      el('h2', { id: 'checklist-heading' }, tc('ui.title')),
      el('p', {}, tc('ui.intro')),
      el(
        'p',
        {},
        el('a', { href: '#health', 'data-testid': 'checklist-health-link' }, tc('ui.painNow')),
      ),
    ),
    form,
    result,
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'checklist-history-heading' },
      el('h2', { id: 'checklist-history-heading' }, tc('ui.history.heading')),
      historyEmpty,
      historyList,
    ),
  );

  let items: ChecklistEntryView[] = [];
  const questionOf = (item: ChecklistEntryView) =>
    item.text ? item.text.question : tc(checklistItemKeys(item.id).question);
  const whyOf = (item: ChecklistEntryView) =>
    item.text ? item.text.why : tc(checklistItemKeys(item.id).why);
  const fixOf = (item: ChecklistEntryView) =>
    item.text ? item.text.fix : tc(checklistItemKeys(item.id).fix);
  const formatDate = (at: number) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

  const answerOf = (id: string): ChecklistAnswer | undefined => {
    const checked = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(id)}"]:checked`);
    return (checked?.value as ChecklistAnswer | undefined) ?? undefined;
  };

  const updateProgress = () => {
    const answered = items.filter((item) => answerOf(item.id) !== undefined).length;
    progress.textContent = tc('ui.progress', { answered, total: items.length });
  };

  const itemFieldset = (item: ChecklistEntryView, index: number) => {
    const legendId = `q-${index}`;
    const fix = el(
      'p',
      { class: 'checklist-fix', 'data-testid': `fix-${item.id}`, hidden: '' },
      el('strong', {}, `${tc('ui.fix')}: `),
      fixOf(item),
    );
    const choices = el(
      'div',
      { class: 'checklist-answers' },
      ...ANSWERS.map(({ value, label }) =>
        el(
          'label',
          {},
          el('input', {
            type: 'radio',
            name: item.id,
            value,
            'data-testid': `answer-${item.id}-${value}`,
          }),
          el('span', {}, tc(label)),
        ),
      ),
    );
    const fieldset = el(
      'fieldset',
      { class: 'checklist-item', 'data-testid': `item-${item.id}` },
      el('legend', { id: legendId }, questionOf(item)),
      choices,
      el('p', { class: 'checklist-why' }, el('strong', {}, `${tc('ui.why')}: `), whyOf(item)),
      fix,
      el(
        'p',
        { class: 'checklist-source' },
        item.origin === 'organisation'
          ? `${tc('ui.organisationItem')} · ${tc('ui.source', { source: formatCitations(t, item.source, 'checklist:ui.secondarySource') })}`
          : tc('ui.source', {
              source: formatCitations(t, item.source, 'checklist:ui.secondarySource'),
            }),
      ),
    );
    fieldset.addEventListener('change', () => {
      fix.hidden = answerOf(item.id) !== 'no';
      fieldset.classList.remove('unanswered');
      updateProgress();
    });
    return fieldset;
  };

  const renderForm = () => {
    form.replaceChildren();
    let index = 0;
    for (const area of CHECKLIST_AREAS) {
      const inArea = items.filter((item) => item.area === area);
      if (inArea.length === 0) continue;
      form.append(
        el(
          'section',
          { class: 'card checklist-area', 'aria-labelledby': `area-${area}` },
          el('h3', { id: `area-${area}` }, tc(`ui.area.${area}`)),
          ...inArea.map((item) => itemFieldset(item, index++)),
        ),
      );
    }
    form.append(el('div', { class: 'checklist-actions' }, progress, formError, submit));
    updateProgress();
  };

  const showResult = (view: ChecklistResultView) => {
    const { score } = view;
    const applicable = score.yes + score.no;
    const byId = new Map(items.map((item) => [item.id, item]));
    const fixes = score.fixes.map((id) => {
      const item = byId.get(id);
      return el(
        'li',
        { 'data-testid': `result-fix-${id}` },
        el('strong', {}, item ? questionOf(item) : id),
        el('p', {}, item ? fixOf(item) : ''),
      );
    });
    result.replaceChildren(
      el('h2', { id: 'checklist-result-heading' }, tc('ui.result.heading')),
      el('p', { class: 'detail' }, tc('ui.result.checkedAt', { date: formatDate(view.at) })),
      score.percent === null
        ? el('p', { 'data-testid': 'checklist-score' }, tc('ui.noneApplicable'))
        : el(
            'p',
            { class: 'checklist-score', 'data-testid': 'checklist-score' },
            el(
              'span',
              { class: 'checklist-percent' },
              formatPercent(score.percent / 100, language),
            ),
            el('span', {}, tc('ui.score', { count: applicable, yes: score.yes })),
          ),
      el(
        'h3',
        {},
        score.fixes.length === 0
          ? tc('ui.fixes.none')
          : tc('ui.fixes.heading', { count: score.fixes.length }),
      ),
      el('ol', { class: 'checklist-fixes', 'data-testid': 'checklist-fixes' }, ...fixes),
      el('p', { class: 'detail' }, tc('ui.result.again')),
      el('p', {}, el('a', { href: '#health' }, tc('ui.painNow'))),
    );
    result.hidden = false;
  };

  const renderHistory = (history: ChecklistResultView[]) => {
    if (history.length === 0) {
      historyList.replaceChildren();
      historyEmpty.hidden = false;
      return;
    }
    historyEmpty.hidden = true;
    historyList.replaceChildren(
      ...history.map((entry) => {
        const date = formatDate(entry.at);
        const line =
          entry.score.percent === null
            ? tc('ui.history.entryNoScore', { date })
            : tc('ui.history.entry', {
                date,
                percent: formatPercent(entry.score.percent / 100, language),
              });
        const notes: string[] = [];
        if (entry.progress?.fixed.length) {
          notes.push(tc('ui.history.fixed', { count: entry.progress.fixed.length }));
        }
        if (entry.progress?.newProblems.length) {
          notes.push(tc('ui.history.newProblems', { count: entry.progress.newProblems.length }));
        }
        return el(
          'li',
          { 'data-testid': 'checklist-history-entry' },
          line,
          ...(notes.length ? [el('span', { class: 'detail' }, ` · ${notes.join(' · ')}`)] : []),
        );
      }),
    );
  };

  const loadHistory = async () => renderHistory(await api.call('getChecklistHistory'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    formError.textContent = '';
    const open = items.filter((item) => answerOf(item.id) === undefined);
    for (const item of items) {
      form
        .querySelector(`[data-testid="item-${CSS.escape(item.id)}"]`)
        ?.classList.toggle('unanswered', open.includes(item));
    }
    const first = open[0];
    if (first) {
      formError.textContent = tc('ui.unanswered', { count: open.length });
      form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(first.id)}"]`)?.focus();
      return;
    }
    const answers = Object.fromEntries(items.map((item) => [item.id, answerOf(item.id)!]));
    submit.disabled = true;
    try {
      const reply = await api.call('submitChecklist', { answers });
      if (!reply.ok) {
        formError.textContent = tc('ui.failed', { reason: refusalText(t, reply) });
        return;
      }
      showResult(reply.result);
      result.focus();
      await loadHistory();
    } catch (failure) {
      formError.textContent = tc('ui.failed', { reason: (failure as Error).message });
    } finally {
      submit.disabled = false;
    }
  });

  void api.call('getChecklist').then(({ items: list }) => {
    items = list;
    renderForm();
    root.setAttribute('aria-busy', 'false');
  });
  void loadHistory();

  return {};
}
