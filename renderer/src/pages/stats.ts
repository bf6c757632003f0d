import type { StatsReportView } from '../../../src/contract/contract';
import { el } from '../dom';
import { downloadText } from '../download';
import { formatPercent } from '../format';
import { mountCheckinTrend } from './checkin-trend';
import type { MountedPage, PageContext } from './index';

/**
 * Statistics from the history on this machine: today, the last 7 and 30 days, the
 * streak, breaks by day and the checklist score over time. The charts are plain SVG
 * built with DOM calls (a charting library would weigh more than this page may), each
 * with a text summary, and the table below says everything the charts show.
 */

type Period = StatsReportView['today'];
type Day = StatsReportView['daily'][number];

const SVG = 'http://www.w3.org/2000/svg';
const PERIODS = [7, 30, 90, 365] as const;
const CHART = { width: 640, height: 220, left: 44, right: 8, top: 12, bottom: 28 };

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

export function mount(root: HTMLElement, { api, t, language }: PageContext): MountedPage {
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

  let days: number = 30;
  let report: StatsReportView | null = null;

  const select = el('select', { id: 'stats-period', 'data-testid': 'stats-period' });
  for (const count of PERIODS) {
    const option = el('option', { value: String(count) }, ts('periodDays', { count }));
    if (count === days) option.selected = true;
    select.append(option);
  }
  const exportButton = el(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'stats-export' },
    ts('export'),
  );
  const status = el('p', { role: 'status', class: 'detail', 'data-testid': 'stats-status' });
  // Before the first break: what this page will show, instead of 30 rows of zeros.
  const empty = el(
    'div',
    { class: 'notice', 'data-testid': 'stats-empty', hidden: '' },
    el('p', {}, ts('empty')),
    el(
      'ul',
      {},
      ...['summary', 'streak', 'chart', 'checklist', 'table'].map((key) =>
        el('li', {}, ts(`emptyWill.${key}`)),
      ),
    ),
  );
  const summary = el('div', { class: 'stats-summary' });
  const streak = el('section', {
    class: 'card',
    'aria-labelledby': 'stats-streak-heading',
    'data-testid': 'stats-streak',
  });
  const breaksChart = el('section', { class: 'card', 'aria-labelledby': 'stats-breaks-heading' });
  const checklistChart = el('section', {
    class: 'card',
    'aria-labelledby': 'stats-checklist-heading',
  });
  const table = el('section', { class: 'card stats-table-card' });
  // The weekly check-in's trend (issue 22) goes here, between the streak and the charts.
  const trend = el('div', { class: 'stats-trend', 'data-slot': 'stats-trend' });
  const checkinTrend = mountCheckinTrend(trend, { api, t, language });

  root.append(
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'stats-heading' },
      el('h2', { id: 'stats-heading' }, ts('heading')),
      el('p', { class: 'detail' }, ts('intro')),
      el(
        'div',
        { class: 'stats-controls' },
        el('label', { for: 'stats-period' }, ts('period')),
        select,
        exportButton,
      ),
      status,
      empty,
    ),
    summary,
    streak,
    trend,
    breaksChart,
    checklistChart,
    table,
  );

  const periodCard = (id: string, title: string, period: Period) => {
    const row = (key: string, value: string) =>
      el(
        'div',
        { class: 'stats-row' },
        el('dt', {}, ts(`summary.${key}`)),
        el('dd', { 'data-testid': `stats-${id}-${key}` }, value),
      );
    return el(
      'section',
      {
        class: 'card stats-period',
        'aria-labelledby': `stats-${id}-heading`,
        'data-testid': `stats-${id}`,
      },
      el('h3', { id: `stats-${id}-heading` }, title),
      el(
        'dl',
        {},
        row('compliance', percent(period.compliancePercent)),
        row('taken', String(period.taken)),
        row('natural', String(period.natural)),
        row('skipped', String(period.skipped)),
        row('postponed', String(period.postponed)),
        row('heat', minutes(period.heatMinutes)),
        row('ice', minutes(period.iceMinutes)),
      ),
    );
  };

  const drawBreaks = (daily: Day[]) => {
    const { width, height, left, right, top, bottom } = CHART;
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const most = Math.max(1, ...daily.map((d) => d.taken + d.natural + d.skipped));
    const scale = (value: number) => (value / most) * plotHeight;
    const slot = plotWidth / Math.max(1, daily.length);
    const chart = svg('svg', {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': 'stats-breaks-heading stats-breaks-summary',
      class: 'chart',
      'data-testid': 'stats-breaks-chart',
    });
    for (const value of [0, Math.round(most / 2), most]) {
      const y = top + plotHeight - scale(value);
      chart.append(
        svg('line', { x1: left, x2: width - right, y1: y, y2: y, class: 'chart-grid' }),
        svg(
          'text',
          { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'chart-label' },
          String(value),
        ),
      );
    }
    daily.forEach((day, index) => {
      const x = left + index * slot + slot * 0.15;
      const barWidth = Math.max(1, slot * 0.7);
      let base = top + plotHeight;
      const group = svg(
        'g',
        {},
        svg(
          'title',
          {},
          `${formatDay(day.date)}: ${day.taken} ${ts('chart.legendTaken')}, ${day.natural} ${ts('chart.legendNatural')}, ${day.skipped} ${ts('chart.legendSkipped')}`,
        ),
      );
      for (const [kind, value] of [
        ['taken', day.taken],
        ['natural', day.natural],
        ['skipped', day.skipped],
      ] as const) {
        if (value === 0) continue;
        const h = scale(value);
        base -= h;
        group.append(svg('rect', { x, y: base, width: barWidth, height: h, class: `bar-${kind}` }));
      }
      chart.append(group);
    });
    const labelEvery = Math.max(1, Math.ceil(daily.length / 6));
    daily.forEach((day, index) => {
      if (index % labelEvery !== 0 && index !== daily.length - 1) return;
      if (index !== daily.length - 1 && daily.length - 1 - index < labelEvery) return;
      const last = index === daily.length - 1 && index > 0;
      chart.append(
        svg(
          'text',
          {
            // The first and last labels sit inside the chart's edges, the others under their bar.
            x: index === 0 ? left : last ? width - right : left + (index + 0.5) * slot,
            y: height - 8,
            'text-anchor': index === 0 ? 'start' : last ? 'end' : 'middle',
            class: 'chart-label',
          },
          formatDay(day.date),
        ),
      );
    });
    const totals = daily.reduce(
      (sum, d) => ({
        taken: sum.taken + d.taken,
        natural: sum.natural + d.natural,
        skipped: sum.skipped + d.skipped,
      }),
      { taken: 0, natural: 0, skipped: 0 },
    );
    const legend = el(
      'ul',
      { class: 'chart-legend', 'aria-hidden': 'true' },
      ...(['taken', 'natural', 'skipped'] as const).map((kind) =>
        el(
          'li',
          {},
          el('span', { class: `swatch bar-${kind}` }),
          ts(`chart.legend${kind[0]!.toUpperCase()}${kind.slice(1)}`),
        ),
      ),
    );
    breaksChart.replaceChildren(
      el('h2', { id: 'stats-breaks-heading' }, ts('chart.breaksHeading')),
      el(
        'p',
        { id: 'stats-breaks-summary', class: 'detail', 'data-testid': 'stats-breaks-summary' },
        ts('chart.breaksSummary', { ...totals, days: daily.length }),
      ),
      chart,
      legend,
    );
  };

  const drawChecklist = (current: StatsReportView) => {
    const points = current.checklist.filter((p) => p.percent !== null);
    const heading = el('h2', { id: 'stats-checklist-heading' }, ts('chart.checklistHeading'));
    if (points.length === 0) {
      checklistChart.replaceChildren(
        heading,
        el('p', { class: 'detail' }, ts('chart.checklistNone')),
      );
      return;
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
    const chart = svg('svg', {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': 'stats-checklist-heading stats-checklist-summary',
      class: 'chart',
      'data-testid': 'stats-checklist-chart',
    });
    for (const value of [0, 50, 100]) {
      chart.append(
        svg('line', {
          x1: left,
          x2: width - right,
          y1: yOf(value),
          y2: yOf(value),
          class: 'chart-grid',
        }),
        svg(
          'text',
          { x: left - 6, y: yOf(value) + 4, 'text-anchor': 'end', class: 'chart-label' },
          percent(value),
        ),
      );
    }
    chart.append(
      svg('polyline', {
        points: points.map((p) => `${xOf(p.date)},${yOf(p.percent!)}`).join(' '),
        class: 'chart-line',
      }),
    );
    for (const point of points) {
      chart.append(
        svg(
          'circle',
          { cx: xOf(point.date), cy: yOf(point.percent!), r: 5, class: 'chart-point' },
          svg('title', {}, `${formatDay(point.date)}: ${percent(point.percent)}`),
        ),
      );
    }
    for (const date of [current.period.from, current.period.to]) {
      chart.append(
        svg(
          'text',
          {
            x: xOf(date),
            y: height - 8,
            'text-anchor': date === current.period.from ? 'start' : 'end',
            class: 'chart-label',
          },
          formatDay(date),
        ),
      );
    }
    const first = points[0]!;
    const latest = points[points.length - 1]!;
    checklistChart.replaceChildren(
      heading,
      el(
        'p',
        {
          id: 'stats-checklist-summary',
          class: 'detail',
          'data-testid': 'stats-checklist-summary',
        },
        ts('chart.checklistSummary', {
          count: points.length,
          first: `${percent(first.percent)} (${formatDay(first.date)})`,
          latest: `${percent(latest.percent)} (${formatDay(latest.date)})`,
        }),
      ),
      chart,
    );
  };

  const drawTable = (daily: Day[]) => {
    const columns = [
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
    const cells = (day: Day): string[] => [
      formatDay(day.date),
      String(day.due),
      String(day.taken),
      String(day.natural),
      String(day.skipped),
      String(day.postponed),
      percent(day.compliancePercent),
      String(day.heatMinutes),
      String(day.iceMinutes),
      percent(day.checklistPercent),
    ];
    table.replaceChildren(
      el(
        'div',
        {
          class: 'table-scroll',
          tabindex: '0',
          role: 'region',
          'aria-labelledby': 'stats-table-caption',
        },
        el(
          'table',
          { 'data-testid': 'stats-table' },
          el('caption', { id: 'stats-table-caption' }, ts('table.caption')),
          el(
            'thead',
            {},
            el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, ts(`table.${c}`)))),
          ),
          el(
            'tbody',
            {},
            ...[...daily].reverse().map((day) => {
              const [date, ...rest] = cells(day);
              return el(
                'tr',
                { 'data-date': day.date },
                el('th', { scope: 'row' }, date!),
                ...rest.map((text) => el('td', {}, text)),
              );
            }),
          ),
        ),
      ),
    );
  };

  const render = (current: StatsReportView) => {
    report = current;
    const anything =
      current.last30.due +
        current.last30.postponed +
        current.last30.heatSessions +
        current.last30.iceSessions >
        0 ||
      current.checklist.length > 0 ||
      current.period.due > 0;
    empty.hidden = anything;
    for (const part of [summary, streak, breaksChart, checklistChart, table])
      part.hidden = !anything;
    summary.replaceChildren(
      periodCard('today', ts('summary.today'), current.today),
      periodCard('last7', ts('summary.last7'), current.last7),
      periodCard('last30', ts('summary.last30'), current.last30),
    );
    streak.replaceChildren(
      el('h2', { id: 'stats-streak-heading' }, ts('streak.heading')),
      el(
        'p',
        { class: 'stats-big', 'data-testid': 'stats-streak-current' },
        ts('streak.current', { count: current.streak.current }),
      ),
      el(
        'p',
        { 'data-testid': 'stats-streak-longest' },
        ts('streak.longest', { count: current.streak.longest }),
      ),
      el(
        'p',
        { class: 'detail' },
        ts('streak.explain', {
          percent: formatPercent(current.streak.goalPercent / 100, language),
        }),
      ),
      el('p', { class: 'detail' }, ts('compliance.explain')),
    );
    drawBreaks(current.daily);
    drawChecklist(current);
    drawTable(current.daily);
    root.setAttribute('aria-busy', 'false');
  };

  const load = async () => {
    try {
      render(await api.call('getStats', { days }));
      status.textContent = '';
    } catch (error) {
      status.textContent = ts('loadFailed', { reason: (error as Error).message });
    }
  };

  select.addEventListener('change', () => {
    days = Number(select.value);
    void load();
  });
  exportButton.addEventListener('click', async () => {
    try {
      const includeCheckins = checkinTrend.includeInExport();
      const csv = await api.call('exportStatsCsv', { days, includeCheckins });
      const fileName = `unhunch-statistics-${report?.period.to ?? 'today'}.csv`;
      downloadText(fileName, csv, 'text/csv');
      status.textContent = ts('exported', { fileName });
    } catch (error) {
      status.textContent = ts('loadFailed', { reason: (error as Error).message });
    }
  });
  void load();
  return { unmount: checkinTrend.unmount };
}
