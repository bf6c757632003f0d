import type { TFunction } from 'i18next';
import type { PauseRequestPayload, Status, TherapyState } from '../contract/contract';
import { formatClockTime, formatCountdown } from '../contract/i18n';

/**
 * What a tray item does. A change to the breaks is a contract call, validated and decided
 * by the app like any other; the rest opens a page or quits.
 */
export type TrayCall =
  | { name: 'takeBreakNow' | 'skipBreak' | 'resume' | 'stopTherapy'; input: undefined }
  | { name: 'pause'; input: PauseRequestPayload };

export type TrayAction =
  | { type: 'call'; call: TrayCall }
  /** Shows the window, on `page` when given ('therapy', 'breathing', …). */
  | { type: 'open'; page?: string }
  | { type: 'quit' };

export type TrayItem =
  /** `id` names the item for tests and logs: 'take-break', 'pause-60', 'quit'. */
  | { kind: 'action'; id: string; label: string; action: TrayAction }
  /** A line that only tells (the time to the next break): drawn disabled. */
  | { kind: 'note'; id: string; label: string }
  | { kind: 'submenu'; id: string; label: string; items: TrayItem[] }
  | { kind: 'separator' };

export interface TrayModel {
  tooltip: string;
  /** Text beside the icon (macOS menu bar): the therapy countdown, or empty. */
  title: string;
  paused: boolean;
  items: TrayItem[];
}

/** The pauses the tray offers, as the peer apps do. */
const PAUSES: { id: string; key: string; input: PauseRequestPayload }[] = [
  { id: 'pause-30', key: 'tray.pause30', input: { minutes: 30 } },
  { id: 'pause-60', key: 'tray.pause60', input: { minutes: 60 } },
  { id: 'pause-120', key: 'tray.pause120', input: { minutes: 120 } },
  { id: 'pause-tomorrow', key: 'tray.pauseUntilTomorrow', input: { untilTomorrow: true } },
  { id: 'pause-indefinitely', key: 'tray.pauseIndefinitely', input: { indefinitely: true } },
];

const call = (id: string, label: string, made: TrayCall): TrayItem => ({
  kind: 'action',
  id,
  label,
  action: { type: 'call', call: made },
});

const open = (id: string, label: string, page?: string): TrayItem => ({
  kind: 'action',
  id,
  label,
  action: page ? { type: 'open', page } : { type: 'open' },
});

/** What the breaks are doing, in the menu's words ("Next break in 12 minutes"). */
function statusLine(status: Status, t: TFunction, language: string): string | null {
  if (status.state === 'paused') {
    return status.pausedUntil === null
      ? t('tray.status.paused')
      : t('tray.status.pausedUntil', { time: formatClockTime(status.pausedUntil, language) });
  }
  if (status.state === 'in-break') return t('tray.status.inBreak');
  if (status.state === 'outside-work-hours') return t('tray.status.outside');
  if (status.nextBreak) {
    return t('tray.status.next', {
      countdown: formatCountdown(t, status.nextBreak.dueAt - status.now),
    });
  }
  return null;
}

/** The break items for a status: only what the app would not refuse right now. */
function breakItems(status: Status, t: TFunction): TrayItem[] {
  const { state } = status;
  const items: TrayItem[] = [];
  if (state === 'running' || state === 'warning' || state === 'postponed') {
    items.push(call('take-break', t('tray.takeBreak'), { name: 'takeBreakNow', input: undefined }));
  }
  const skippable = state === 'warning' || state === 'postponed' || state === 'in-break';
  if (skippable && !status.strictMode && status.skipsLeftToday !== 0) {
    items.push(call('skip', t('tray.skip'), { name: 'skipBreak', input: undefined }));
  }
  if (state === 'paused') {
    items.push(call('resume', t('tray.resume'), { name: 'resume', input: undefined }));
  } else if (state !== 'in-break') {
    items.push({
      kind: 'submenu',
      id: 'pause',
      label: t('tray.pause'),
      items: PAUSES.map(({ id, key, input }) => call(id, t(key), { name: 'pause', input })),
    });
  }
  return items;
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
  const therapyItems: TrayItem[] = !therapy
    ? []
    : therapy.name === 'running'
      ? [call('therapy-stop', t('tray.therapyStop'), { name: 'stopTherapy', input: undefined })]
      : // Starting goes through the page: heat or ice, how long, and the safety check.
        [open('therapy-start', t('tray.therapyStart'), 'therapy')];
  const line = statusLine(status, t, language);
  return {
    // A pack on the skin matters more than the next break.
    tooltip: countdown?.tooltip ?? tooltip,
    title: countdown?.title ?? '',
    paused,
    items: [
      open('open', t('tray.open')),
      ...(line ? [{ kind: 'note', id: 'status', label: line } as const] : []),
      { kind: 'separator' },
      ...breakItems(status, t),
      { kind: 'separator' },
      ...therapyItems,
      open('breathing', t('tray.breathing'), 'breathing'),
      open('checklist', t('tray.checklist'), 'checklist'),
      open('health', t('tray.health'), 'health'),
      { kind: 'separator' },
      { kind: 'action', id: 'quit', label: t('tray.quit'), action: { type: 'quit' } },
    ],
  };
}

/** Every item a person can pick, submenus opened, in menu order (for tests and the e2e hook). */
export function trayChoices(items: readonly TrayItem[]): Extract<TrayItem, { id: string }>[] {
  return items.flatMap((item) =>
    item.kind === 'separator' ? [] : item.kind === 'submenu' ? trayChoices(item.items) : [item],
  );
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

/**
 * The tray icon's file: it follows the taskbar's colour, not the app's theme. macOS
 * draws a template image in the menu bar's own colour; Windows says what colour its
 * taskbar is; Linux says nothing, and its panels are mostly dark (GNOME, Ubuntu).
 */
export function trayIconFile(options: {
  platform: string;
  paused: boolean;
  /** Windows: nativeTheme.shouldUseDarkColorsForSystemIntegratedUI. */
  taskbarDark: boolean;
}): { file: string; template: boolean } {
  const { platform, paused } = options;
  if (platform === 'darwin') {
    return { file: paused ? 'trayPausedTemplate.png' : 'trayTemplate.png', template: true };
  }
  const dark = platform === 'win32' ? options.taskbarDark : true;
  const shade = dark ? 'dark' : 'light';
  return { file: paused ? `tray-paused-${shade}.png` : `tray-${shade}.png`, template: false };
}

/**
 * Whether this desktop has nowhere to show a tray icon: Linux with no
 * StatusNotifierWatcher on the session bus (GNOME without the AppIndicator extension),
 * unless the desktop has an XEmbed tray of its own, which Electron falls back to.
 * `watcher` is null when the bus could not be asked: then the tray is assumed there.
 */
export function trayHostMissing(host: {
  platform: string;
  desktop: string;
  watcher: boolean | null;
}): boolean {
  if (host.platform !== 'linux' || host.watcher !== false) return false;
  return !/XFCE|MATE|LXDE|LXQT|CINNAMON|BUDGIE|KDE/i.test(host.desktop);
}
