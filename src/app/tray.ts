import type { TFunction } from 'i18next';
import type { Status } from '../contract/contract';
import { formatClockTime, formatCountdown } from '../contract/i18n';

export type TrayAction = 'open' | 'pause30' | 'resume' | 'quit';

export interface TrayModel {
  tooltip: string;
  paused: boolean;
  items: { action: TrayAction; label: string }[];
}

/** What the tray shows for a status: decided here, drawn by src/main/tray.ts. */
export function trayModel(status: Status, t: TFunction, language = 'en'): TrayModel {
  const paused = status.state === 'paused';
  let tooltip: string;
  if (paused) {
    tooltip =
      status.pausedUntil === null
        ? t('tray.tooltip.paused')
        : t('tray.tooltip.pausedUntil', { time: formatClockTime(status.pausedUntil, language) });
  } else if (status.state === 'in-break') {
    tooltip = t('tray.tooltip.inBreak');
  } else if (status.state === 'outside-work-hours') {
    tooltip = t('tray.tooltip.outside');
  } else if (status.nextBreak) {
    tooltip = t('tray.tooltip.next', {
      countdown: formatCountdown(t, status.nextBreak.dueAt - status.now),
    });
  } else {
    tooltip = t('tray.tooltip.idle');
  }
  return {
    tooltip,
    paused,
    items: [
      { action: 'open', label: t('tray.open') },
      paused
        ? { action: 'resume', label: t('tray.resume') }
        : { action: 'pause30', label: t('tray.pause30') },
      { action: 'quit', label: t('tray.quit') },
    ],
  };
}
