import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '../../renderer/src/pages/settings';
import type { SettingsView } from '../../src/contract/contract';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';
import { pageContext, pageRoot, scriptedApi, settle } from './page-harness';

const view = (locked: string[]): SettingsView => ({
  effective: DEFAULT_SETTINGS as unknown as Record<string, unknown>,
  user: {},
  locked,
  managed: locked.length > 0,
});

describe('the settings page', () => {
  let root: HTMLElement;
  let $: ReturnType<typeof pageRoot>['$'];
  beforeEach(() => {
    ({ root, $ } = pageRoot());
  });

  it('shows every group with its fields, what the organisation locks, and a failed disk', async () => {
    const api = scriptedApi({
      getSettings: view(['strictMode']),
      getNotices: [{ id: 'storage-failed', detail: 'disk full' }],
      getCheckin: { enabled: false } as never,
    });
    const page = mount(root, await pageContext(api));
    await settle();
    const groups = [...root.querySelectorAll('[data-testid^="settings-group-"]')].map((g) =>
      g.getAttribute('data-testid'),
    );
    expect(groups).toEqual([
      'settings-group-breaks',
      'settings-group-workHours',
      'settings-group-therapy',
      'settings-group-notifications',
      'settings-group-startup',
      'settings-group-appearance',
      'settings-group-privacy',
      'settings-group-checkin',
    ]);
    expect($('settings-managed')?.hidden).toBe(false);
    expect($<HTMLInputElement>('setting-strictMode')?.disabled).toBe(true);
    expect($<HTMLInputElement>('setting-naturalBreaks')?.disabled).toBe(false);
    expect($('settings-storage')?.textContent).toContain('disk full');

    // The policy lifted: the app says so and the page follows.
    api.emit('settings', view([]));
    await settle();
    expect($('settings-managed')?.hidden).toBe(true);
    expect($<HTMLInputElement>('setting-strictMode')?.disabled).toBe(false);
    page.unmount?.();
    expect($('settings-status')).toBeNull();
  });

  it('clears the history only after the confirmation, then returns focus to the button', async () => {
    const api = scriptedApi({
      getSettings: view([]),
      getNotices: [],
      getCheckin: { enabled: false } as never,
      clearHistory: { ok: true },
    });
    const page = mount(root, await pageContext(api));
    await settle();
    const dialog = $<HTMLDialogElement>('clear-history-dialog')!;
    $<HTMLButtonElement>('clear-history')!.click();
    expect(dialog.open).toBe(true);
    $<HTMLButtonElement>('clear-history-cancel')!.click();
    expect(dialog.open).toBe(false);
    expect(api.calls.some((c) => c.name === 'clearHistory')).toBe(false);

    $<HTMLButtonElement>('clear-history')!.click();
    $<HTMLButtonElement>('clear-history-confirm')!.click();
    await settle();
    expect(dialog.open).toBe(false);
    expect(api.calls.filter((c) => c.name === 'clearHistory')).toHaveLength(1);
    expect($('settings-status')?.textContent).toBe('Your history was cleared.');
    expect(document.activeElement).toBe($('clear-history'));
    page.unmount?.();
  });
});
