import { html, nothing } from 'lit-html';
import type { ChecklistEntryView, ChecklistResultView } from '../../../src/contract/contract';
import {
  CHECKLIST_AREAS,
  type ChecklistAnswer,
  checklistItemKeys,
} from '../../../src/contract/guides';
import { refusalText } from '../../../src/contract/i18n';
import { formatPercent } from '../format';
import { litRoot } from '../lit-root';
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
  const out = litRoot(root);
  const ns = { ns: 'checklist' } as const;
  const tc = (key: string, values: Record<string, unknown> = {}) => t(key, { ...ns, ...values });

  let items: ChecklistEntryView[] | null = null;
  const answers = new Map<string, ChecklistAnswer>();
  /** Items the person tried to submit without answering. */
  let unanswered = new Set<string>();
  let formError = '';
  let busy = false;
  let result: ChecklistResultView | null = null;
  let history: ChecklistResultView[] | null = null;

  const questionOf = (item: ChecklistEntryView) =>
    item.text ? item.text.question : tc(checklistItemKeys(item.id).question);
  const whyOf = (item: ChecklistEntryView) =>
    item.text ? item.text.why : tc(checklistItemKeys(item.id).why);
  const fixOf = (item: ChecklistEntryView) =>
    item.text ? item.text.fix : tc(checklistItemKeys(item.id).fix);
  const formatDate = (at: number) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const percent = (value: number) => formatPercent(value / 100, language);

  const answer = (item: ChecklistEntryView, value: ChecklistAnswer) => {
    answers.set(item.id, value);
    unanswered.delete(item.id);
    draw();
  };

  const sourceLine = (item: ChecklistEntryView) => {
    const source = tc('ui.source', {
      source: formatCitations(t, item.source, 'checklist:ui.secondarySource'),
    });
    return item.origin === 'organisation' ? `${tc('ui.organisationItem')} · ${source}` : source;
  };

  const itemFieldset = (item: ChecklistEntryView, index: number) => html`
    <fieldset class="checklist-item ${unanswered.has(item.id) ? 'unanswered' : ''}"
      data-testid="item-${item.id}">
      <legend id="q-${index}">${questionOf(item)}</legend>
      <div class="checklist-answers">
        ${ANSWERS.map(
          ({ value, label }) => html`<label><input type="radio" name=${item.id} .value=${value}
            .checked=${answers.get(item.id) === value} data-testid="answer-${item.id}-${value}"
            @change=${() => answer(item, value)} /><span>${tc(label)}</span></label>`,
        )}
      </div>
      <p class="checklist-why"><strong>${tc('ui.why')}: </strong>${whyOf(item)}</p>
      <p class="checklist-fix" data-testid="fix-${item.id}" ?hidden=${answers.get(item.id) !== 'no'}>
        <strong>${tc('ui.fix')}: </strong>${fixOf(item)}
      </p>
      <p class="checklist-source">${sourceLine(item)}</p>
    </fieldset>
  `;

  const formBody = (list: ChecklistEntryView[]) => {
    let index = 0;
    return html`
      ${CHECKLIST_AREAS.map((area) => {
        const inArea = list.filter((item) => item.area === area);
        if (inArea.length === 0) return nothing;
        return html`<section class="card checklist-area" aria-labelledby="area-${area}">
          <h3 id="area-${area}">${tc(`ui.area.${area}`)}</h3>
          ${inArea.map((item) => itemFieldset(item, index++))}
        </section>`;
      })}
      <div class="checklist-actions">
        <p class="detail" data-testid="checklist-progress">
          ${tc('ui.progress', {
            answered: list.filter((item) => answers.has(item.id)).length,
            total: list.length,
          })}
        </p>
        <p class="error" role="alert" data-testid="checklist-error">${formError}</p>
        <button type="submit" data-testid="checklist-submit" ?disabled=${busy}>
          ${tc('ui.submit')}
        </button>
      </div>
    `;
  };

  const resultBody = (view: ChecklistResultView) => {
    const { score } = view;
    const byId = new Map((items ?? []).map((item) => [item.id, item]));
    return html`
      <h2 id="checklist-result-heading">${tc('ui.result.heading')}</h2>
      <p class="detail">${tc('ui.result.checkedAt', { date: formatDate(view.at) })}</p>
      ${
        score.percent === null
          ? html`<p data-testid="checklist-score">${tc('ui.noneApplicable')}</p>`
          : html`<p class="checklist-score" data-testid="checklist-score">
              <span class="checklist-percent">${percent(score.percent)}</span>
              <span>${tc('ui.score', { count: score.yes + score.no, yes: score.yes })}</span>
            </p>`
      }
      <h3>
        ${
          score.fixes.length === 0
            ? tc('ui.fixes.none')
            : tc('ui.fixes.heading', { count: score.fixes.length })
        }
      </h3>
      <ol class="checklist-fixes" data-testid="checklist-fixes">
        ${score.fixes.map((id) => {
          const item = byId.get(id);
          return html`<li data-testid="result-fix-${id}">
            <strong>${item ? questionOf(item) : id}</strong>
            <p>${item ? fixOf(item) : ''}</p>
          </li>`;
        })}
      </ol>
      <p class="detail">${tc('ui.result.again')}</p>
      <p><a href="#health">${tc('ui.painNow')}</a></p>
    `;
  };

  const historyEntry = (entry: ChecklistResultView) => {
    const date = formatDate(entry.at);
    const line =
      entry.score.percent === null
        ? tc('ui.history.entryNoScore', { date })
        : tc('ui.history.entry', { date, percent: percent(entry.score.percent) });
    const notes: string[] = [];
    if (entry.progress?.fixed.length) {
      notes.push(tc('ui.history.fixed', { count: entry.progress.fixed.length }));
    }
    if (entry.progress?.newProblems.length) {
      notes.push(tc('ui.history.newProblems', { count: entry.progress.newProblems.length }));
    }
    return html`<li data-testid="checklist-history-entry">${line}${
      notes.length ? html`<span class="detail"> · ${notes.join(' · ')}</span>` : nothing
    }</li>`;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!items) return;
    const list = items;
    formError = '';
    const open = list.filter((item) => !answers.has(item.id));
    unanswered = new Set(open.map((item) => item.id));
    const first = open[0];
    if (first) {
      formError = tc('ui.unanswered', { count: open.length });
      draw();
      root.querySelector<HTMLInputElement>(`input[name="${CSS.escape(first.id)}"]`)?.focus();
      return;
    }
    busy = true;
    draw();
    try {
      const reply = await api.call('submitChecklist', {
        answers: Object.fromEntries(answers),
      });
      if (!reply.ok) {
        formError = tc('ui.failed', { reason: refusalText(t, reply) });
        return;
      }
      result = reply.result;
      draw();
      root.querySelector<HTMLElement>('[data-testid="checklist-result"]')?.focus();
      await loadHistory();
    } catch (failure) {
      formError = tc('ui.failed', { reason: (failure as Error).message });
    } finally {
      busy = false;
      draw();
    }
  };

  const draw = () =>
    out.draw(html`
      <section class="card" aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">${tc('ui.title')}</h2>
        <p>${tc('ui.intro')}</p>
        <p><a href="#health" data-testid="checklist-health-link">${tc('ui.painNow')}</a></p>
      </section>
      <form class="checklist" data-testid="checklist-form" novalidate @submit=${submit}>
        ${items ? formBody(items) : nothing}
      </form>
      <section class="card checklist-result" aria-labelledby="checklist-result-heading"
        data-testid="checklist-result" tabindex="-1" ?hidden=${result === null}>
        ${result ? resultBody(result) : nothing}
      </section>
      <section class="card" aria-labelledby="checklist-history-heading">
        <h2 id="checklist-history-heading">${tc('ui.history.heading')}</h2>
        <p class="detail" ?hidden=${history === null || history.length > 0}>
          ${tc('ui.history.empty')}
        </p>
        <ol class="checklist-history" data-testid="checklist-history">
          ${(history ?? []).map(historyEntry)}
        </ol>
      </section>
    `);

  const loadHistory = async () => {
    history = await api.call('getChecklistHistory');
    draw();
  };

  draw();
  void api.call('getChecklist').then(({ items: list }) => {
    items = list;
    draw();
    root.setAttribute('aria-busy', 'false');
  });
  void loadHistory();

  return { unmount: () => out.clear() };
}
