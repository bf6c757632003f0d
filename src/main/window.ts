import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type RenderProcessGoneDetails,
  type Session,
  type WebContents,
} from 'electron';
import { type Logger, silentLogger } from '../app/ports';
import {
  CRASH_LIMIT,
  CRASH_WINDOW_MS,
  type CrashGuard,
  createCrashGuard,
  describeRendererGone,
  isRendererFault,
} from './renderer-crashes';
import { RENDERER_ORIGIN, rendererPageUrl } from './renderer-protocol';

/**
 * The one Unhunch window: created on demand, destroyed when closed (a tray app keeps
 * no renderer alive while nothing is on screen). Locked down per Electron's security
 * checklist: isolation, sandbox, no Node, no navigation, no new windows.
 */
let window: BrowserWindow | null = null;
let logger: Logger = silentLogger;

/** Where window faults (a renderer that died) are written: the main logger. */
export function logWindowFaultsTo(mainLogger: Logger) {
  logger = mainLogger;
}

export function hardenSession(session: Session) {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The built renderer's folder, served by the `unhunch://` scheme (./renderer-protocol). */
export function rendererRoot(): string {
  return join(import.meta.dirname, '../renderer');
}

/**
 * electron-vite's dev server (`npm run dev`, hot reload), when it set
 * ELECTRON_RENDERER_URL; never in an installed app, and only on this machine, so an
 * environment variable cannot point Unhunch at remote content.
 */
export function devRendererOrigin(
  env: NodeJS.ProcessEnv = process.env,
  packaged = app.isPackaged,
): string | null {
  const given = env.ELECTRON_RENDERER_URL;
  if (!given || packaged) return null;
  try {
    const url = new URL(given);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return local && url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The URL of a renderer page (`page` is its hash: 'break', 'therapy'). */
export function rendererPage(page?: string): string {
  const dev = devRendererOrigin();
  return dev ? `${dev}/index.html${page ? `#${page}` : ''}` : rendererPageUrl(page);
}

/** The origins our pages are served from, for the IPC sender check. */
export function rendererOrigins(): string[] {
  const dev = devRendererOrigin();
  return dev ? [RENDERER_ORIGIN, dev] : [RENDERER_ORIGIN];
}

/**
 * Makes every Unhunch window (this one, the break windows): `extra` sets its size and
 * frame, never its web preferences. They are written out here, at the one `new
 * BrowserWindow`, so a reader and the static scan (Electronegativity) see them: isolation,
 * sandbox, no Node, no webviews, no middle-click windows. Its contents are locked down
 * before anything loads. `onRendererFault` is how the window comes back when its
 * renderer dies (not on a clean exit): each kind of window decides, none forgets.
 */
export function createHardenedWindow(
  extra: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  onRendererFault: (details: RenderProcessGoneDetails) => void,
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
      // No DevTools in the packaged app unless someone debugging asks (docs/security.md).
      devTools: !app.isPackaged || process.env.UNHUNCH_DEVTOOLS === '1',
    },
  });
  lockDownContents(created.webContents);
  created.webContents.on('render-process-gone', (_event, details) => {
    if (isRendererFault(details) && !created.isDestroyed()) onRendererFault(details);
  });
  return created;
}

/**
 * No navigation away from the renderer and no new windows. Links leave the app only
 * through the contract's openExternalLink, which checks them against an allowlist.
 */
export function lockDownContents(contents: WebContents) {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The main window's renderer died: reload it in the same window, which starts a fresh
 * renderer on the same page (its hash included) where the person put the window; the
 * page asks the app for its state again, so nothing is lost. Dying again and again, the
 * window is destroyed instead: the tray's Open makes a new one, if the person wants it.
 */
function recoverMainWindow(
  created: BrowserWindow,
  crashes: CrashGuard,
  details: RenderProcessGoneDetails,
) {
  const how = describeRendererGone(details);
  if (crashes.crashed() === 'recreate') {
    logger.warn(`the main window's renderer is gone (${how}): reloading it`);
    created.webContents.reload();
    return;
  }
  logger.error(
    `the main window's renderer is gone (${how}), ${CRASH_LIMIT} times within ${CRASH_WINDOW_MS / 1000} s: closed the window instead of reloading it`,
  );
  created.destroy();
}

/** Shows the window, on `page` (a page id such as 'therapy') when given. */
export function showMainWindow(page?: string): BrowserWindow {
  if (window && !window.isDestroyed()) {
    // A page change is a same-document hash navigation: the renderer keeps its state.
    if (page && !window.webContents.getURL().endsWith(`#${page}`)) {
      void window.loadURL(rendererPage(page));
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  }
  const crashes = createCrashGuard({ now: () => performance.now() });
  const created = createHardenedWindow({ width: 720, height: 560 }, (details) =>
    recoverMainWindow(created, crashes, details),
  );
  created.once('ready-to-show', () => created.show());
  created.on('closed', () => {
    window = null;
  });
  void created.loadURL(rendererPage(page));
  window = created;
  return created;
}

export function currentWindow(): BrowserWindow | null {
  return window && !window.isDestroyed() ? window : null;
}
