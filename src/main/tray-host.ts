import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnhunchApp } from '../app/app';
import { trayHostMissing } from '../app/tray';

/**
 * Whether a StatusNotifierWatcher (where Linux tray icons go) is on the session bus:
 * asked with `gdbus`, which every GNOME has. Null when it could not be asked.
 */
export function statusNotifierWatcherPresent(): Promise<boolean | null> {
  return new Promise((resolve) => {
    execFile(
      'gdbus',
      [
        'call',
        '--session',
        '--dest',
        'org.freedesktop.DBus',
        '--object-path',
        '/org/freedesktop/DBus',
        '--method',
        'org.freedesktop.DBus.NameHasOwner',
        'org.kde.StatusNotifierWatcher',
      ],
      { timeout: 3000 },
      (error, stdout) => {
        if (error) resolve(null);
        else resolve(/\btrue\b/.test(stdout) ? true : /\bfalse\b/.test(stdout) ? false : null);
      },
    );
  });
}

/**
 * A desktop with no tray (GNOME without the AppIndicator extension): the status page
 * says plainly how to get the icon, and the first launch opens the window so the
 * person sees Unhunch at all. Later launches leave it closed: breaks come all the same,
 * and starting Unhunch again from the app menu opens the window.
 */
export async function tellWhenNoTray(
  unhunch: UnhunchApp,
  host: {
    platform: NodeJS.Platform;
    desktop: string;
    dataDir: string;
    watcher: () => Promise<boolean | null>;
    showMainWindow: () => void;
  },
): Promise<void> {
  if (host.platform !== 'linux') return;
  const watcher = await host.watcher();
  if (!trayHostMissing({ platform: host.platform, desktop: host.desktop, watcher })) return;
  unhunch.context.notices.add({ id: 'no-tray', detail: '' });
  const told = join(host.dataDir, 'no-tray-told');
  if (existsSync(told)) return;
  try {
    writeFileSync(told, '');
  } catch (error) {
    unhunch.context.logger.warn(`could not remember the no-tray note: ${(error as Error).message}`);
  }
  host.showMainWindow();
}
