import { html, render } from 'lit-html';
import type { CheckinSummary } from '../../../src/contract/contract';
import './checkin.css';
import { weekTable } from './checkin-table';
import type { MountedPage, PageContext } from './index';

/**
 * A summary to take to a GP or physiotherapist: the weeks of check-ins beside breaks
 * kept and heat/ice use, the latest workstation checklist score, and what Unhunch is
 * and is not, in the person's language. "Print or save as PDF" opens the browser's (or
 * Electron's) print dialog; the print stylesheet (checkin.css) leaves out the app's
 * navigation and buttons.
 */
export function mount(root: HTMLElement, { api, t, language }: PageContext): MountedPage {
  const tc = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'checkin', ...values });
  const host = document.createElement('div');
  host.className = 'checkin-summary';
  root.append(host);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
  const weekFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const weekLabel = (weekStart: string) => weekFormat.format(Date.parse(`${weekStart}T00:00:00Z`));

  const draw = (summary: CheckinSummary) => {
    const checklist = summary.latestChecklist;
    render(
      html`<article class="card summary-sheet" aria-labelledby="checkin-summary-heading">
        <h2 id="checkin-summary-heading">${tc('summary.heading')}</h2>
        <p class="detail" data-testid="checkin-summary-made">
          ${tc('summary.made', { date: date.format(summary.generatedAt), weeks: summary.weeks.length })}
        </p>
        <p class="no-print">
          <button type="button" data-testid="checkin-print" @click=${() => window.print()}>
            ${tc('summary.print')}
          </button>
          <a href="#stats">${tc('trend.link')}</a>
        </p>
        <h3>${tc('summary.weeksHeading')}</h3>
        <p class="detail">${tc('summary.scales')}</p>
        ${weekTable(summary.weeks, {
          tc,
          weekLabel,
          testId: 'checkin-summary-table',
          caption: tc('summary.weeksHeading'),
          withRedFlag: true,
        })}
        <h3>${tc('summary.checklistHeading')}</h3>
        <p data-testid="checkin-summary-checklist">
          ${
            checklist === null
              ? tc('summary.noChecklist')
              : checklist.percent === null
                ? tc('summary.checklistNoScore', { date: date.format(checklist.at) })
                : tc('summary.checklist', {
                    percent: checklist.percent,
                    date: date.format(checklist.at),
                  })
          }
        </p>
        <h3>${tc('summary.aboutHeading')}</h3>
        <p data-testid="checkin-summary-about">${tc('summary.about')}</p>
        <p>${tc('summary.isNot')}</p>
      </article>`,
      host,
    );
    root.setAttribute('aria-busy', 'false');
  };

  void api.call('getCheckinSummary', {}).then(draw);
  return {};
}
