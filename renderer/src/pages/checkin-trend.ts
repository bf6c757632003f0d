import { html, nothing, render, svg } from 'lit-html';
import type { CheckinWeekView } from '../../../src/contract/contract';
import './checkin.css';
import { weekTable } from './checkin-table';
import type { PageContext } from './index';

/**
 * The statistics page's "upper back, week by week": the weekly check-in's pain and
 * interference beside breaks kept and minutes of heat and ice. A line chart with a
 * text summary, and a table that says everything the chart shows. Mounted by the
 * statistics page into a container of its own; shows nothing while the check-in is off
 * and was never answered. Also holds the "include my check-ins" tick of the CSV export.
 */
export interface CheckinTrend {
  /** Whether the person ticked "include my check-in answers" for the CSV export. */
  includeInExport(): boolean;
  unmount(): void;
}

const CHART = { width: 640, height: 160, left: 28, right: 8, top: 10, bottom: 24 };

export function mountCheckinTrend(
  container: HTMLElement,
  { api, t, language }: Pick<PageContext, 'api' | 't' | 'language'>,
): CheckinTrend {
  const tc = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'checkin', ...values });
  const dayFormat = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const weekLabel = (weekStart: string) => dayFormat.format(Date.parse(`${weekStart}T00:00:00Z`));
  let include = false;

  const chart = (weeks: readonly CheckinWeekView[]) => {
    const plotWidth = CHART.width - CHART.left - CHART.right;
    const plotHeight = CHART.height - CHART.top - CHART.bottom;
    const x = (i: number) =>
      CHART.left + (weeks.length === 1 ? plotWidth / 2 : (i * plotWidth) / (weeks.length - 1));
    const y = (value: number) => CHART.top + plotHeight - (value / 10) * plotHeight;
    const line = (field: 'pain' | 'interference') =>
      weeks
        .map((week, i) => {
          const value = week[field];
          return value === null ? null : `${x(i)},${y(value)}`;
        })
        .filter((point) => point !== null)
        .join(' ');
    return html`<svg
      class="checkin-chart"
      viewBox=${`0 0 ${CHART.width} ${CHART.height}`}
      role="img"
      aria-labelledby="checkin-trend-chart-summary"
    >
      ${[0, 5, 10].map(
        (
          tick,
        ) => svg`<line class="grid" x1=${CHART.left} x2=${CHART.width - CHART.right} y1=${y(tick)} y2=${y(tick)}></line>
          <text class="axis" x=${CHART.left - 6} y=${y(tick) + 4} text-anchor="end">${tick}</text>`,
      )}
      <polyline class="line-pain" points=${line('pain')}></polyline>
      <polyline class="line-interference" points=${line('interference')}></polyline>
      ${weeks.map((week, i) =>
        (['pain', 'interference'] as const).map((field) => {
          const value = week[field];
          return value === null
            ? nothing
            : svg`<circle class=${`dot-${field}`} cx=${x(i)} cy=${y(value)} r="4"></circle>`;
        }),
      )}
      ${weeks.map(
        (week, i) =>
          svg`<text class="axis" x=${x(i)} y=${CHART.height - 6} text-anchor="middle">${weekLabel(week.weekStart)}</text>`,
      )}
    </svg>`;
  };

  const draw = (weeks: readonly CheckinWeekView[], enabled: boolean) => {
    const answered = weeks.filter((week) => week.pain !== null);
    if (!enabled && answered.length === 0) {
      render(nothing, container);
      return;
    }
    const latest = answered.at(-1);
    render(
      html`<section class="card checkin-trend" aria-labelledby="checkin-trend-heading" data-testid="checkin-trend">
        <h2 id="checkin-trend-heading">${tc('trend.heading')}</h2>
        <p class="detail">${tc('trend.intro')}</p>
        ${
          answered.length === 0
            ? html`<p data-testid="checkin-trend-empty">${tc('trend.empty')}</p>`
            : html`${chart(weeks)}
                <p id="checkin-trend-chart-summary" data-testid="checkin-trend-summary">
                  ${tc('trend.summary', {
                    pain: latest?.pain,
                    interference: latest?.interference,
                    week: weekLabel(latest?.weekStart ?? ''),
                  })}
                </p>
                <p class="checkin-legend detail" aria-hidden="true">
                  <span class="key-pain">${tc('trend.pain')}</span>
                  <span class="key-interference">${tc('trend.interference')}</span>
                </p>`
        }
        ${weekTable(weeks, {
          tc,
          weekLabel,
          testId: 'checkin-trend-table',
          caption: tc('trend.heading'),
        })}
        <p class="checkin-trend-actions">
          <a href="#checkin" data-testid="checkin-trend-answer">${tc('trend.answer')}</a>
          <a href="#checkin-summary" data-testid="checkin-trend-summary-link">${tc('summary.link')}</a>
        </p>
        <label class="checkbox">
          <input
            type="checkbox"
            data-testid="checkin-include-export"
            .checked=${include}
            @change=${(event: Event) => {
              include = (event.target as HTMLInputElement).checked;
            }}
          />
          ${tc('trend.includeInExport')}
        </label>
      </section>`,
      container,
    );
  };

  const load = async () => {
    const [weeks, state] = await Promise.all([
      api.call('getCheckinTrend', {}),
      api.call('getCheckin'),
    ]);
    draw(weeks, state.enabled);
  };
  const off = api.on('settings', () => void load());
  void load();
  return {
    includeInExport: () => include,
    unmount: () => {
      off();
      render(nothing, container);
    },
  };
}
