import type { TFunction } from 'i18next';
import type { Status, TherapyState } from '../contract/contract';
import { formatClockTime, formatCountdown } from '../contract/i18n';

export type TrayAction =
  | 'open'
  | 'pause30'
  | 'resume'
  | 'quit'
  | 'therapy-start'
  | 'therapy-stop'
  | 'breathing'
  | 'checklist'
  | 'health';

export interface TrayModel {
  tooltip: string;
  /** Text beside the icon (macOS menu bar): the therapy countdown, or empty. */
  title: string;
  paused: boolean;
  items: { action: TrayAction; label: string }[];
}

/** What the tray shows for a status: decided here, drawn by src/main/tray.ts. */
export function trayModel(
  status: Status,
  t: TFunction,
  language = 'en',
  therapy?: TherapyState,
): TrayModel {
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
  const countdown = therapy ? therapyCountdown(therapy, status.now, t) : null;
  const therapyItems: TrayModel['items'] = !therapy
    ? []
    : therapy.name === 'running'
      ? [{ action: 'therapy-stop', label: t('tray.therapyStop') }]
      : [{ action: 'therapy-start', label: t('tray.therapyStart') }];
  return {
    // A pack on the skin matters more than the next break.
    tooltip: countdown?.tooltip ?? tooltip,
    title: countdown?.title ?? '',
    paused,
    items: [
      { action: 'open', label: t('tray.open') },
      ...therapyItems,
      { action: 'breathing', label: t('tray.breathing') },
      { action: 'checklist', label: t('tray.checklist') },
      { action: 'health', label: t('tray.health') },
      paused
        ? { action: 'resume', label: t('tray.resume') }
        : { action: 'pause30', label: t('tray.pause30') },
      { action: 'quit', label: t('tray.quit') },
    ],
  };
}

/** "Ice · 12 min left" while a session runs; "Ice · take the pack off now" once it ends. */
function therapyCountdown(
  therapy: TherapyState,
  now: number,
  t: TFunction,
): { tooltip: string; title: string } | null {
  if (therapy.name === 'running') {
    const minutes = Math.max(0, Math.ceil((therapy.endsAt - now) / 60_000));
    const kind = t(`tray.therapy.${therapy.kind}`);
    return {
      tooltip: t('tray.tooltip.therapyLeft', { kind, minutes }),
      title: t('tray.title.therapyLeft', { kind, minutes }),
    };
  }
  if (therapy.name === 'ended-awaiting-ack') {
    const kind = t(`tray.therapy.${therapy.kind}`);
    return {
      tooltip: t('tray.tooltip.therapyEnded', { kind }),
      title: t('tray.title.therapyEnded', { kind }),
    };
  }
  return null;
}
