import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../src/app/app';
import type { SettingsStore } from '../../../src/app/ports';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { electronFake, fakeNativeTheme } from './electron-fake';

vi.mock('electron', () => electronFake());
const { followThemeSetting } = await import('../../../src/main/theme');

const memoryStore = (saved: Record<string, unknown> = {}): SettingsStore => ({
  load: () => saved,
  save: (s) => {
    saved = s;
  },
});
const appWith = (store = memoryStore()) =>
  createApp({
    clock: new VirtualClock(Date.parse('2026-11-23T09:30:00+01:00')),
    settingsStore: store,
    history: { append() {}, read: () => [], clear() {}, compact: () => ({ kept: 0, dropped: 0 }) },
    timeZone: 'Europe/Berlin',
  });

describe('the theme setting drives Electron', () => {
  it('follows the system by default, and the chosen theme once one is chosen', () => {
    fakeNativeTheme.systemDark = true;
    fakeNativeTheme.themeSource = 'light';
    const app = appWith();
    followThemeSetting(app);
    expect(fakeNativeTheme.themeSource).toBe('system');
    expect(fakeNativeTheme.shouldUseDarkColors).toBe(true);

    const updated = vi.fn();
    fakeNativeTheme.on('updated', updated);
    app.context.settings.update({ theme: 'light' });
    expect(fakeNativeTheme.themeSource).toBe('light');
    // The tray redraws its icons on 'updated': light ones now.
    expect(updated).toHaveBeenCalledTimes(1);
    expect(fakeNativeTheme.shouldUseDarkColors).toBe(false);
    // Another setting changing leaves the theme alone.
    app.context.settings.update({ strictMode: true });
    expect(updated).toHaveBeenCalledTimes(1);
    app.dispose();
  });

  it('starts with the theme saved in the settings file', () => {
    const app = appWith(memoryStore({ theme: 'dark' }));
    followThemeSetting(app);
    expect(fakeNativeTheme.themeSource).toBe('dark');
    app.dispose();
  });
});
