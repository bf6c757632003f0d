import { app, nativeTheme, protocol, session, shell } from 'electron';
import { openApp } from '../app/open';
import { signalSupport } from '../app/platform';
import { shareOneTimer } from '../app/shared-clock';
import { createSystemClock } from '../app/system-clock';
import type { TrayAction } from '../app/tray';
import { followTray } from '../app/tray-refresh';
import { dispatchCall } from '../contract/dispatch';
import type { Clock } from '../core/time/clock';
import { identifyApp } from './app-identity';
import { showBreaksOnEveryDisplay } from './break-windows';
import { startFocusSignals } from './focus-signals';
import { bindContract, pushEvent } from './ipc';
import { followLaunches } from './launch';
import { createMainLogger } from './logging';
import { followLoginSetting } from './login-item';
import { notifyBreakWarnings, notifyCheckinDue, notifyChecklistDue } from './notifications';
import { keepPolicyCurrent, readMachinePolicy } from './policy';
import { systemIdleSeconds, wirePowerSignals } from './power';
import { registerRendererScheme, serveRenderer } from './renderer-protocol';
import { ElectronSettingsStore } from './store';
import { followThemeSetting } from './theme';
import { watchTherapyEnd } from './therapy-alerts';
import { createTray } from './tray';
import { statusNotifierWatcherPresent, tellWhenNoTray } from './tray-host';
import {
  currentWindow,
  hardenSession,
  logWindowFaultsTo,
  rendererOrigins,
  rendererRoot,
  showMainWindow,
} from './window';

/**
 * The Electron host: lifecycle, tray, window, IPC. Every decision is the app's. Importing
 * this starts nothing: src/main/index.ts (the entry) does, as do the bench
 * (bench/host/day.ts) and the whole-host test, with a clock of their own.
 */

/** What must happen as the process loads, before Electron is ready. */
export function beforeReady() {
  if (process.env.UNHUNCH_USER_DATA) app.setPath('userData', process.env.UNHUNCH_USER_DATA);
  identifyApp(app);
  // Privileges can be given to a scheme only before the app is ready.
  registerRendererScheme(protocol);
}

/**
 * Starts the host. Every timer of the process is armed on `clock` (the system's; a
 * counting one in bench/host/day.ts), through one shared timer, so what the app does at the
 * same moment is one wakeup. Returns the app, for the bench.
 */
export async function start(options: { clock?: Clock } = {}) {
  const clock = shareOneTimer(options.clock ?? createSystemClock());
  await app.whenReady();
  serveRenderer(protocol, rendererRoot());
  // A tray app: closing the window must not quit.
  app.on('window-all-closed', () => {});
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  const logger = createMainLogger();
  logWindowFaultsTo(logger);
  const policy = await readMachinePolicy();
  const unhunch = openApp({
    dataDir: app.getPath('userData'),
    StoreClass: ElectronSettingsStore,
    clock,
    idle: systemIdleSeconds,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    signalSupport: signalSupport({ platform: process.platform, env: process.env }),
    logger,
    policy: policy.startWith,
    // Only https links the app has checked against its allowlist reach this.
    openExternal: (url) => void shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK -- https links on the allowlist only (src/app/features/health.ts)
    // The OS's languages, most preferred first; the app picks the best it speaks.
    systemLanguages: [...app.getPreferredSystemLanguages(), app.getLocale()],
  });
  // The app's words in the language in force: the same `t` follows a change of language.
  const { t } = unhunch;
  const policyWatch = keepPolicyCurrent(policy, unhunch);
  wirePowerSignals(unhunch.timer);

  const breakWindows = showBreaksOnEveryDisplay(unhunch);
  // A warning the system could not show: the window says what is coming instead.
  notifyBreakWarnings(unhunch, { t, whenNotShown: () => showMainWindow() });
  startFocusSignals(unhunch, { t });
  notifyChecklistDue(unhunch, { t, showChecklist: () => showMainWindow('checklist') });
  notifyCheckinDue(unhunch, { t, showCheckin: () => showMainWindow('checkin') });
  followLoginSetting(unhunch, app);
  followThemeSetting(unhunch);
  bindContract(unhunch, {
    isOurWindow: (sender) => sender === currentWindow()?.webContents || breakWindows.owns(sender),
    rendererOrigins: rendererOrigins(),
  });
  watchTherapyEnd(unhunch, { t, showTherapyPage: () => showMainWindow('therapy') });

  // The app decides what each item means: the breaks through the contract's calls.
  const onTrayAction = (action: TrayAction) => {
    if (action.type === 'quit') app.quit();
    else if (action.type === 'open') showMainWindow(action.page);
    else void dispatchCall(unhunch.handlers, action.call.name, action.call.input);
  };
  const tray = createTray(onTrayAction);
  unhunch.onEvent((event, payload) => pushEvent(currentWindow()?.webContents, event, payload));
  // Drawn when its text changes: at the countdown's next minute, on the app's clock.
  const trayRefresh = followTray(unhunch, (model) => tray.update(model));
  nativeTheme.on('updated', trayRefresh.refresh);

  // Quitting (the tray's Quit, macOS logout or shutdown) closes the break windows
  // first: in strict mode they refuse to close, and a refusal would cancel the quit
  // and the logout with it, leaving full-screen windows and no tray.
  app.on('before-quit', () => {
    breakWindows.dispose();
    policyWatch.dispose();
    trayRefresh.dispose();
    unhunch.dispose();
    tray.destroy();
  });

  void tellWhenNoTray(unhunch, {
    platform: process.platform,
    desktop: process.env.XDG_CURRENT_DESKTOP ?? '',
    dataDir: app.getPath('userData'),
    watcher: statusNotifierWatcherPresent,
    showMainWindow: () => showMainWindow(),
  });
  if (process.env.UNHUNCH_E2E === '1') showMainWindow();
  // This launch's command line now, and every later launch's (they focus this one).
  followLaunches(app, unhunch, {
    showMainWindow: () => showMainWindow(),
    logger,
    argv: process.argv,
  });
  return unhunch;
}
