import { html, nothing, svg } from 'lit-html';
import type { StatsReportView } from '../../../src/contract/contract';
import { downloadText } from '../download';
import { formatPercent } from '../format';
import { litRoot } from '../lit-root';
import { mountCheckinTrend } from './checkin-trend';
import type { MountedPage, PageContext } from './index';

/**
 * Statistics from the history on this machine: today, the last 7 and 30 days, the
 * streak, breaks by day and the checklist score over time. The charts are lit-html
 * `svg` templates (a charting library would weigh more than this page may), each
 * with a text summary, and the table below says everything the charts show.
 */

type Period = StatsReportView['today'];
type Day = StatsReportView['daily'][number];

const PERIODS = [7, 30, 90, 365] as const;
const CHART = { width: 640, height: 220, left: 44, right: 8, top: 12, bottom: 28 };
const KINDS = ['taken', 'natural', 'skipped'] as const;
const TABLE_COLUMNS = [
  'date',
  'due',
  'taken',
  'natural',
  'skipped',
  'postponed',
  'compliance',
  'heat',
  'ice',
  'checklist',
] as const;

export function mount(root: HTMLElement, { api, t, language }: PageContext): MountedPage {
  const out = litRoot(root);
  const ts = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'stats', ...values });
  const dayFormat = new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  // Dates are calendar days in the person's zone already: read them as UTC so none shifts.
  const formatDay = (date: string) => dayFormat.format(Date.parse(`${date}T00:00:00Z`));
  const percent = (value: number | null) =>
    value === null ? ts('summary.none') : formatPercent(value / 100, language);
  const minutes = (value: number) => ts('minutes', { count: value });
  const legend = (kind: (typeof KINDS)[number]) =>
    ts(`chart.legend${kind[0]!.toUpperCase()}${kind.slice(1)}`);

  let days: number = 30;
  let report: StatsReportView | null = null;
  let status = '';

  const periodCard = (id: string, title: string, period: Period) => {
    const row = (key: string, value: string) => html`
      <div class="stats-row">
        <dt>${ts(`summary.${key}`)}</dt>
        <dd data-testid="stats-${id}-${key}">${value}</dd>
      </div>`;
    return html`
      <section class="card stats-period" aria-labelledby="stats-${id}-heading"
        data-testid="stats-${id}">
        <h3 id="stats-${id}-heading">${title}</h3>
        <dl>
          ${row('compliance', percent(period.compliancePercent))}
          ${row('taken', String(period.taken))}
          ${row('natural', String(period.natural))}
          ${row('skipped', String(period.skipped))}
          ${row('postponed', String(period.postponed))}
          ${row('heat', minutes(period.heatMinutes))}
          ${row('ice', minutes(period.iceMinutes))}
        </dl>
      </section>`;
  };

  const breaksChart = (daily: Day[]) => {
    const { width, height, left, right, top, bottom } = CHART;
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const most = Math.max(1, ...daily.map((d) => d.taken + d.natural + d.skipped));
    const scale = (value: number) => (value / most) * plotHeight;
    const slot = plotWidth / Math.max(1, daily.length);
    const gridLines = [0, Math.round(most / 2), most].map((value) => {
      const y = top + plotHeight - scale(value);
      return svg`<line x1=${left} x2=${width - right} y1=${y} y2=${y} class="chart-grid"></line>
        <text x=${left - 6} y=${y + 4} text-anchor="end" class="chart-label">${value}</text>`;
    });
    const bars = daily.map((day, index) => {
      const x = left + index * slot + slot * 0.15;
      const barWidth = Math.max(1, slot * 0.7);
      let base = top + plotHeight;
      const title = `${formatDay(day.date)}: ${day.taken} ${legend('taken')}, ${day.natural} ${legend('natural')}, ${day.skipped} ${legend('skipped')}`;
      return svg`<g><title>${title}</title>${KINDS.map((kind) => {
        const value = day[kind];
        if (value === 0) return nothing;
        const h = scale(value);
        base -= h;
        return svg`<rect x=${x} y=${base} width=${barWidth} height=${h} class="bar-${kind}"></rect>`;
      })}</g>`;
    });
    const labelEvery = Math.max(1, Math.ceil(daily.length / 6));
    const labels = daily.map((day, index) => {
      if (index % labelEvery !== 0 && index !== daily.length - 1) return nothing;
      if (index !== daily.length - 1 && daily.length - 1 - index < labelEvery) return nothing;
      const last = index === daily.length - 1 && index > 0;
      // The first and last labels sit inside the chart's edges, the others under their bar.
      const x = index === 0 ? left : last ? width - right : left + (index + 0.5) * slot;
      const anchor = index === 0 ? 'start' : last ? 'end' : 'middle';
      return svg`<text x=${x} y=${height - 8} text-anchor=${anchor} class="chart-label">${formatDay(day.date)}</text>`;
    });
    const totals = { taken: 0, natural: 0, skipped: 0 };
    for (const day of daily) for (const kind of KINDS) totals[kind] += day[kind];
    return html`
      <h2 id="stats-breaks-heading">${ts('chart.breaksHeading')}</h2>
      <p id="stats-breaks-summary" class="detail" data-testid="stats-breaks-summary">
        ${ts('chart.breaksSummary', { ...totals, days: daily.length })}
      </p>
      <svg viewBox="0 0 ${width} ${height}" role="img" class="chart"
        aria-labelledby="stats-breaks-heading stats-breaks-summary"
        data-testid="stats-breaks-chart">${gridLines}${bars}${labels}</svg>
      <ul class="chart-legend" aria-hidden="true">
        ${KINDS.map((kind) => html`<li><span class="swatch bar-${kind}"></span>${legend(kind)}</li>`)}
      </ul>`;
  };

  const checklistChart = (current: StatsReportView) => {
    const points = current.checklist.flatMap((p) =>
      p.percent === null ? [] : [{ date: p.date, percent: p.percent }],
    );
    const heading = html`<h2 id="stats-checklist-heading">${ts('chart.checklistHeading')}</h2>`;
    const first = points[0];
    const latest = points[points.length - 1];
    if (!first || !latest) {
      return html`${heading}<p class="detail">${ts('chart.checklistNone')}</p>`;
    }
    const { width, height, left, right, top, bottom } = CHART;
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const start = Date.parse(`${current.period.from}T00:00:00Z`);
    const end = Date.parse(`${current.period.to}T00:00:00Z`) + 86_400_000;
    const dayIndex = (date: string) =>
      (Date.parse(`${date}T00:00:00Z`) - start + 43_200_000) / (end - start);
    const xOf = (date: string) => left + dayIndex(date) * plotWidth;
    const yOf = (value: number) => top + plotHeight - (value / 100) * plotHeight;
    const line = points.map((p) => `${xOf(p.date)},${yOf(p.percent)}`).join(' ');
    return html`
      ${heading}
      <p id="stats-checklist-summary" class="detail" data-testid="stats-checklist-summary">
        ${ts('chart.checklistSummary', {
          count: points.length,
          first: `${percent(first.percent)} (${formatDay(first.date)})`,
          latest: `${percent(latest.percent)} (${formatDay(latest.date)})`,
        })}
      </p>
      <svg viewBox="0 0 ${width} ${height}" role="img" class="chart"
        aria-labelledby="stats-checklist-heading stats-checklist-summary"
        data-testid="stats-checklist-chart">
        ${[0, 50, 100].map(
          (value) => svg`<line x1=${left} x2=${width - right} y1=${yOf(value)} y2=${yOf(value)}
              class="chart-grid"></line>
            <text x=${left - 6} y=${yOf(value) + 4} text-anchor="end" class="chart-label">${percent(value)}</text>`,
        )}
        <polyline points=${line} class="chart-line"></polyline>
        ${points.map(
          (point) => svg`<circle cx=${xOf(point.date)} cy=${yOf(point.percent)} r="5"
            class="chart-point"><title>${formatDay(point.date)}: ${percent(point.percent)}</title></circle>`,
        )}
        ${[current.period.from, current.period.to].map(
          (date) => svg`<text x=${xOf(date)} y=${height - 8} class="chart-label"
            text-anchor=${date === current.period.from ? 'start' : 'end'}>${formatDay(date)}</text>`,
        )}
      </svg>`;
  };

  const table = (daily: Day[]) => html`
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="stats-table-caption">
      <table data-testid="stats-table">
        <caption id="stats-table-caption">${ts('table.caption')}</caption>
        <thead>
          <tr>${TABLE_COLUMNS.map((c) => html`<th scope="col">${ts(`table.${c}`)}</th>`)}</tr>
        </thead>
        <tbody>
          ${[...daily].reverse().map(
            (day) => html`<tr data-date=${day.date}>
              <th scope="row">${formatDay(day.date)}</th>
              <td>${day.due}</td><td>${day.taken}</td><td>${day.natural}</td>
              <td>${day.skipped}</td><td>${day.postponed}</td>
              <td>${percent(day.compliancePercent)}</td>
              <td>${day.heatMinutes}</td><td>${day.iceMinutes}</td>
              <td>${percent(day.checklistPercent)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;

  const streak = (current: StatsReportView) => html`
    <h2 id="stats-streak-heading">${ts('streak.heading')}</h2>
    <p class="stats-big" data-testid="stats-streak-current">
      ${ts('streak.current', { count: current.streak.current })}
    </p>
    <p data-testid="stats-streak-longest">
      ${ts('streak.longest', { count: current.streak.longest })}
    </p>
    <p class="detail">
      ${ts('streak.explain', { percent: formatPercent(current.streak.goalPercent / 100, language) })}
    </p>
    <p class="detail">${ts('compliance.explain')}</p>`;

  const hasAnything = (current: StatsReportView) =>
    current.last30.due +
      current.last30.postponed +
      current.last30.heatSessions +
      current.last30.iceSessions >
      0 ||
    current.checklist.length > 0 ||
    current.period.due > 0;

  const draw = () => {
    const current = report;
    const anything = current !== null && hasAnything(current);
    out.draw(html`
      <section class="card" aria-labelledby="stats-heading">
        <h2 id="stats-heading">${ts('heading')}</h2>
        <p class="detail">${ts('intro')}</p>
        <div class="stats-controls">
          <label for="stats-period">${ts('period')}</label>
          <select id="stats-period" data-testid="stats-period" @change=${choosePeriod}>
            ${PERIODS.map(
              (count) => html`<option value=${count} ?selected=${count === days}>
                ${ts('periodDays', { count })}</option>`,
            )}
          </select>
          <button type="button" class="secondary" data-testid="stats-export" @click=${exportCsv}>
            ${ts('export')}
          </button>
        </div>
        <p role="status" class="detail" data-testid="stats-status">${status}</p>
        <!-- Before the first break: what this page will show, instead of 30 rows of zeros. -->
        <div class="notice" data-testid="stats-empty" ?hidden=${current === null || anything}>
          <p>${ts('empty')}</p>
          <ul>
            ${['summary', 'streak', 'chart', 'checklist', 'table'].map(
              (key) => html`<li>${ts(`emptyWill.${key}`)}</li>`,
            )}
          </ul>
        </div>
      </section>
      <div class="stats-summary" ?hidden=${!anything}>
        ${
          current
            ? [
                periodCard('today', ts('summary.today'), current.today),
                periodCard('last7', ts('summary.last7'), current.last7),
                periodCard('last30', ts('summary.last30'), current.last30),
              ]
            : nothing
        }
      </div>
      <section class="card" aria-labelledby="stats-streak-heading" data-testid="stats-streak"
        ?hidden=${!anything}>${current ? streak(current) : nothing}</section>
      <!-- The weekly check-in's trend (issue 22) mounts here, between the streak and the charts. -->
      <div class="stats-trend" data-slot="stats-trend"></div>
      <section class="card" aria-labelledby="stats-breaks-heading" ?hidden=${!anything}>
        ${current ? breaksChart(current.daily) : nothing}
      </section>
      <section class="card" aria-labelledby="stats-checklist-heading" ?hidden=${!anything}>
        ${current ? checklistChart(current) : nothing}
      </section>
      <section class="card stats-table-card" ?hidden=${!anything}>
        ${current ? table(current.daily) : nothing}
      </section>
    `);
  };

  const load = async () => {
    try {
      report = await api.call('getStats', { days });
      status = '';
      draw();
      root.setAttribute('aria-busy', 'false');
    } catch (error) {
      status = ts('loadFailed', { reason: (error as Error).message });
      draw();
    }
  };

  const choosePeriod = (event: Event) => {
    days = Number((event.target as HTMLSelectElement).value);
    void load();
  };
  const exportCsv = async () => {
    try {
      const includeCheckins = checkinTrend.includeInExport();
      const csv = await api.call('exportStatsCsv', { days, includeCheckins });
      const fileName = `unhunch-statistics-${report?.period.to ?? 'today'}.csv`;
      downloadText(fileName, csv, 'text/csv');
      status = ts('exported', { fileName });
    } catch (error) {
      status = ts('loadFailed', { reason: (error as Error).message });
    }
    draw();
  };

  draw();
  // The slot has no bindings inside, so lit-html leaves the trend's own DOM alone.
  const checkinTrend = mountCheckinTrend(
    root.querySelector<HTMLElement>('[data-slot="stats-trend"]')!,
    { api, t, language },
  );
  void load();
  return {
    unmount: () => {
      checkinTrend.unmount();
      out.clear();
    },
  };
}
