import type { Reading } from '../../core/focus/signals';
import { type FocusHost, isWayland } from './host';

/**
 * Is another app fullscreen or presenting? Electron has no API for other apps' windows.
 * Linux (X11): the active window's `_NET_WM_STATE` through `xprop`. Windows:
 * `SHQueryUserNotificationState`, the shell's own "don't show notifications now"
 * answer (fullscreen app, Direct3D game, presentation mode), through PowerShell — a
 * second or so of work, run only while a prompt is near. macOS: not without the
 * screen-recording permission, so `unknown`.
 */
export async function readFullscreen(host: FocusHost): Promise<Reading> {
  if (host.platform === 'win32') {
    const result = await host.run(
      'powershell.exe',
      [
        '-NoProfile',
        '-NonInteractive',
        '-ExecutionPolicy',
        'Bypass',
        '-Command',
        QUERY_NOTIFICATION_STATE,
      ],
      10_000,
    );
    return result.ok ? fullscreenFromNotificationState(result.stdout) : 'unknown';
  }
  if (host.platform !== 'linux' || isWayland(host.env)) return 'unknown';
  const active = await host.run('xprop', ['-root', '_NET_ACTIVE_WINDOW']);
  if (!active.ok) return 'unknown';
  const id = activeWindowFromXprop(active.stdout);
  if (id === undefined) return 'unknown';
  if (id === null) return 'off';
  const window = await host.run('xprop', ['-id', id, '_NET_WM_STATE', '_NET_WM_PID']);
  return window.ok ? fullscreenFromXprop(window.stdout, host.ownPid) : 'unknown';
}

/** `_NET_ACTIVE_WINDOW(WINDOW): window id # 0x3a00007`: the id; null for none; undefined if unreadable. */
export function activeWindowFromXprop(output: string): string | null | undefined {
  const match = /_NET_ACTIVE_WINDOW\(WINDOW\): window id # (0x[0-9a-f]+)/i.exec(output);
  if (!match?.[1]) return undefined;
  return Number.parseInt(match[1], 16) === 0 ? null : match[1];
}

/** The active window's state and owner: fullscreen, and not one of ours (a break window is). */
export function fullscreenFromXprop(output: string, ownPid: number): Reading {
  const state = /_NET_WM_STATE\(ATOM\) = (.*)/.exec(output)?.[1] ?? '';
  const pid = Number(/_NET_WM_PID\(CARDINAL\) = (\d+)/.exec(output)?.[1] ?? Number.NaN);
  if (pid === ownPid) return 'off';
  return state.split(',').some((atom) => atom.trim() === '_NET_WM_STATE_FULLSCREEN') ? 'on' : 'off';
}

/** PowerShell compiles a one-line P/Invoke and prints the QUERY_USER_NOTIFICATION_STATE number. */
export const QUERY_NOTIFICATION_STATE = [
  '$t = Add-Type -PassThru -Name UnhunchQuns -Namespace Unhunch -MemberDefinition \'[DllImport("shell32.dll")] public static extern int SHQueryUserNotificationState(out int state);\'',
  '$s = 0',
  '[void]$t::SHQueryUserNotificationState([ref]$s)',
  '$s',
].join('; ');

/** QUNS_BUSY (2, a fullscreen app), QUNS_RUNNING_D3D_FULL_SCREEN (3), QUNS_PRESENTATION_MODE (4). */
const FULLSCREEN_STATES = new Set([2, 3, 4]);

export function fullscreenFromNotificationState(output: string): Reading {
  const state = Number.parseInt(output.trim(), 10);
  if (!(state >= 1 && state <= 7)) return 'unknown';
  return FULLSCREEN_STATES.has(state) ? 'on' : 'off';
}
