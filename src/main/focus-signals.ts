import type { TFunction } from 'i18next';
import type { UnhunchApp } from '../app/app';
import { startFocusProvider } from '../app/focus-provider';
import { systemFocusHost } from './focus/host';
import { focusReader } from './focus/reader';
import { notifyGentleBreaks } from './gentle-break-notifications';
import { notifyPostureChanges } from './posture-notifications';

/**
 * Meeting-aware breaks and sit-stand prompts in the Electron host: the focus detectors
 * (./focus), read only while the timer service wants them, and the two kinds of
 * reminder that are notifications only. Returns the function that stops all three.
 */
export function startFocusSignals(app: UnhunchApp, options: { t: TFunction }): () => void {
  const provider = startFocusProvider({
    timer: app.timer,
    deferral: () => app.context.settings.effective().deferral,
    read: focusReader(systemFocusHost()),
    clock: app.context.clock,
    onSupport: (support) => app.focus.reportSupport(support),
  });
  const stopPosture = notifyPostureChanges(app, options);
  const stopGentle = notifyGentleBreaks(app, options);
  return () => {
    provider.stop();
    stopPosture();
    stopGentle();
  };
}
