import type { Clock } from '../../src/core/time/clock';
import {
  FakeTray,
  fakeElectronApp,
  fakePowerMonitor,
  liveTray,
  serveFakeRenderer,
} from '../../tests/unit/main/electron-fake';

/**
 * What the bench (bench/host/day.ts) and the whole-host test need of the one fake
 * `electron` (tests/unit/main/electron-fake.ts, strict where Electron is): the host
 * started as Electron starts it, the tray's text and how often it was drawn, and the
 * person's idle time. Nothing here relaxes the fake.
 */

let trayDraws = 0;
const setToolTip = FakeTray.prototype.setToolTip;
FakeTray.prototype.setToolTip = function (this: FakeTray, tooltip: string) {
  trayDraws++;
  setToolTip.call(this, tooltip);
};

/** The tray on screen: its tooltip ('' when there is none) and how often it was drawn. */
export const benchTray = {
  tooltip: (): string => liveTray()?.tooltip ?? '',
  draws: (): number => trayDraws,
};

/** Seconds since the last keyboard or mouse input, each time the host asks. */
export function idleAnswers(idle: () => number) {
  Object.defineProperty(fakePowerMonitor, 'idleSeconds', { get: idle, configurable: true });
}

/**
 * The Electron host (src/main/host.ts) as Electron runs it: loaded before the app is
 * ready (the scheme's privileges), started, then ready, on `clock`. The renderer is not
 * built for the bench: its scheme serves a minimal page (the main process's wakeups do
 * not depend on it).
 */
export async function startHost(clock: Clock) {
  const { beforeReady, start } = await import('../../src/main/host');
  fakeElectronApp.ready = false;
  beforeReady();
  const starting = start({ clock });
  fakeElectronApp.becomeReady();
  const app = await starting;
  serveFakeRenderer();
  return app;
}
