import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  electronFake,
  FakeBrowserWindow,
  fakeElectronApp,
  openedExternally,
  serveFakeRenderer,
} from './electron-fake';

vi.mock('electron', () => electronFake());

const { currentWindow, devRendererOrigin, hardenSession, logWindowFaultsTo, showMainWindow } =
  await import('../../../src/main/window');
serveFakeRenderer();

describe('the Unhunch window', () => {
  beforeEach(() => {
    currentWindow()?.close();
    FakeBrowserWindow.created.length = 0;
    openedExternally.length = 0;
  });

  it('is created isolated, sandboxed and without Node', () => {
    showMainWindow();
    const options = FakeBrowserWindow.created[0]!.options;
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String((options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[/\\]index\.cjs$/,
    );
  });

  it('has no DevTools in the packaged app unless UNHUNCH_DEVTOOLS=1 asks for them', () => {
    fakeElectronApp.isPackaged = true;
    try {
      showMainWindow();
      expect(FakeBrowserWindow.created[0]!.options.webPreferences).toMatchObject({
        devTools: false,
      });
      currentWindow()?.close();
      process.env.UNHUNCH_DEVTOOLS = '1';
      showMainWindow();
      expect(FakeBrowserWindow.created[1]!.options.webPreferences).toMatchObject({
        devTools: true,
      });
    } finally {
      delete process.env.UNHUNCH_DEVTOOLS;
      fakeElectronApp.isPackaged = false;
    }
  });

  it("loads the renderer through the app's own scheme, never file:// (blank inside app.asar)", async () => {
    fakeElectronApp.isPackaged = true;
    try {
      const window = showMainWindow() as unknown as FakeBrowserWindow;
      expect(window.loaded).toBe('unhunch://app/index.html');
      await window.loading;
    } finally {
      fakeElectronApp.isPackaged = false;
    }
  });

  it('under `npm run dev` loads the dev server electron-vite names, for hot reload', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(devRendererOrigin(env, false)).toBe('http://localhost:5173');
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    try {
      const window = showMainWindow('therapy') as unknown as FakeBrowserWindow;
      expect(window.loaded).toBe('http://localhost:5173/index.html#therapy');
    } finally {
      delete process.env.ELECTRON_RENDERER_URL;
    }
  });

  it('never loads a dev server in an installed app, nor one on another machine', () => {
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(
      devRendererOrigin({ ELECTRON_RENDERER_URL: 'http://evil.example:80' }, false),
    ).toBeNull();
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'file:///tmp/x' }, false)).toBeNull();
    expect(devRendererOrigin({}, false)).toBeNull();
  });

  it('refuses navigation away from the app', () => {
    const window = showMainWindow() as unknown as FakeBrowserWindow;
    const event = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    window.webContents.emit('will-navigate', event, 'https://example.com');
    expect(event.prevented).toBe(true);
  });

  it('denies window.open for every address: links go through the checked contract call', () => {
    const window = showMainWindow() as unknown as FakeBrowserWindow;
    const handler = window.webContents.windowOpenHandler!;
    expect(handler({ url: 'https://www.nhs.uk/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openedExternally).toEqual([]);
  });

  it('reloads a crashed renderer so the page picks up where it was', () => {
    const window = showMainWindow('therapy') as unknown as FakeBrowserWindow;
    window.crashRenderer('crashed', 139);
    expect(window.webContents.reloads).toBe(1);
    expect(window.destroyed).toBe(false);
    expect(currentWindow()).toBe(window);
    expect(window.loadedHash).toBe('therapy');
    window.crashRenderer('clean-exit', 0);
    expect(window.webContents.reloads).toBe(1);
  });

  it('closes a window whose renderer crashes three times within a minute instead of reloading it forever, and says so in the log', () => {
    const logged: string[] = [];
    logWindowFaultsTo({
      info: (message) => logged.push(`info ${message}`),
      warn: (message) => logged.push(`warn ${message}`),
      error: (message) => logged.push(`error ${message}`),
    });
    const window = showMainWindow() as unknown as FakeBrowserWindow;
    window.crashRenderer('crashed', 139);
    window.crashRenderer('oom', 0);
    expect(window.webContents.reloads).toBe(2);
    expect(window.destroyed).toBe(false);
    window.crashRenderer('crashed', 139);
    expect(window.webContents.reloads).toBe(2);
    expect(window.destroyed).toBe(true);
    expect(currentWindow()).toBeNull();
    expect(logged).toEqual([
      "warn the main window's renderer is gone (crashed, exit code 139): reloading it",
      "warn the main window's renderer is gone (oom, exit code 0): reloading it",
      "error the main window's renderer is gone (crashed, exit code 139), 3 times within 60 s: closed the window instead of reloading it",
    ]);
    // The tray's Open makes a fresh one.
    expect(showMainWindow()).not.toBe(window);
  });

  it('is reused while open and destroyed when closed, so no renderer idles in the tray', () => {
    const first = showMainWindow();
    expect(showMainWindow()).toBe(first);
    (first as unknown as FakeBrowserWindow).close();
    expect(currentWindow()).toBeNull();
    const second = showMainWindow();
    expect(second).not.toBe(first);
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });

  it('denies every permission request', () => {
    let requestHandler: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: typeof requestHandler) => {
        requestHandler = h;
      },
      setPermissionCheckHandler: (h: typeof checkHandler) => {
        checkHandler = h;
      },
    } as never);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      requestHandler!(null, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler!()).toBe(false);
  });
});
