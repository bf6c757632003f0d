// The BUILT main process (out/main/index.js, as the installers ship it) started under the
// strict fake Electron (tests/unit/main/electron-fake.ts), which stands in for the
// `electron` module through a Node resolve hook for every import and require of it, and
// a day gone through on a virtual clock: a break on two displays, a display unplugged
// mid-break, the ice end alert, a quit during a strict-mode break, and a clean shutdown.
// Needs `npm run build` first.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as ElectronFake from '../unit/main/electron-fake';

const projectDir = fileURLToPath(new URL('../../', import.meta.url));
const builtMain = join(projectDir, 'out/main/index.js');
const fakeUrl = pathToFileURL(join(projectDir, 'tests/unit/main/electron-fake.ts')).href;

// Node's own loader (require of an ES module), not Vitest's: the built bundle and the
// fake it imports must be one module instance, and `require('electron')` inside
// electron-log must reach it too.
const nativeRequire = createRequire(import.meta.url);

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: fakeUrl, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

const userData = mkdtempSync(join(tmpdir(), 'unhunch-built-main-'));
const configHome = mkdtempSync(join(tmpdir(), 'unhunch-built-main-xdg-'));

afterAll(() => {
  vi.useRealTimers();
  rmSync(userData, { recursive: true, force: true });
  rmSync(configHome, { recursive: true, force: true });
});

/** Lets real I/O (file reads, the protocol handler) and promise chains settle. */
async function settle(rounds = 20) {
  for (let round = 0; round < rounds; round++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const MINUTE = 60_000;

describe('the built main process under a strict fake Electron', () => {
  it('goes through a day and shuts down cleanly', { timeout: 120_000 }, async () => {
    if (!existsSync(builtMain)) {
      throw new Error('The app is not built (out/main/index.js is missing): run `npm run build`.');
    }
    const fake = nativeRequire(fileURLToPath(fakeUrl)) as typeof ElectronFake;
    const { fakeElectronApp: electronApp, FakeBrowserWindow, FakeNotification } = fake;
    electronApp.ready = false;
    electronApp.isPackaged = true;
    electronApp.appPath = projectDir;
    FakeBrowserWindow.autoReadyToShow = true;
    fake.fakeDisplays.splice(
      0,
      fake.fakeDisplays.length,
      { id: 1, bounds: { x: 0, y: 0, width: 2560, height: 1440 } },
      { id: 2, bounds: { x: 2560, y: 0, width: 1920, height: 1080 } },
    );
    // Work hours off, as a person can set them: reminders run whatever the hour.
    writeFileSync(
      join(userData, 'settings.json'),
      JSON.stringify({ settings: { workHours: null, strictMode: true } }),
    );
    process.env.UNHUNCH_USER_DATA = userData;
    process.env.XDG_CONFIG_HOME = configHome;
    // No session bus to ask about a tray host: the tray is taken to be there.
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/unhunch-test-bus';

    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
      now: Date.parse('2026-11-23T08:00:00Z'),
    });

    nativeRequire(builtMain);
    expect(fake.violations).toEqual([]);
    electronApp.becomeReady();
    // Start-up reads files (settings, policy, history): on a busy machine that takes more
    // turns of the event loop, so wait for the tray by time, with a limit that catches a hang.
    const readyBy = Date.now() + 60_000;
    while (!fake.liveTray() && Date.now() < readyBy) await settle(1);
    const tray = fake.liveTray();
    expect(tray, 'the app made its tray').not.toBeNull();
    expect(tray!.tooltip).toMatch(/Unhunch/);

    // A micro break after 20 minutes, on both displays, each page served by the app's scheme.
    await vi.advanceTimersByTimeAsync(20 * MINUTE);
    let breakWindows = FakeBrowserWindow.getAllWindows();
    expect(breakWindows.map((window) => window.getBounds())).toEqual(
      fake.fakeDisplays.map((display) => display.bounds),
    );
    await Promise.all(breakWindows.map((window) => window.loading));
    await settle();
    expect(breakWindows.map((window) => window.loaded)).toEqual([
      'unhunch://app/index.html#break',
      'unhunch://app/index.html#break',
    ]);
    expect(breakWindows.every((window) => window.shown)).toBe(true);

    // The second display is unplugged mid-break: its window goes, the other stays.
    fake.fakeScreen.removeDisplay(2);
    expect(breakWindows[1]!.isDestroyed()).toBe(true);
    expect(breakWindows[0]!.isDestroyed()).toBe(false);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(FakeBrowserWindow.getAllWindows()).toEqual([]);

    // The tray tells the next break and pauses and resumes through the app's calls; in
    // strict mode it offers no skip.
    expect(tray!.menuItems().find((item) => /^Next break in/.test(item.label ?? ''))).toBeDefined();
    tray!.clickItem('For 1 hour');
    await settle();
    expect(tray!.tooltip).toMatch(/paused until/);
    tray!.clickItem('Resume');
    await settle();
    expect(tray!.tooltip).toMatch(/next break in/);
    expect(tray!.menuItems().some((item) => /Skip/.test(item.label ?? ''))).toBe(false);

    // The person opens Unhunch from the tray and starts an ice pack from its window: the
    // call goes through the IPC sender check with the URL the window really shows.
    tray!.clickItem(/Open Unhunch/);
    const [main] = FakeBrowserWindow.getAllWindows();
    await main!.loading;
    const call = fake.ipcHandlers.get('unhunch:call')!;
    const ask = (name: string, input?: unknown) =>
      call(
        { sender: main!.webContents, senderFrame: { url: main!.webContents.getURL() } },
        name,
        input,
      );
    expect(await ask('startTherapy', { kind: 'ice', minutes: 15 })).toMatchObject({ ok: true });
    main!.close();
    expect(FakeBrowserWindow.getAllWindows()).toEqual([]);

    // Its end is told with every window closed: a notification and the therapy page.
    await vi.advanceTimersByTimeAsync(15 * MINUTE);
    const alert = FakeNotification.shown.find((each) =>
      /ice pack/i.test(String(each.options.title)),
    );
    expect(alert, 'the ice end alert').toBeDefined();
    const [therapyWindow] = FakeBrowserWindow.getAllWindows();
    expect(therapyWindow!.loaded).toBe('unhunch://app/index.html#therapy');
    await therapyWindow!.loading;
    therapyWindow!.close();

    // The tray stays: nothing let it be collected.
    expect(await fake.collectedTrays()).toBe(0);

    // The next break comes (strict mode); the person quits during it from the tray.
    await vi.advanceTimersByTimeAsync(25 * MINUTE);
    breakWindows = FakeBrowserWindow.getAllWindows();
    expect(breakWindows.length).toBeGreaterThan(0);
    breakWindows[0]!.close();
    expect(breakWindows[0]!.isDestroyed(), 'strict mode: the break cannot be closed away').toBe(
      false,
    );
    tray!.clickItem(/Quit/);

    expect(electronApp.quitted).toBe(true);
    expect(FakeBrowserWindow.getAllWindows()).toEqual([]);
    expect(tray!.isDestroyed()).toBe(true);
    expect(fake.violations).toEqual([]);
  });
});
