import { join } from 'node:path';
import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type Session,
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

/**
 * No navigation away from the renderer and no new windows. Links leave the app only
 * through the contract's openExternalLink, which checks them against an allowlist.
 * A crashed renderer is reloaded where it was: the page asks the app for its state
 * (a running break, a therapy session) again, so nothing is lost.
 */
export function lockDownContents(contents: WebContents) {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit' && !contents.isDestroyed()) contents.reload();
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
