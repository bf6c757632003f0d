import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '../../renderer/src/pages/breathing';
import { pageContext, pageRoot, scriptedApi } from './page-harness';

describe('the breathing page', () => {
  let root: HTMLElement;
  let $: ReturnType<typeof pageRoot>['$'];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    // Reduced motion: the page looks again once a second instead of every frame.
    vi.spyOn(window, 'matchMedia').mockReturnValue({
      matches: true,
      addEventListener: () => {},
      removeEventListener: () => {},
    } as unknown as MediaQueryList);
    ({ root, $ } = pageRoot());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  const text = (id: string) => $(id)?.textContent?.trim() ?? '';

  it('paces box breathing by the clock, keeps the keyboard on the controls, and stops', async () => {
    const page = mount(root, await pageContext(scriptedApi({})));
    const box = $<HTMLInputElement>('choose-box')!;
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    expect(text('breathing-cue')).toBe('Press Start when you are ready.');
    expect($('breathing-box')?.hasAttribute('hidden')).toBe(false);
    expect($('breathing-shape')?.hidden).toBe(true);

    $<HTMLButtonElement>('breathing-start')!.click();
    expect(document.activeElement).toBe($('breathing-pause'));
    expect($<HTMLButtonElement>('breathing-start')!.disabled).toBe(true);
    const firstCue = text('breathing-cue');
    expect(text('breathing-announce')).toBe(firstCue);
    expect(text('breathing-seconds')).toMatch(/4/);

    // One box side is 4 seconds: after it the cue and the announcement change.
    await vi.advanceTimersByTimeAsync(4_100);
    expect(text('breathing-cue')).not.toBe(firstCue);
    expect(text('breathing-announce')).toBe(text('breathing-cue'));
    expect($('breathing-box-dot')?.getAttribute('cy')).toBe('14.00');

    $<HTMLButtonElement>('breathing-pause')!.click();
    expect(text('breathing-pause')).toBe('Resume');
    const held = text('breathing-seconds');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(text('breathing-seconds')).toBe(held);

    $<HTMLButtonElement>('breathing-stop')!.click();
    expect(document.activeElement).toBe($('breathing-start'));
    expect($<HTMLButtonElement>('breathing-pause')!.disabled).toBe(true);
    expect(text('breathing-announce')).toBe(text('breathing-cue'));
    page.unmount?.();
    expect($('pacer')).toBeNull();
  });

  it('muscle relaxation swaps the length for the muscle groups to skip and lists its cautions', async () => {
    const page = mount(root, await pageContext(scriptedApi({})));
    expect(root.querySelector<HTMLElement>('.breathing-length')?.hidden).toBe(false);
    const pmr = $<HTMLInputElement>('choose-pmr')!;
    pmr.checked = true;
    pmr.dispatchEvent(new Event('change', { bubbles: true }));
    expect(root.querySelector<HTMLElement>('.breathing-length')?.hidden).toBe(true);
    expect(root.querySelector<HTMLElement>('.pmr-skip')?.hidden).toBe(false);
    expect(root.querySelectorAll('[data-testid="breathing-cautions"] li').length).toBeGreaterThan(
      1,
    );
    page.unmount?.();
  });
});
