import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '../../renderer/src/pages/status';
import type { Status } from '../../src/contract/contract';
import { runningStatus } from '../unit/app/running-status';
import { pageContext, scriptedApi, settle } from './page-harness';

const MINUTE = 60_000;
// Friday 4 December 2026, 14:00 on this machine's clock.
const FRIDAY_2PM = new Date(2026, 11, 4, 14, 0, 0).getTime();

function statusApi(status: Status) {
  return scriptedApi({
    getStatus: () => status,
    getSignalSupport: { idle: 'reliable', lock: 'events', doNotDisturb: 'unavailable' },
    getFocusSignals: { signals: [] } as never,
    getNotices: [],
    pause: { ok: true },
    resume: { ok: true },
    takeBreakNow: { ok: true },
  });
}

describe('the status page', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers({ now: FRIDAY_2PM });
    root = document.createElement('div');
    document.body.replaceChildren(root);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const detail = () => root.querySelector('[data-testid="status-detail"]')?.textContent ?? '';

  it('redraws when the countdown minute turns, with no timer firing every second', async () => {
    const api = statusApi(runningStatus(FRIDAY_2PM, FRIDAY_2PM + 12 * MINUTE + 30_000));
    const page = mount(root, await pageContext(api));
    await settle();
    expect(detail()).toContain('in 13 minutes');
    expect(detail()).toContain('2:12 PM');

    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    await vi.advanceTimersByTimeAsync(29_000);
    expect(detail()).toContain('in 13 minutes');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(detail()).toContain('in 12 minutes');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(detail()).toContain('in 11 minutes');
    // Two minute turns in 91 seconds: two wakes, not 91.
    expect(timeouts.mock.calls.length).toBeLessThanOrEqual(2);
    page.unmount?.();
  });

  it('sets no timer at all while the page is hidden', async () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      const api = statusApi(runningStatus(FRIDAY_2PM, FRIDAY_2PM + 12 * MINUTE + 30_000));
      const timeouts = vi.spyOn(globalThis, 'setTimeout');
      const page = mount(root, await pageContext(api));
      await settle();
      await vi.advanceTimersByTimeAsync(5 * MINUTE);
      expect(timeouts).not.toHaveBeenCalled();
      page.unmount?.();
    } finally {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    }
  });

  it('names the day of the next break when it is not today', async () => {
    const monday = new Date(2026, 11, 7, 9, 20).getTime();
    const api = statusApi({ ...runningStatus(FRIDAY_2PM, monday), state: 'outside-work-hours' });
    const page = mount(root, await pageContext(api));
    await settle();
    expect(detail()).toBe('Next micro break: Monday, 9:20 AM (in 67 h 20 min)');
    // Outside work hours there is no break to take now.
    expect(root.querySelector('[data-testid="status-take-break"]')).toBeNull();
    page.unmount?.();
  });

  it('offers a break now and the tray’s pause choices, each sent as the contract asks', async () => {
    const api = statusApi(runningStatus(FRIDAY_2PM, FRIDAY_2PM + 20 * MINUTE));
    const page = mount(root, await pageContext(api));
    await settle();
    const button = (id: string) => root.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!;
    expect(button('status-take-break').textContent?.trim()).toBe('Take a break now');
    const labels = [...root.querySelectorAll('[data-testid="pause-choices"] button')].map((b) =>
      b.textContent?.trim(),
    );
    expect(labels).toEqual([
      'For 30 minutes',
      'For 1 hour',
      'For 2 hours',
      "Until tomorrow's work hours",
      'Until I resume',
    ]);
    for (const id of [
      'pause-m30',
      'pause-h1',
      'pause-h2',
      'pause-tomorrow',
      'pause-indefinitely',
    ]) {
      button(id).click();
      await settle();
    }
    button('status-take-break').click();
    await settle();
    expect(api.calls.filter((c) => c.name === 'pause' || c.name === 'takeBreakNow')).toEqual([
      { name: 'pause', input: { minutes: 30 } },
      { name: 'pause', input: { minutes: 60 } },
      { name: 'pause', input: { minutes: 120 } },
      { name: 'pause', input: { untilTomorrow: true } },
      { name: 'pause', input: { indefinitely: true } },
      { name: 'takeBreakNow', input: undefined },
    ]);
    page.unmount?.();
  });
});
