import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARM_AFTER_MS, mount } from '../../renderer/src/pages/break';
import type { BreakPayload } from '../../src/contract/contract';
import { pageContext, scriptedApi, settle } from './page-harness';

const NOW = new Date(2026, 11, 4, 14, 0, 0).getTime();

function microBreak(): BreakPayload {
  return {
    phase: 'start',
    kind: 'micro',
    startedAt: NOW,
    endsAt: NOW + 30_000,
    exercises: [],
    postponesLeft: 2,
    skipsLeft: null,
    strictMode: false,
    now: NOW,
  };
}

/** A long break of five one-minute exercises: each new one starts on a whole minute. */
function routineOnTheMinute(): BreakPayload {
  const exercises = [1, 2, 3, 4, 5].map((n) => ({
    id: `exercise-${n}`,
    title: `Exercise ${n}`,
    target: 'upper-back' as const,
    targetLabel: 'Upper back',
    place: 'standing' as const,
    breakKinds: ['long' as const],
    dose: { kind: 'hold' as const, seconds: 60, reps: 1 },
    doseText: 'Hold for 60 seconds',
    seconds: 60,
    steps: ['Stand tall.'],
    safety: 'Stop if it hurts.',
    source: 'test',
    origin: 'built-in' as const,
  }));
  return { ...microBreak(), kind: 'long', endsAt: NOW + 5 * 60_000, exercises };
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('the break page', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers({
      now: NOW,
      toFake: [
        'setTimeout',
        'clearTimeout',
        'Date',
        'requestAnimationFrame',
        'cancelAnimationFrame',
      ],
    });
    root = document.createElement('div');
    document.body.replaceChildren(root);
  });
  afterEach(() => {
    setVisibility('visible');
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  async function showBreak() {
    const api = scriptedApi({
      getCurrentBreak: microBreak(),
      postponeBreak: { ok: true },
      skipBreak: { ok: true },
    });
    const page = mount(root, await pageContext(api));
    await settle();
    return { api, page };
  }

  it('gives the focus to the break, so Enter or Space typed for the work window does nothing', async () => {
    const { api, page } = await showBreak();
    expect(document.activeElement?.textContent).toBe('Micro break');
    for (const key of ['Enter', ' ', 'p', 's']) {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }
    await settle();
    expect(api.calls.map((c) => c.name)).toEqual(['getCurrentBreak']);
    // Once armed, the access key does what it says.
    await vi.advanceTimersByTimeAsync(ARM_AFTER_MS);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true }));
    await settle();
    expect(api.calls.map((c) => c.name)).toContain('postponeBreak');
    page.unmount?.();
  });

  it('stops its countdown while hidden and picks it up when shown again', async () => {
    const { page } = await showBreak();
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame');
    await vi.advanceTimersByTimeAsync(1000);
    expect(frames.mock.calls.length).toBeGreaterThan(10);
    setVisibility('hidden');
    frames.mockClear();
    await vi.advanceTimersByTimeAsync(5000);
    expect(frames).not.toHaveBeenCalled();
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(1000);
    expect(frames.mock.calls.length).toBeGreaterThan(10);
    // 7 s into a 30 s break, the last frame a few ms short of it.
    expect(root.querySelector('[data-testid="break-time"]')?.textContent).toMatch(/^0:2[34]$/);
    page.unmount?.();
  });

  it('says the time left each minute even when each new exercise starts on the minute', async () => {
    const api = scriptedApi({ getCurrentBreak: routineOnTheMinute() });
    const page = mount(root, await pageContext(api));
    await settle();
    const live = root.querySelector('[data-testid="break-live"]')!;
    const heard: string[] = [];
    new MutationObserver(() => {
      if (live.textContent) heard.push(live.textContent);
    }).observe(live, { childList: true, characterData: true, subtree: true });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    // Each name first, then, once it has been heard, the minutes left; in the last
    // minute the marks come every 10 s, so the one that falls on a name (1:00) is let go.
    expect(heard.filter((text) => /^Next: /.test(text))).toHaveLength(4);
    expect(heard.filter((text) => / left$/.test(text))).toEqual([
      '4 minutes left',
      '3 minutes left',
      '2 minutes left',
      '50 seconds left',
      '40 seconds left',
      '30 seconds left',
      '20 seconds left',
      '10 seconds left',
    ]);
    page.unmount?.();
  });
});
