import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../src/app/open';
import { createTranslator } from '../../../src/contract/i18n';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { electronFake, FakeBrowserWindow, FakeNotification, fakeDisplays } from './electron-fake';

vi.mock('electron', () => electronFake());

const { showBreaksOnEveryDisplay } = await import('../../../src/main/break-windows');
const { notifyBreakWarnings } = await import('../../../src/main/notifications');

const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const dirs: string[] = [];

function appWith(settings: Record<string, unknown> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-break-windows-'));
  dirs.push(dataDir);
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ settings }));
  const clock = new VirtualClock(MONDAY_0930_BERLIN);
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin' });
  return { app, clock };
}

const twoDisplays = [
  { id: 7, bounds: { x: 0, y: 0, width: 2560, height: 1440 } },
  { id: 9, bounds: { x: 2560, y: 200, width: 1920, height: 1080 } },
];

beforeEach(() => {
  FakeBrowserWindow.created.length = 0;
  FakeNotification.shown.length = 0;
  fakeDisplays.splice(0, fakeDisplays.length, ...twoDisplays);
});

afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the break windows', () => {
  it('opens no window while no break is on screen', () => {
    const { app, clock } = appWith();
    const breaks = showBreaksOnEveryDisplay(app);
    clock.advance(19 * 60_000);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(breaks.open()).toEqual([]);
    breaks.dispose();
    app.dispose();
  });

  it('covers each of two displays at its bounds during a break and closes both at its end', async () => {
    const { app, clock } = appWith();
    const breaks = showBreaksOnEveryDisplay(app);
    clock.advance(20 * 60_000);
    expect(app.status().state).toBe('in-break');

    const windows = FakeBrowserWindow.created;
    expect(windows).toHaveLength(2);
    expect(windows.map((w) => w.options)).toEqual([
      expect.objectContaining({ ...twoDisplays[0]!.bounds, frame: false, skipTaskbar: true }),
      expect.objectContaining({ ...twoDisplays[1]!.bounds, frame: false, skipTaskbar: true }),
    ]);
    for (const window of windows) {
      expect(window.alwaysOnTopLevel).toBe('screen-saver');
      expect(window.loadedHash).toBe('break');
      expect(window.loaded).toMatch(/renderer[/\\]index\.html$/);
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      });
      expect(breaks.owns(window.webContents as never)).toBe(true);
      // The break windows hear the app's events, starting with this break.
      expect(window.webContents.sent[0]).toEqual([
        'unhunch:event',
        'break',
        expect.objectContaining({ phase: 'start', kind: 'micro' }),
      ]);
    }

    clock.advance(31_000);
    expect(app.status().state).not.toBe('in-break');
    expect(windows.every((window) => window.destroyed)).toBe(true);
    expect(breaks.open()).toEqual([]);
    breaks.dispose();
    app.dispose();
  });

  it('shows without focus and focuses the primary display only after a grace', async () => {
    vi.useFakeTimers();
    const { app } = appWith({ workHours: null });
    const breaks = showBreaksOnEveryDisplay(app, { focusGraceMs: 1500 });
    await app.handlers.takeBreakNow(undefined);
    const [primary, other] = FakeBrowserWindow.created;
    for (const window of [primary!, other!]) window.emit('ready-to-show');
    expect(primary!.shown).toBe(true);
    expect(primary!.focused).toBe(false);
    vi.advanceTimersByTime(1500);
    expect(primary!.focused).toBe(true);
    expect(other!.focused).toBe(false);
    breaks.dispose();
    app.dispose();
  });

  it('cannot be closed away in strict mode, and closes when the break ends', () => {
    const { app, clock } = appWith({ workHours: null, strictMode: true });
    const breaks = showBreaksOnEveryDisplay(app);
    void app.handlers.takeBreakNow(undefined);
    const [window] = FakeBrowserWindow.created;
    window!.close();
    expect(window!.destroyed).toBe(false);
    clock.advance(31_000);
    expect(window!.destroyed).toBe(true);
    breaks.dispose();
    app.dispose();
  });

  it('owns only the windows it created, and closes them when disposed', () => {
    const { app } = appWith({ workHours: null });
    const breaks = showBreaksOnEveryDisplay(app);
    void app.handlers.takeBreakNow(undefined);
    expect(breaks.owns({} as never)).toBe(false);
    breaks.dispose();
    expect(FakeBrowserWindow.created.every((window) => window.destroyed)).toBe(true);
    app.dispose();
  });
});

describe('the warning notification', () => {
  it('says which break comes in how long and what it will show', async () => {
    const { t } = await createTranslator('en');
    const { app, clock } = appWith();
    const stop = notifyBreakWarnings(app, { t });
    const warnings: string[] = [];
    app.onEvent((event, payload) => {
      if (event === 'break-warning')
        warnings.push((payload as { exercises: { title: string }[] }).exercises[0]!.title);
    });
    clock.advance(19 * 60_000 + 30_000);
    expect(FakeNotification.shown).toHaveLength(1);
    const [notification] = FakeNotification.shown;
    expect(notification!.options.title).toBe('Micro break in 30 seconds');
    expect(notification!.options.body).toBe(`Next: ${warnings[0]}`);
    // The break then shows the exercise the notification named.
    const shown: string[] = [];
    app.onEvent((event, payload) => {
      if (event === 'break')
        shown.push((payload as { exercises: { title: string }[] }).exercises[0]!.title);
    });
    clock.advance(30_000);
    expect(shown).toEqual(warnings);
    expect(notification!.closed).toBe(true);
    stop();
    app.dispose();
  });

  it('postpones the break from its Postpone button where the OS has buttons', async () => {
    const { t } = await createTranslator('en');
    const { app, clock } = appWith();
    const stop = notifyBreakWarnings(app, { t });
    clock.advance(19 * 60_000 + 30_000);
    const [notification] = FakeNotification.shown;
    expect(notification!.options.actions).toEqual([
      { type: 'button', text: 'Postpone' },
      { type: 'button', text: 'Skip' },
    ]);
    notification!.emit('action', {}, 0);
    expect(app.status().state).toBe('postponed');
    stop();
    app.dispose();
  });

  it('shows nothing when notifications are off in settings', async () => {
    const { t } = await createTranslator('en');
    const { app, clock } = appWith({ notifications: { enabled: false } });
    const stop = notifyBreakWarnings(app, { t });
    clock.advance(19 * 60_000 + 30_000);
    expect(app.status().state).toBe('warning');
    expect(FakeNotification.shown).toHaveLength(0);
    stop();
    app.dispose();
  });

  it('offers no buttons in strict mode', async () => {
    const { t } = await createTranslator('en');
    const { app, clock } = appWith({ strictMode: true });
    const stop = notifyBreakWarnings(app, { t });
    clock.advance(19 * 60_000 + 30_000);
    expect(FakeNotification.shown[0]!.options.actions).toEqual([]);
    stop();
    app.dispose();
  });
});
