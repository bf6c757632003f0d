import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { UnhunchApp } from '../app/app';

/** What this file needs of Electron's `app`, so a test can hand in its own. */
export interface LoginItems {
  isPackaged: boolean;
  getLoginItemSettings(): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

/**
 * Start at login as `startup.openAtLogin` says, now and whenever the settings change.
 * macOS and Windows register a login item through Electron; Linux, where Electron
 * has none, gets an XDG autostart entry. Only a packaged app registers: a development
 * build would register the bare Electron binary.
 */
export function followLoginSetting(
  unhunch: UnhunchApp,
  login: LoginItems,
  host: { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; executable: string } = {
    platform: process.platform,
    env: process.env,
    executable: process.env.APPIMAGE ?? process.execPath,
  },
): () => void {
  const apply = () => {
    if (!login.isPackaged) return;
    const { openAtLogin } = unhunch.context.settings.effective().startup;
    try {
      if (host.platform === 'linux') setLinuxAutostart(openAtLogin, host);
      else if (login.getLoginItemSettings().openAtLogin !== openAtLogin) {
        login.setLoginItemSettings({ openAtLogin });
      }
    } catch (error) {
      unhunch.context.logger.warn(`could not change start at login: ${(error as Error).message}`);
    }
  };
  apply();
  return unhunch.context.settings.onChange(apply);
}

function setLinuxAutostart(
  on: boolean,
  host: { env: NodeJS.ProcessEnv; executable: string },
): void {
  const folder = join(host.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart');
  const file = join(folder, 'unhunch.desktop');
  if (!on) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    file,
    [
      '[Desktop Entry]',
      'Type=Application',
      'Name=Unhunch',
      'Comment=Breaks and stretches for a healthier upper back',
      `Exec="${host.executable.replace(/"/g, '\\"')}"`,
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
  );
}
