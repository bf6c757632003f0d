import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../src/app/open';
import { trayHostMissing } from '../../../src/app/tray';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { tellWhenNoTray } from '../../../src/main/tray-host';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function launch(dataDir: string, desktop: string, watcher: boolean | null) {
  const app = openApp({
    dataDir,
    clock: new VirtualClock(Date.parse('2026-11-24T10:00:00+01:00')),
    timeZone: 'Europe/Berlin',
  });
  const opened: string[] = [];
  const told = tellWhenNoTray(app, {
    platform: 'linux',
    desktop,
    dataDir,
    watcher: async () => watcher,
    showMainWindow: () => opened.push('window'),
  });
  return { app, opened, told };
}

describe('a Linux desktop with no tray', () => {
  it('opens the window on the first launch with a plain note on getting the icon, not on later ones', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-no-tray-'));
    dirs.push(dataDir);
    const first = launch(dataDir, 'ubuntu:GNOME', false);
    await first.told;
    expect(first.opened).toEqual(['window']);
    const [note] = first.app.context.notices.list();
    expect(note?.id).toBe('no-tray');
    expect(first.app.t(`notices.${note!.id}`)).toMatch(/AppIndicator/);
    first.app.dispose();

    const second = launch(dataDir, 'ubuntu:GNOME', false);
    await second.told;
    expect(second.opened).toEqual([]);
    expect(second.app.context.notices.list().map((notice) => notice.id)).toEqual(['no-tray']);
    second.app.dispose();
  });

  it('says nothing where the tray is there or cannot be asked about', async () => {
    for (const [desktop, watcher] of [
      ['GNOME', true],
      ['GNOME', null],
      ['XFCE', false],
    ] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-no-tray-'));
      dirs.push(dataDir);
      const run = launch(dataDir, desktop, watcher);
      await run.told;
      expect(run.opened).toEqual([]);
      expect(run.app.context.notices.list()).toEqual([]);
      run.app.dispose();
    }
    expect(trayHostMissing({ platform: 'win32', desktop: '', watcher: false })).toBe(false);
  });
});
