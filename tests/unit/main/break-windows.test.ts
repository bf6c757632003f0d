import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../src/app/open';
import type { Logger } from '../../../src/app/ports';
import { createTranslator } from '../../../src/contract/i18n';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import {
  electronFake,
  FakeBrowserWindow,
  FakeNotification,
  fakeDisplays,
  fakeScreen,
  serveFakeRenderer,
} from './electron-fake';

vi.mock('electron', () => electronFake());
serveFakeRenderer();

const { showBreaksOnEveryDisplay } = await import('../../../src/main/break-windows');
const { notifyBreakWarnings } = await import('../../../src/main/notifications');

const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const dirs: string[] = [];

function appWith(settings: Record<string, unknown> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-break-windows-'));
  dirs.push(dataDir);
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ settings }));
  const clock = new VirtualClock(MONDAY_0930_BERLIN);
  const logged: string[] = [];
  const logger: Logger = {
    info: (message) => logged.push(`info ${message}`),
    warn: (message) => logged.push(`warn ${message}`),
    error: (message) => logged.push(`error ${message}`),
  };
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin', logger });
  return { app, clock, logged };
}

/** The break windows open now, as the fakes they are. */
function onScreen(breaks: { open(): unknown[] }): FakeBrowserWindow[] {
  return breaks.open() as FakeBrowserWindow[];
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
      expect(window.loaded).toMatch(/^unhunch:\/\/app\/index\.html#/);
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

  it('covers a display plugged in mid-break and closes the window of one unplugged, in strict mode too', () => {
    const { app, clock } = appWith({ workHours: null, strictMode: true });
    const breaks = showBreaksOnEveryDisplay(app);
    void app.handlers.takeBreakNow(undefined);
    expect(onScreen(breaks)).toHaveLength(2);

    const third = { id: 11, bounds: { x: -1280, y: 0, width: 1280, height: 1024 } };
    fakeScreen.addDisplay(third);
    expect(onScreen(breaks)).toHaveLength(3);
    expect(onScreen(breaks)[2]!.options).toMatchObject(third.bounds);

    fakeScreen.changeDisplay(7, { x: 0, y: 0, width: 1920, height: 1200 });
    expect(onScreen(breaks)[0]!.getBounds()).toEqual({ x: 0, y: 0, width: 1920, height: 1200 });

    const [, second] = onScreen(breaks);
    fakeScreen.removeDisplay(9);
    expect(second!.destroyed).toBe(true);
    expect(onScreen(breaks)).toHaveLength(2);

    clock.advance(31_000);
    expect(onScreen(breaks)).toEqual([]);
    // Between breaks a new display gets nothing.
    fakeScreen.addDisplay({ id: 12, bounds: { x: 0, y: 1080, width: 800, height: 600 } });
    expect(onScreen(breaks)).toEqual([]);
    breaks.dispose();
    app.dispose();
  });

  it('closes its strict-mode windows when disposed, as on quit', () => {
    const { app } = appWith({ workHours: null, strictMode: true });
    const breaks = showBreaksOnEveryDisplay(app);
    void app.handlers.takeBreakNow(undefined);
    const windows = onScreen(breaks);
    windows[0]!.close();
    expect(windows[0]!.destroyed).toBe(false);
    breaks.dispose();
    expect(windows.every((window) => window.destroyed)).toBe(true);
    app.dispose();
  });

  it('shows without focus and focuses the primary display only after a grace, on the app clock', async () => {
    const { app, clock } = appWith({ workHours: null });
    const breaks = showBreaksOnEveryDisplay(app, { focusGraceMs: 1500 });
    const realTimeouts = vi.spyOn(globalThis, 'setTimeout');
    const timersBefore = app.resources().timers;
    await app.handlers.takeBreakNow(undefined);
    const [primary, other] = FakeBrowserWindow.created;
    for (const window of [primary!, other!]) window.emit('ready-to-show');
    expect(primary!.shown).toBe(true);
    expect(primary!.focused).toBe(false);
    // The grace is a timer of the app's clock (one more armed), none of the machine's.
    expect(app.resources().timers).toBe(timersBefore + 1);
    expect(clock.nextTimerAt()).toBe(clock.monotonic() + 1500);
    expect(realTimeouts).not.toHaveBeenCalled();
    realTimeouts.mockRestore();
    clock.advance(1499);
    expect(primary!.focused).toBe(false);
    clock.advance(1);
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

describe('a break window whose renderer dies', () => {
  it('is destroyed and a new window shows #break on the same display, while the break runs on to its end', async () => {
    const { app, clock, logged } = appWith({ workHours: null, strictMode: true });
    const breaks = showBreaksOnEveryDisplay(app);
    await app.handlers.takeBreakNow(undefined);
    const running = app.status().currentBreak;
    expect(running).not.toBeNull();
    clock.advance(10_000);
    const [first, second] = FakeBrowserWindow.created;

    second!.crashRenderer('crashed', 139);

    expect(second!.destroyed).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(3);
    const replacement = FakeBrowserWindow.created[2]!;
    expect(replacement.options).toMatchObject({ ...twoDisplays[1]!.bounds, frame: false });
    expect(replacement.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(replacement.alwaysOnTopLevel).toBe('screen-saver');
    expect(replacement.loadedHash).toBe('break');
    expect(breaks.open()).toEqual([first, replacement]);
    expect(breaks.owns(replacement.webContents as never)).toBe(true);
    expect(breaks.owns(second!.webContents as never)).toBe(false);
    // The app's break runs on: the new page asks for it and gets the same end time.
    expect(app.status().state).toBe('in-break');
    expect(app.status().currentBreak).toEqual(running);
    const asked = await app.handlers.getCurrentBreak(undefined);
    expect(asked).toMatchObject({ phase: 'start', endsAt: running!.endsAt });
    // Still strict: the new window cannot be closed away either.
    replacement.close();
    expect(replacement.destroyed).toBe(false);
    expect(logged).toContain(
      "warn a break window's renderer is gone (crashed, exit code 139): opened a new one on its display",
    );

    clock.advance(running!.endsAt - clock.now() + 1000);
    expect(app.status().state).not.toBe('in-break');
    expect(replacement.destroyed).toBe(true);
    expect(first!.destroyed).toBe(true);
    expect(breaks.open()).toEqual([]);
    expect(FakeBrowserWindow.created).toHaveLength(3);
    breaks.dispose();
    app.dispose();
  });

  it('is not replaced after a clean exit, nor after its break has ended', async () => {
    const { app, clock } = appWith({ workHours: null });
    const breaks = showBreaksOnEveryDisplay(app);
    await app.handlers.takeBreakNow(undefined);
    const [first] = FakeBrowserWindow.created;
    first!.crashRenderer('clean-exit', 0);
    expect(first!.destroyed).toBe(false);
    clock.advance(31_000);
    first!.crashRenderer('crashed', 139);
    expect(FakeBrowserWindow.created).toHaveLength(2);
    expect(breaks.open()).toEqual([]);
    breaks.dispose();
    app.dispose();
  });

  it('hands the focus to the new window after the grace when the crashed one had it', async () => {
    const { app, clock } = appWith({ workHours: null });
    const timersBefore = app.resources().timers;
    const breaks = showBreaksOnEveryDisplay(app, { focusGraceMs: 1500 });
    await app.handlers.takeBreakNow(undefined);
    clock.advance(1500);
    const [primary] = FakeBrowserWindow.created;
    expect(primary!.focused).toBe(true);
    primary!.crashRenderer();
    const replacement = FakeBrowserWindow.created[2]!;
    replacement.emit('ready-to-show');
    expect(replacement.shown).toBe(true);
    expect(replacement.focused).toBe(false);
    clock.advance(1500);
    expect(replacement.focused).toBe(true);
    breaks.dispose();
    // No focus-grace timer left on the app's clock.
    expect(app.resources().timers).toBe(timersBefore);
    app.dispose();
  });

  it('crashing three times within a minute is not replaced again: a notification carries the break to its end', async () => {
    fakeDisplays.splice(0, fakeDisplays.length, twoDisplays[0]!);
    const { app, clock, logged } = appWith({ workHours: null });
    const breaks = showBreaksOnEveryDisplay(app);
    await app.handlers.takeBreakNow(undefined);
    const running = app.status().currentBreak!;
    const shown = await app.handlers.getCurrentBreak(undefined);
    const exercise = shown!.exercises[0]!.title;

    for (const crash of [1, 2]) {
      clock.advance(5_000);
      onScreen(breaks)[0]!.crashRenderer();
      expect(FakeBrowserWindow.created).toHaveLength(crash + 1);
      expect(breaks.open()).toEqual([FakeBrowserWindow.created[crash]]);
    }
    expect(FakeNotification.shown).toHaveLength(0);
    onScreen(breaks)[0]!.crashRenderer('oom', 0);

    expect(breaks.open()).toEqual([]);
    expect(FakeBrowserWindow.created).toHaveLength(3);
    expect(FakeBrowserWindow.created.every((window) => window.destroyed)).toBe(true);
    expect(FakeNotification.shown).toHaveLength(1);
    const [notification] = FakeNotification.shown;
    expect(notification!.options.title).toBe('Micro break');
    expect(String(notification!.options.body).split('\n')).toEqual([
      exercise,
      expect.stringMatching(/^Ends at 9:30\sAM$/),
    ]);
    expect(app.status().state).toBe('in-break');
    expect(app.status().currentBreak).toEqual(running);
    expect(logged.filter((line) => line.includes('renderer'))).toEqual([
      "warn a break window's renderer is gone (crashed, exit code 139): opened a new one on its display",
      "warn a break window's renderer is gone (crashed, exit code 139): opened a new one on its display",
      "error a break window's renderer is gone (oom, exit code 0), 3 times within 60 s: no new window on its display for this break",
    ]);
    // The log says what failed, never what the person was doing.
    for (const line of logged) expect(line).not.toContain(exercise);

    clock.advance(running.endsAt - clock.now() + 1000);
    expect(app.status().state).not.toBe('in-break');
    expect(notification!.closed).toBe(true);
    // The next break tries a window again.
    await app.handlers.takeBreakNow(undefined);
    expect(breaks.open()).toHaveLength(1);
    breaks.dispose();
    app.dispose();
  });

  it('crashing now and then, more than a minute from the third last, is replaced every time', async () => {
    fakeDisplays.splice(0, fakeDisplays.length, twoDisplays[0]!);
    const { app, clock } = appWith({ workHours: null, microBreak: { enabled: false } });
    const breaks = showBreaksOnEveryDisplay(app);
    await app.handlers.takeBreakNow(undefined);
    expect(app.status().currentBreak?.kind).toBe('long');
    for (let crash = 1; crash <= 5; crash++) {
      clock.advance(31_000);
      onScreen(breaks)[0]!.crashRenderer();
      expect(breaks.open()).toEqual([FakeBrowserWindow.created[crash]]);
    }
    expect(FakeNotification.shown).toHaveLength(0);
    expect(app.status().state).toBe('in-break');
    breaks.dispose();
    app.dispose();
  });
});

describe('the break windows over many breaks', () => {
  it('leaves nothing behind after a thousand breaks: no window, no timer, no extra app listener', async () => {
    const { app, clock } = appWith({ workHours: null });
    const before = app.resources();
    const breaks = showBreaksOnEveryDisplay(app);
    const listenersWithBreaks = app.resources().eventListeners;
    expect(listenersWithBreaks).toBe(before.eventListeners + 1);

    let crashes = 0;
    for (let taken = 0; taken < 1000; taken++) {
      expect(await app.handlers.takeBreakNow(undefined)).toMatchObject({ ok: true });
      expect(breaks.open()).toHaveLength(2);
      // Now and then a renderer dies mid-break, and is replaced.
      if (taken % 10 === 0) {
        onScreen(breaks)[1]!.crashRenderer();
        crashes++;
      }
      // Half end on their own, half are skipped; the focus grace has not run out for any.
      if (taken % 2 === 0) clock.advance(app.status().currentBreak!.endsAt - clock.now() + 1000);
      else expect(await app.handlers.skipBreak(undefined)).toMatchObject({ ok: true });
      expect(breaks.open()).toEqual([]);
    }

    expect(FakeBrowserWindow.created).toHaveLength(2000 + crashes);
    for (const window of FakeBrowserWindow.created) {
      expect(window.destroyed).toBe(true);
      expect(window.webContents.isDestroyed()).toBe(true);
    }
    expect(FakeNotification.shown).toHaveLength(0);
    // No focus-grace timer left on the app's clock: as many timers as before (the next break).
    expect(app.resources()).toEqual({ ...before, eventListeners: listenersWithBreaks });
    breaks.dispose();
    expect(app.resources()).toEqual(before);
    app.dispose();
  }, 60_000); // A thousand breaks through the real app and its history file take seconds.
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

  it('opens the Unhunch window instead when the system cannot show the warning', async () => {
    const { t } = await createTranslator('en');
    const { app, clock } = appWith();
    const opened: string[] = [];
    const stop = notifyBreakWarnings(app, { t, whenNotShown: () => opened.push('window') });
    clock.advance(19 * 60_000 + 30_000);
    expect(opened).toEqual([]);
    FakeNotification.shown[0]!.fail('no AppUserModelID');
    expect(opened).toEqual(['window']);
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
