import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app/app';
import type { SettingsStore } from '../../../src/app/ports';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { followLoginSetting, type LoginItems } from '../../../src/main/login-item';

const memoryStore = (): SettingsStore => {
  let saved: Record<string, unknown> = {};
  return { load: () => saved, save: (s) => (saved = s) };
};
const appWith = () =>
  createApp({
    clock: new VirtualClock(Date.parse('2026-11-23T09:30:00+01:00')),
    settingsStore: memoryStore(),
    history: { append() {}, read: () => [], clear() {}, compact: () => ({ kept: 0, dropped: 0 }) },
    timeZone: 'Europe/Berlin',
  });
const fakeLogin = (isPackaged = true) => {
  const calls: boolean[] = [];
  let current = false;
  const login: LoginItems = {
    isPackaged,
    getLoginItemSettings: () => ({ openAtLogin: current }),
    setLoginItemSettings: ({ openAtLogin }) => {
      calls.push(openAtLogin);
      current = openAtLogin;
    },
  };
  return { login, calls };
};
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('start at login', () => {
  it('registers a login item on macOS and Windows, and follows the setting', () => {
    const app = appWith();
    const { login, calls } = fakeLogin();
    followLoginSetting(app, login, {
      platform: 'darwin',
      env: {},
      executable: '/Applications/Unhunch.app',
    });
    expect(calls).toEqual([true]);
    app.context.settings.update({ startup: { openAtLogin: false } });
    app.context.settings.update({ strictMode: true });
    expect(calls).toEqual([true, false]);
    app.dispose();
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const config = mkdtempSync(join(tmpdir(), 'unhunch-autostart-'));
    dirs.push(config);
    const app = appWith();
    const { login, calls } = fakeLogin();
    followLoginSetting(app, login, {
      platform: 'linux',
      env: { XDG_CONFIG_HOME: config },
      executable: '/opt/Unhunch/unhunch',
    });
    const entry = join(config, 'autostart', 'unhunch.desktop');
    expect(readFileSync(entry, 'utf8')).toContain('Exec="/opt/Unhunch/unhunch"');
    app.context.settings.update({ startup: { openAtLogin: false } });
    expect(existsSync(entry)).toBe(false);
    expect(calls).toEqual([]);
    app.dispose();
  });

  it('leaves a development build alone', () => {
    const app = appWith();
    const { login, calls } = fakeLogin(false);
    followLoginSetting(app, login, { platform: 'win32', env: {}, executable: 'electron.exe' });
    expect(calls).toEqual([]);
    app.dispose();
  });
});
