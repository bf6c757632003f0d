import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../src/app/open';
import { dispatchCall } from '../../../src/contract/dispatch';
import { createTranslator } from '../../../src/contract/i18n';
import { MINUTE } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import {
  beeps,
  electronFake,
  FakeBrowserWindow,
  FakeNotification,
  serveFakeRenderer,
} from './electron-fake';

vi.mock('electron', () => electronFake());
serveFakeRenderer();

const { watchTherapyEnd } = await import('../../../src/main/therapy-alerts');
const { currentWindow, showMainWindow } = await import('../../../src/main/window');
const { t } = await createTranslator('en');

const dirs: string[] = [];

function watchedApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-alerts-'));
  dirs.push(dataDir);
  const clock = new VirtualClock(Date.parse('2026-11-24T10:00:00+01:00'));
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin' });
  watchTherapyEnd(app, { t, showTherapyPage: () => showMainWindow('therapy') });
  return { app, clock };
}

beforeEach(() => {
  currentWindow()?.close();
  FakeBrowserWindow.created.length = 0;
  FakeNotification.shown.length = 0;
  FakeNotification.supported = true;
  beeps.length = 0;
});

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the end of a heat or ice session', () => {
  it('shows a notification with sound and opens the therapy page, with no window open before', async () => {
    const { app, clock } = watchedApp();
    expect(currentWindow()).toBeNull();
    expect(await dispatchCall(app.handlers, 'startTherapy', { kind: 'ice', minutes: 15 })).toEqual({
      ok: true,
      value: { ok: true },
    });
    clock.advance(14 * MINUTE);
    expect(FakeNotification.shown).toHaveLength(0);
    expect(currentWindow()).toBeNull();

    clock.advance(MINUTE);
    expect(FakeNotification.shown).toHaveLength(1);
    expect(FakeNotification.shown[0]!.options).toMatchObject({
      title: 'Remove the ice pack now',
      body: 'Your 15-minute ice session is over. Check your skin.',
      silent: false,
    });
    const window = currentWindow() as unknown as FakeBrowserWindow;
    expect(window).not.toBeNull();
    expect(window.loaded).toMatch(/^unhunch:\/\/app\/index\.html#/);
    expect(window.loadedHash).toBe('therapy');
  });

  it('is never lost when the system cannot show the notification: a beep and the end page, in front', async () => {
    const { app, clock } = watchedApp();
    await dispatchCall(app.handlers, 'startTherapy', { kind: 'heat', minutes: 10 });
    clock.advance(10 * MINUTE);
    const window = currentWindow() as unknown as FakeBrowserWindow;
    window.shown = false;
    window.loadedHash = null;
    window.webContents.url = 'unhunch://app/index.html#status';

    FakeNotification.shown[0]!.fail();

    expect(beeps).toHaveLength(1);
    expect(window.shown).toBe(true);
    expect(window.loadedHash).toBe('therapy');
  });

  it('tells once per session, and closes the notification when the person acknowledges', async () => {
    const { app, clock } = watchedApp();
    await dispatchCall(app.handlers, 'startTherapy', { kind: 'heat', minutes: 10 });
    clock.advance(30 * MINUTE);
    await dispatchCall(app.handlers, 'getTherapy', undefined);
    expect(FakeNotification.shown).toHaveLength(1);
    await dispatchCall(app.handlers, 'acknowledgeTherapyEnd', undefined);
    expect(FakeNotification.shown[0]!.closed).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('after sleeping past the end, tells on waking how long ago the session ended', async () => {
    const { app, clock } = watchedApp();
    await dispatchCall(app.handlers, 'startTherapy', { kind: 'ice', minutes: 15 });
    clock.advance(10 * MINUTE);
    app.timer.signal({ type: 'suspend' });
    clock.sleep(17 * MINUTE);
    expect(FakeNotification.shown).toHaveLength(0);
    app.timer.signal({ type: 'resume' });
    expect(FakeNotification.shown[0]!.options).toMatchObject({
      title: 'Remove the ice pack now',
      body: expect.stringContaining('ended 12 minutes ago'),
    });
    expect((currentWindow() as unknown as FakeBrowserWindow).loadedHash).toBe('therapy');
  });

  it('ended while Unhunch was closed (quit, crash, kill -9): tells on start-up how long ago', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-alerts-'));
    dirs.push(dataDir);
    const before = openApp({
      dataDir,
      clock: new VirtualClock(Date.parse('2026-11-24T10:00:00+01:00')),
      timeZone: 'Europe/Berlin',
    });
    await dispatchCall(before.handlers, 'startTherapy', { kind: 'ice', minutes: 15 });
    before.dispose();
    expect(FakeNotification.shown).toHaveLength(0);

    const after = openApp({
      dataDir,
      clock: new VirtualClock(Date.parse('2026-11-24T10:40:00+01:00')),
      timeZone: 'Europe/Berlin',
    });
    watchTherapyEnd(after, { t, showTherapyPage: () => showMainWindow('therapy') });
    expect(FakeNotification.shown).toHaveLength(1);
    expect(FakeNotification.shown[0]!.options).toMatchObject({
      title: 'Remove the ice pack now',
      body: 'Your ice session ended 25 minutes ago, while Unhunch was closed. Take it off and check your skin.',
      silent: false,
    });
    expect((currentWindow() as unknown as FakeBrowserWindow).loadedHash).toBe('therapy');
    // Told once; acknowledging closes it.
    await dispatchCall(after.handlers, 'getTherapy', undefined);
    expect(FakeNotification.shown).toHaveLength(1);
    await dispatchCall(after.handlers, 'acknowledgeTherapyEnd', undefined);
    expect(FakeNotification.shown[0]!.closed).toBe(true);
    after.dispose();
  });

  it('a session still running when Unhunch opens again alerts at its original end, not before', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-alerts-'));
    dirs.push(dataDir);
    const before = openApp({
      dataDir,
      clock: new VirtualClock(Date.parse('2026-11-24T10:00:00+01:00')),
      timeZone: 'Europe/Berlin',
    });
    await dispatchCall(before.handlers, 'startTherapy', { kind: 'heat', minutes: 15 });
    before.dispose();

    const clock = new VirtualClock(Date.parse('2026-11-24T10:05:00+01:00'));
    const after = openApp({ dataDir, clock, timeZone: 'Europe/Berlin' });
    watchTherapyEnd(after, { t, showTherapyPage: () => showMainWindow('therapy') });
    expect(FakeNotification.shown).toHaveLength(0);
    expect(currentWindow()).toBeNull();
    clock.advance(10 * MINUTE);
    expect(FakeNotification.shown[0]!.options).toMatchObject({
      title: 'Remove the heat pack now',
      body: 'Your 15-minute heat session is over. Check your skin.',
    });
    after.dispose();
  });

  it('moves an open window to the therapy page, and beeps where notifications are unsupported', async () => {
    FakeNotification.supported = false;
    const { app, clock } = watchedApp();
    const open = showMainWindow() as unknown as FakeBrowserWindow;
    expect(open.loadedHash).toBeNull();
    await dispatchCall(app.handlers, 'startTherapy', { kind: 'heat', minutes: 5 });
    clock.advance(5 * MINUTE);
    expect(beeps).toHaveLength(1);
    expect(FakeNotification.shown).toHaveLength(0);
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(open.loadedHash).toBe('therapy');
  });
});
