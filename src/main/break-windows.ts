import { type BrowserWindow, screen, type WebContents } from 'electron';
import type { UnhunchApp } from '../app/app';
import { pushEvent } from './ipc';
import { createHardenedWindow, rendererUrl } from './window';

/**
 * The break on every display: when the app says a break starts, one frameless window
 * per display covers it, above other windows (the screen-saver level), out of the
 * taskbar; when the break ends they are all destroyed, so no renderer outlives the
 * break. Each loads the renderer's #break page and hears the app's events. Windows
 * appear without focus and take it after a short grace, so a person mid-word does not
 * type into the break.
 */
export const FOCUS_GRACE_MS = 1500;

export interface BreakWindows {
  /** Whether `contents` is one of ours, for the IPC sender check. */
  owns(contents: WebContents): boolean;
  /** The break windows open now: none while no break is on screen. */
  open(): BrowserWindow[];
  dispose(): void;
}

export function showBreaksOnEveryDisplay(
  app: UnhunchApp,
  options: { focusGraceMs?: number } = {},
): BreakWindows {
  const graceMs = options.focusGraceMs ?? FOCUS_GRACE_MS;
  let windows: BrowserWindow[] = [];
  let focusTimer: ReturnType<typeof setTimeout> | null = null;
  let strict = false;
  let closing = false;

  const openOnEveryDisplay = () => {
    if (windows.length > 0) return;
    const primary = screen.getPrimaryDisplay().id;
    let toFocus: BrowserWindow | null = null;
    for (const display of screen.getAllDisplays()) {
      const { x, y, width, height } = display.bounds;
      const window = createHardenedWindow({
        title: 'Unhunch break',
        x,
        y,
        width,
        height,
        frame: false,
        resizable: false,
        movable: false,
        minimizable: false,
        maximizable: false,
        fullscreenable: false,
        skipTaskbar: true,
        alwaysOnTop: true,
        hasShadow: false,
      });
      window.setAlwaysOnTop(true, 'screen-saver');
      window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
      // Strict mode: the break cannot be closed away; it ends when the app says so.
      window.on('close', (event) => {
        if (strict && !closing) event.preventDefault();
      });
      window.on('closed', () => {
        windows = windows.filter((other) => other !== window);
      });
      window.once('ready-to-show', () => window.showInactive());
      void window.loadFile(rendererUrl(), { hash: 'break' });
      windows.push(window);
      if (display.id === primary || !toFocus) toFocus = window;
    }
    focusTimer = setTimeout(() => {
      focusTimer = null;
      if (toFocus && !toFocus.isDestroyed()) toFocus.focus();
    }, graceMs);
  };

  const closeAll = () => {
    if (focusTimer) clearTimeout(focusTimer);
    focusTimer = null;
    closing = true;
    for (const window of [...windows]) if (!window.isDestroyed()) window.close();
    closing = false;
    windows = [];
  };

  const unsubscribe = app.onEvent((event, payload) => {
    if (event === 'break') {
      const shown = payload as { phase: 'start' | 'end'; strictMode: boolean };
      strict = shown.strictMode;
      if (shown.phase === 'start') openOnEveryDisplay();
      else return closeAll();
    }
    for (const window of windows) pushEvent(window.webContents, event, payload);
  });

  return {
    owns: (contents) => windows.some((window) => window.webContents === contents),
    open: () => [...windows],
    dispose() {
      unsubscribe();
      closeAll();
    },
  };
}
