import {
  type BrowserWindow,
  type Display,
  Notification,
  type RenderProcessGoneDetails,
  screen,
  type WebContents,
} from 'electron';
import type { UnhunchApp } from '../app/app';
import type { BreakPayload } from '../contract/contract';
import { formatClockTime } from '../contract/i18n';
import type { TimerHandle } from '../core/time/clock';
import { pushEvent } from './ipc';
import {
  CRASH_LIMIT,
  CRASH_WINDOW_MS,
  type CrashGuard,
  createCrashGuard,
  describeRendererGone,
} from './renderer-crashes';
import { createHardenedWindow, rendererPage } from './window';

/**
 * The break on every display: when the app says a break starts, one frameless window
 * per display covers it, above other windows (the screen-saver level), out of the
 * taskbar; when the break ends they are all destroyed, so no renderer outlives the
 * break. Each loads the renderer's #break page and hears the app's events. Windows
 * appear without focus and take it after a short grace (a timer on the app's clock, like
 * every other), so a person mid-word does not type into the break.
 *
 * A break window whose renderer dies is destroyed and a new one opens on its display:
 * the break itself is the app's and runs on, so the new page shows the same countdown.
 * After CRASH_LIMIT deaths on one display within CRASH_WINDOW_MS no new window is made
 * there; when no break window is left, a notification stands in for the break until it
 * ends, so the person still gets their break. Displays plugged in or out during a break
 * gain or lose their window.
 */
export const FOCUS_GRACE_MS = 1500;

export interface BreakWindows {
  /** Whether `contents` is one of ours, for the IPC sender check. */
  owns(contents: WebContents): boolean;
  /** The break windows open now: none while no break is on screen. */
  open(): BrowserWindow[];
  dispose(): void;
}

interface BreakWindow {
  window: BrowserWindow;
  displayId: number;
}

