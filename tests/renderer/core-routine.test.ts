import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '../../renderer/src/pages/core-routine';
import { EXERCISES } from '../../src/contract/guides';
import { pageContext, scriptedApi, settle } from './page-harness';

describe('the core routine page', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    root = document.createElement('div');
    document.body.replaceChildren(root);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const text = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();

  it('lists the floor exercises, and only those', async () => {
    mount(root, await pageContext(scriptedApi({})));
    const shown = [...root.querySelectorAll<HTMLElement>('article.exercise')].map((a) =>
      a.dataset.testid?.replace('exercise-', ''),
    );
    const floor = EXERCISES.filter((e) => e.place === 'floor').map((e) => e.id);
    expect(shown).toEqual(floor);
    expect(shown).toContain('plank');
  });

  it('counts a plank hold down on the button the keyboard pressed, then waits for a rest', async () => {
    const page = mount(root, await pageContext(scriptedApi({})));
    await settle();
    const start = root.querySelector<HTMLButtonElement>('[data-testid="timer-start-plank"]')!;
    expect(text('timer-plank')).toBe('0:15');
    start.focus();
    start.click();
    expect(text('timer-label-plank')).toBe('Hold 1 of 2');
    expect(start.textContent).toBe('Pause');

    await vi.advanceTimersByTimeAsync(5_100);
    expect(text('timer-plank')).toBe('0:10');
    // The same button, still focused: Space pauses without hunting for it.
    expect(root.querySelector('[data-testid="timer-start-plank"]')).toBe(start);
    expect(document.activeElement).toBe(start);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(text('timer-label-plank')).toContain('Lower down and rest');
    expect(start.textContent).toBe('Start hold 2 of 2');
    // Nothing runs while the person rests.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(text('timer-plank')).toBe('0:15');
    start.click();
    expect(text('timer-label-plank')).toBe('Hold 2 of 2');
    await vi.advanceTimersByTimeAsync(15_100);
    expect(text('timer-label-plank')).toBe('Done. Well done.');
    // The live region said it once.
    expect(root.querySelector('[data-testid="exercise-plank"] [aria-live]')?.textContent).toBe(
      'Done. Well done.',
    );
    page.unmount?.();
    expect(vi.getTimerCount()).toBe(0);
  });
});
