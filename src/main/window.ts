import { join } from 'node:path';
import { BrowserWindow, type Session, shell } from 'electron';

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

export function showMainWindow(): BrowserWindow {
  if (window && !window.isDestroyed()) {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  }
  const created = new BrowserWindow({
    width: 720,
    height: 560,
    title: 'Unhunch',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  created.webContents.on('will-navigate', (event) => event.preventDefault());
  created.webContents.on('will-redirect', (event) => event.preventDefault());
  created.webContents.setWindowOpenHandler(({ url }) => {
    // Only https links leave the app, and only in the user's browser.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  created.once('ready-to-show', () => created.show());
  created.on('closed', () => {
    window = null;
  });
  void created.loadFile(rendererUrl());
  window = created;
  return created;
}

export function currentWindow(): BrowserWindow | null {
  return window && !window.isDestroyed() ? window : null;
}
