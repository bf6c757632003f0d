import { pathToFileURL } from 'node:url';
import { app, nativeTheme, session, shell } from 'electron';
import { openApp } from '../app/open';
import { signalSupport } from '../app/platform';
import { type TrayAction, trayModel } from '../app/tray';
import { createSystemClock } from '../core/time/system-clock';
import { showBreaksOnEveryDisplay } from './break-windows';
import { startFocusSignals } from './focus-signals';
import { bindContract, pushEvent } from './ipc';
import { followLaunches, holdSingleInstance } from './launch';
import { createMainLogger } from './logging';
import { followLoginSetting } from './login-item';
import { notifyBreakWarnings, notifyChecklistDue } from './notifications';
import { keepPolicyCurrent, readMachinePolicy } from './policy';
import { systemIdleSeconds, wirePowerSignals } from './power';
import { ElectronSettingsStore } from './store';
import { followThemeSetting } from './theme';
import { watchTherapyEnd } from './therapy-alerts';
import { createTray } from './tray';
import {
  currentWindow,
  hardenSession,
  logWindowFaultsTo,
  rendererUrl,
  showMainWindow,
} from './window';

/** The Electron host: lifecycle, tray, window, IPC. Every decision is the app's. */
if (process.env.UNHUNCH_USER_DATA) app.setPath('userData', process.env.UNHUNCH_USER_DATA);

if (holdSingleInstance(app, process.argv.slice(1))) void start();

async function start() {
  await app.whenReady();
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
    clock: createSystemClock(),
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
  notifyBreakWarnings(unhunch, { t });
  startFocusSignals(unhunch, { t });
  notifyChecklistDue(unhunch, { t, showChecklist: () => showMainWindow('checklist') });
  followLoginSetting(unhunch, app);
  followThemeSetting(unhunch);
  bindContract(unhunch, {
    isOurWindow: (sender) => sender === currentWindow()?.webContents || breakWindows.owns(sender),
    rendererFileUrl: pathToFileURL(rendererUrl()).href,
  });
  watchTherapyEnd(unhunch, { t, showTherapyPage: () => showMainWindow('therapy') });

  const onTrayAction = (action: TrayAction) => {
    if (action === 'open') showMainWindow();
    else if (action === 'pause30') void unhunch.handlers.pause({ minutes: 30 });
    else if (action === 'resume') void unhunch.handlers.resume(undefined);
    // Starting goes through the page: heat or ice, how long, and the safety check.
    else if (action === 'therapy-start') showMainWindow('therapy');
    else if (action === 'therapy-stop') void unhunch.handlers.stopTherapy(undefined);
    else if (action === 'breathing' || action === 'checklist' || action === 'health')
      showMainWindow(action);
    else app.quit();
  };
  const tray = createTray(onTrayAction);
  const refreshTray = () =>
    tray.update(
      trayModel(unhunch.status(), t, unhunch.locale.view().intlLocale, unhunch.therapy().state),
    );
  unhunch.onStatus(() => refreshTray());
  unhunch.onEvent((event, _payload) => {
    if (event === 'therapy' || event === 'locale') refreshTray();
  });
  unhunch.onEvent((event, payload) => pushEvent(currentWindow()?.webContents, event, payload));
  refreshTray();
  // The tooltip counts down in minutes: refresh it once a minute, on the minute.
  const scheduleTrayRefresh = () =>
    setTimeout(
      () => {
        refreshTray();
        scheduleTrayRefresh();
      },
      60_000 - (Date.now() % 60_000),
    );
  scheduleTrayRefresh();
  nativeTheme.on('updated', refreshTray);

  app.on('before-quit', () => {
    policyWatch.dispose();
    unhunch.dispose();
    tray.destroy();
  });

  if (process.env.UNHUNCH_E2E === '1') showMainWindow();
  // This launch's command line now, and every later launch's (they focus this one).
  followLaunches(app, unhunch, {
    showMainWindow: () => showMainWindow(),
    logger,
    argv: process.argv,
  });
}
