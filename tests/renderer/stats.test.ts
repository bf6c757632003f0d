import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '../../renderer/src/pages/stats';
import type { StatsReportView } from '../../src/contract/contract';
import { pageContext, pageRoot, scriptedApi, settle } from './page-harness';

const counts = (taken: number, natural: number, skipped: number) => ({
  due: taken + skipped,
  taken,
  skipped,
  postponed: 0,
  natural,
  heatMinutes: 0,
  iceMinutes: 0,
  heatSessions: 0,
  iceSessions: 0,
  compliancePercent: taken + skipped ? Math.round((100 * taken) / (taken + skipped)) : null,
  checklistPercent: null,
});
const period = (from: string, to: string, days: number, c: ReturnType<typeof counts>) => ({
  days,
  from,
  to,
  ...c,
});

function report(days: number): StatsReportView {
  const daily = [
    { date: '2026-12-02', meetsGoal: true, ...counts(4, 1, 0) },
    { date: '2026-12-03', meetsGoal: false, ...counts(1, 0, 3) },
    { date: '2026-12-04', meetsGoal: null, ...counts(0, 0, 0) },
  ];
  const total = counts(5, 1, 3);
  return {
    timeZone: 'UTC',
    generatedAt: 0,
    days,
    today: period('2026-12-04', '2026-12-04', 1, counts(0, 0, 0)),
    last7: period('2026-11-28', '2026-12-04', 7, total),
    last30: period('2026-11-05', '2026-12-04', 30, total),
    period: period('2026-12-02', '2026-12-04', days, total),
    daily,
    streak: { current: 0, longest: 1, goalPercent: 80 },
    checklist: [
      { at: 0, date: '2026-12-02', percent: 40, yes: 2, no: 3, notApplicable: 0 },
      { at: 0, date: '2026-12-04', percent: 80, yes: 4, no: 1, notApplicable: 0 },
    ],
  };
}

describe('the statistics page', () => {
  let root: HTMLElement;
  let $: ReturnType<typeof pageRoot>['$'];
  beforeEach(() => {
    ({ root, $ } = pageRoot());
  });

  it('draws the summary, both charts and the table, keeps the check-in trend across a new period', async () => {
    const api = scriptedApi({
      getStats: (input) => report((input as { days: number }).days),
      getCheckinTrend: [],
      getCheckin: { enabled: true } as never,
    });
    const page = mount(root, await pageContext(api));
    await settle();

    expect($('stats-empty')?.hidden).toBe(true);
    expect($('stats-last7-taken')?.textContent).toBe('5');
    expect($('stats-last7-compliance')?.textContent).toBe('63%');
    // Two days with breaks: taken and natural on the first, taken and skipped on the second.
    const bars = root.querySelectorAll('[data-testid="stats-breaks-chart"] rect');
    expect(bars).toHaveLength(4);
    expect(bars[0]?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.querySelectorAll('[data-testid="stats-checklist-chart"] circle')).toHaveLength(2);
    expect($('stats-checklist-summary')?.textContent).toContain('80%');
    // The table lists the newest day first.
    const rows = root.querySelectorAll('[data-testid="stats-table"] tbody tr');
    expect([...rows].map((row) => row.getAttribute('data-date'))).toEqual([
      '2026-12-04',
      '2026-12-03',
      '2026-12-02',
    ]);
    const slot = root.querySelector('[data-slot="stats-trend"]');
    expect(slot?.querySelector('[data-testid="checkin-trend"]')).not.toBeNull();

    const select = $<HTMLSelectElement>('stats-period')!;
    expect(select.value).toBe('30');
    select.value = '7';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(api.calls.filter((c) => c.name === 'getStats').map((c) => c.input)).toEqual([
      { days: 30 },
      { days: 7 },
    ]);
    expect($('stats-breaks-summary')?.textContent).toContain('3');
    // Redrawing the page leaves the mounted trend where it was.
    expect(root.querySelector('[data-slot="stats-trend"]')).toBe(slot);
    expect(slot?.querySelector('[data-testid="checkin-trend"]')).not.toBeNull();
    page.unmount?.();
    expect(root.querySelector('[data-testid="stats-table"]')).toBeNull();
  });

  it('says what the page will show before the first break', async () => {
    const empty = report(30);
    const zero = counts(0, 0, 0);
    const api = scriptedApi({
      getStats: {
        ...empty,
        last7: { ...empty.last7, ...zero },
        last30: { ...empty.last30, ...zero },
        period: { ...empty.period, ...zero },
        checklist: [],
      },
      getCheckinTrend: [],
      getCheckin: { enabled: false } as never,
    });
    const page = mount(root, await pageContext(api));
    await settle();
    expect($('stats-empty')?.hidden).toBe(false);
    expect($('stats-streak')?.hidden).toBe(true);
    page.unmount?.();
  });
});
