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

/**
 * Makes every Unhunch window (this one, the break windows): `extra` sets its size and
 * frame, never its web preferences. They are written out here, at the one `new
 * BrowserWindow`, so a reader and the static scan (Electronegativity) see them: isolation,
 * sandbox, no Node, no webviews, no middle-click windows. Its contents are locked down
 * before anything loads.
 */
export function createHardenedWindow(
  extra: Omit<BrowserWindowConstructorOptions, 'webPreferences'> = {},
): BrowserWindow {
  const created = new BrowserWindow({
    title: 'Unhunch',
    show: false,
    autoHideMenuBar: true,
    ...extra,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK -- it hands the page only the contract's calls through contextBridge, each validated in main (src/preload/index.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      // A middle click would otherwise ask for a new window (denied below anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  lockDownContents(created.webContents);
  return created;
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
  const created = createHardenedWindow({ width: 720, height: 560 });
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
