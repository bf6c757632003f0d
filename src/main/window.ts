import { join } from 'node:path';
import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type Session,
  shell,
  type WebContents,
} from 'electron';

/**
 * The one Unhunch window: created on demand, destroyed when closed (a tray app keeps
 * no renderer alive while nothing is on screen). Locked down per Electron's security
 * checklist: isolation, sandbox, no Node, no navigation, no new windows.
 */
let window: BrowserWindow | null = null;

export function hardenSession(session: Session) {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function rendererUrl(): string {
  return join(import.meta.dirname, '../renderer/index.html');
}

/** The options every Unhunch window is made with (this one, the break windows), plus `extra`. */
export function hardenedWindowOptions(
  extra: BrowserWindowConstructorOptions = {},
): BrowserWindowConstructorOptions {
  return {
    title: 'Unhunch',
    show: false,
    autoHideMenuBar: true,
    ...extra,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** No navigation away from the renderer and no new windows; https links go to the browser. */
export function lockDownContents(contents: WebContents) {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Only https links leave the app, and only in the user's browser.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Shows the window, on `page` (a page id such as 'therapy') when given. */
export function showMainWindow(page?: string): BrowserWindow {
  if (window && !window.isDestroyed()) {
    // A page change is a same-document hash navigation: the renderer keeps its state.
    if (page && !window.webContents.getURL().endsWith(`#${page}`)) {
      void window.loadFile(rendererUrl(), { hash: page });
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  }
  const created = new BrowserWindow(hardenedWindowOptions({ width: 720, height: 560 }));
  lockDownContents(created.webContents);
  created.once('ready-to-show', () => created.show());
  created.on('closed', () => {
    window = null;
  });
  void created.loadFile(rendererUrl(), page ? { hash: page } : undefined);
  window = created;
  return created;
}

export function currentWindow(): BrowserWindow | null {
  return window && !window.isDestroyed() ? window : null;
}
