import { html, nothing } from 'lit-html';
import type { CheckinWeekView } from '../../../src/contract/contract';

/**
 * The week-by-week table of the check-in's trend (statistics page) and of its
 * printable summary: pain and interference beside breaks kept and heat and ice.
 */
export function weekTable(
  weeks: readonly CheckinWeekView[],
  options: {
    tc: (key: string, values?: Record<string, unknown>) => string;
    weekLabel: (weekStart: string) => string;
    testId: string;
    caption: string;
    /** The summary says whether a warning sign was reported that week. */
    withRedFlag?: boolean;
  },
) {
  const { tc, weekLabel, withRedFlag = false } = options;
  const score = (value: number | null) => (value === null ? tc('trend.none') : String(value));
  const redFlag = (week: CheckinWeekView) =>
    week.pain === null ? tc('trend.none') : tc(week.redFlag ? 'yes' : 'no');
  return html`<table class="checkin-table" data-testid=${options.testId}>
    <caption class="visually-hidden">${options.caption}</caption>
    <thead>
      <tr>
        <th scope="col">${tc('trend.week')}</th>
        <th scope="col">${tc('trend.pain')}</th>
        <th scope="col">${tc('trend.interference')}</th>
        ${withRedFlag ? html`<th scope="col">${tc('summary.redFlag')}</th>` : nothing}
        <th scope="col">${tc('trend.breaksKept')}</th>
        <th scope="col">${tc('trend.heat')}</th>
        <th scope="col">${tc('trend.ice')}</th>
      </tr>
    </thead>
    <tbody>
      ${weeks.map(
        (week) => html`<tr data-week=${week.weekStart}>
          <th scope="row">${weekLabel(week.weekStart)}</th>
          <td data-testid="checkin-week-pain">${score(week.pain)}</td>
          <td>${score(week.interference)}</td>
          ${withRedFlag ? html`<td>${redFlag(week)}</td>` : nothing}
          <td>${tc('trend.kept', { kept: week.breaksKept, due: week.breaksDue })}</td>
          <td>${week.heatMinutes}</td>
          <td>${week.iceMinutes}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
