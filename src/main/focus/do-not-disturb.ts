import type { Reading } from '../../core/focus/signals';
import type { FocusHost } from './host';

/**
 * Has the person asked the system not to be disturbed? Where it can be read:
 * macOS Focus turned on by hand (its assertions file; scheduled Focus modes are not
 * in it, and macOS 14+ may refuse the read without Full Disk Access: `unknown`);
 * Windows 11 Do not disturb (notifications off in the registry; Windows 10's Focus
 * assist keeps its state in an undocumented blob and reads as off); GNOME's Do Not
 * Disturb (banners off). Elsewhere `unknown`.
 */
export async function readDoNotDisturb(host: FocusHost): Promise<Reading> {
  if (host.platform === 'darwin') {
    const text = await host.readText(`${host.homeDir}/${MAC_FOCUS_ASSERTIONS}`);
    return text === null ? 'unknown' : focusFromAssertions(text);
  }
  if (host.platform === 'win32') {
    const result = await host.run('reg', ['query', WINDOWS_NOTIFICATIONS, '/v', WINDOWS_TOASTS]);
    if (result.ok) return doNotDisturbFromRegistry(result.stdout);
    // The value is written the first time Do not disturb is used: absent means off.
    return result.missing ? 'unknown' : 'off';
  }
  if (host.platform === 'linux' && /gnome|unity|budgie/i.test(host.env.XDG_CURRENT_DESKTOP ?? '')) {
    const result = await host.run('gsettings', [
      'get',
      'org.gnome.desktop.notifications',
      'show-banners',
    ]);
    return result.ok ? doNotDisturbFromGsettings(result.stdout) : 'unknown';
  }
  return 'unknown';
}

export const MAC_FOCUS_ASSERTIONS = 'Library/DoNotDisturb/DB/Assertions.json';

/** A Focus is on while the store holds an assertion record. */
export function focusFromAssertions(text: string): Reading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'unknown';
  }
  const data = (parsed as { data?: unknown })?.data;
  if (!Array.isArray(data)) return 'unknown';
  const on = data.some((entry) => {
    const records = (entry as { storeAssertionRecords?: unknown })?.storeAssertionRecords;
    return Array.isArray(records) && records.length > 0;
  });
  return on ? 'on' : 'off';
}

export const WINDOWS_NOTIFICATIONS =
  'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Notifications\\Settings';
export const WINDOWS_TOASTS = 'NOC_GLOBAL_SETTING_TOASTS_ENABLED';

/** `NOC_GLOBAL_SETTING_TOASTS_ENABLED    REG_DWORD    0x0`: notifications off, do not disturb on. */
export function doNotDisturbFromRegistry(output: string): Reading {
  const match = new RegExp(`${WINDOWS_TOASTS}\\s+REG_DWORD\\s+(0x[0-9a-f]+)`, 'i').exec(output);
  if (!match?.[1]) return 'unknown';
  return Number.parseInt(match[1], 16) === 0 ? 'on' : 'off';
}

/** `gsettings get org.gnome.desktop.notifications show-banners`: `false` is Do Not Disturb. */
export function doNotDisturbFromGsettings(output: string): Reading {
  const value = output.trim();
  if (value === 'false') return 'on';
  if (value === 'true') return 'off';
  return 'unknown';
}