export function showBreaksOnEveryDisplay(
  app: UnhunchApp,
  options: { focusGraceMs?: number } = {},
): BreakWindows {
  const graceMs = options.focusGraceMs ?? FOCUS_GRACE_MS;
  const { logger, clock } = app.context;
  let windows: BreakWindow[] = [];
  /** The break on screen (its `start` payload), or null between breaks. */
  let shown: BreakPayload | null = null;
  let focusTarget: BrowserWindow | null = null;
  let focusTimer: TimerHandle | null = null;
  let closing = false;
  /** Stands in for the break when its windows kept crashing; held so it is not collected. */
  let fallback: Notification | null = null;
  // Per display and across breaks: a renderer that dies at every break start still stops.
  const crashes = new Map<number, CrashGuard>();
  const crashGuardOf = (displayId: number) => {
    let guard = crashes.get(displayId);
    if (!guard) {
      guard = createCrashGuard({ now: () => app.context.clock.monotonic() });
      crashes.set(displayId, guard);
    }
    return guard;
  };

  const focusAfterGrace = (target: BrowserWindow) => {
    if (focusTimer) clock.cancel(focusTimer);
    focusTarget = target;
    focusTimer = clock.setTimer(clock.monotonic() + graceMs, () => {
      focusTimer = null;
      if (!target.isDestroyed()) target.focus();
    });
  };

  const openOn = (display: Display): BrowserWindow => {
    const { x, y, width, height } = display.bounds;
    const window = createHardenedWindow(
      {
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
      },
      (details) => replaceCrashed(window, details),
    );
    window.setAlwaysOnTop(true, 'screen-saver');
    window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    // Strict mode: the break cannot be closed away; it ends when the app says so.
    window.on('close', (event) => {
      if (shown?.strictMode && !closing) event.preventDefault();
    });
    window.on('closed', () => {
      windows = windows.filter((other) => other.window !== window);
    });
    window.once('ready-to-show', () => window.showInactive());
    void window.loadURL(rendererPage('break'));
    windows.push({ window, displayId: display.id });
    return window;
  };

  const openOnEveryDisplay = () => {
    const primary = screen.getPrimaryDisplay().id;
    let toFocus: BrowserWindow | null = null;
    for (const display of screen.getAllDisplays()) {
      const window = openOn(display);
      if (display.id === primary || !toFocus) toFocus = window;
    }
    if (toFocus) focusAfterGrace(toFocus);
  };

  /** The log says which window failed and how, never which break or exercise was on. */
  const replaceCrashed = (crashed: BrowserWindow, details: RenderProcessGoneDetails) => {
    const entry = windows.find((candidate) => candidate.window === crashed);
    // A window of a break that has ended is closing anyway.
    if (!entry || !shown) return;
    windows = windows.filter((other) => other !== entry);
    crashed.destroy();
    const how = describeRendererGone(details);
    const verdict = crashGuardOf(entry.displayId).crashed();
    const display = screen.getAllDisplays().find((each) => each.id === entry.displayId);
    if (verdict === 'recreate' && display) {
      logger.warn(`a break window's renderer is gone (${how}): opened a new one on its display`);
      const replacement = openOn(display);
      if (focusTarget === crashed) focusAfterGrace(replacement);
      return;
    }
    logger.error(
      display
        ? `a break window's renderer is gone (${how}), ${CRASH_LIMIT} times within ${CRASH_WINDOW_MS / 1000} s: no new window on its display for this break`
        : `a break window's renderer is gone (${how}) and its display with it`,
    );
    if (windows.length === 0) notifyInstead(shown);
  };

  const notifyInstead = (current: BreakPayload) => {
    if (!Notification.isSupported()) {
      logger.error('no break window is left and this system shows no notifications');
      return;
    }
    const { t } = app;
    const first = current.exercises[0];
    const language = app.locale.view().intlLocale;
    const endsAt = formatClockTime(current.endsAt, language, app.context.timeZone);
    fallback = new Notification({
      title: t(`breaks:kind.${current.kind}`),
      body: `${first?.title ?? t('breaks:break.noExercise')}\n${t('breaks:break.endsAt', { time: endsAt })}`,
      silent: !app.context.settings.effective().notifications.sound,
      // It stands in for a window that would stay until the break ends: so does it.
      timeoutType: 'never',
    });
    fallback.show();
  };

  const closeAll = () => {
    if (focusTimer) clock.cancel(focusTimer);
    focusTimer = null;
    focusTarget = null;
    closing = true;
    for (const { window } of [...windows]) if (!window.isDestroyed()) window.close();
    closing = false;
    windows = [];
    fallback?.close();
    fallback = null;
    shown = null;
  };

  // A display plugged in during a break is covered too; an unplugged one's window
  // goes (strict mode or not: nobody can see it), and one that changes size is followed.
  const onDisplayAdded = (_event: unknown, display: Display) => {
    if (shown && !windows.some((each) => each.displayId === display.id)) openOn(display);
  };
  const onDisplayRemoved = (_event: unknown, display: Display) => {
    const gone = windows.filter((each) => each.displayId === display.id);
    windows = windows.filter((each) => each.displayId !== display.id);
    for (const { window } of gone) window.destroy();
    const moveFocus = gone.some(({ window }) => window === focusTarget);
    if (moveFocus && windows[0]) focusAfterGrace(windows[0].window);
  };
  const onDisplayChanged = (_event: unknown, display: Display) => {
    for (const each of windows) {
      if (each.displayId === display.id && !each.window.isDestroyed()) {
        each.window.setBounds(display.bounds);
      }
    }
  };
  screen.on('display-added', onDisplayAdded);
  screen.on('display-removed', onDisplayRemoved);
  screen.on('display-metrics-changed', onDisplayChanged);

  const unsubscribe = app.onEvent((event, payload) => {
    if (event === 'break') {
      const breakShown = payload;
      if (breakShown.phase === 'end') return closeAll();
      const alreadyShown = shown !== null;
      shown = breakShown;
      if (!alreadyShown) openOnEveryDisplay();
    }
    for (const { window } of windows) pushEvent(window.webContents, event, payload);
  });

  return {
    owns: (contents) => windows.some(({ window }) => window.webContents === contents),
    open: () => windows.map(({ window }) => window),
    dispose() {
      unsubscribe();
      screen.off('display-added', onDisplayAdded);
      screen.off('display-removed', onDisplayRemoved);
      screen.off('display-metrics-changed', onDisplayChanged);
      closeAll();
    },
  };
}
