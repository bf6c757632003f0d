import { join } from 'node:path';
import { Menu, nativeImage, nativeTheme, Tray } from 'electron';
import type { TrayAction, TrayModel } from '../app/tray';

/** Draws the tray from a TrayModel; decisions live in src/app/tray.ts. */
export interface TrayView {
  update(model: TrayModel): void;
  destroy(): void;
}

function iconPath(paused: boolean): string {
  const dir = join(import.meta.dirname, '../../assets/icons');
  if (process.platform === 'darwin') {
    return join(dir, paused ? 'trayPausedTemplate.png' : 'trayTemplate.png');
  }
  const theme = nativeTheme.shouldUseDarkColors ? 'dark' : 'light';
  return join(dir, paused ? `tray-paused-${theme}.png` : `tray-${theme}.png`);
}

export function createTray(onAction: (action: TrayAction) => void): TrayView {
  let last: TrayModel | null = null;
  const tray = new Tray(nativeImage.createFromPath(iconPath(false)));
  tray.on('click', () => onAction('open'));

  const update = (model: TrayModel) => {
    last = model;
    tray.setImage(nativeImage.createFromPath(iconPath(model.paused)));
    tray.setToolTip(model.tooltip);
    // The menu bar has room for the therapy countdown beside the icon; elsewhere the tooltip has it.
    if (process.platform === 'darwin') tray.setTitle(model.title);
    tray.setContextMenu(
      Menu.buildFromTemplate(
        model.items.map((item) => ({ label: item.label, click: () => onAction(item.action) })),
      ),
    );
    // For the Electron end-to-end suite, which cannot open a native tray menu.
    (globalThis as Record<string, unknown>).__unhunchTray = {
      tooltip: model.tooltip,
      menu: model.items.map((item) => item.label),
    };
  };
  nativeTheme.on('updated', () => {
    if (last) update(last);
  });

  return { update, destroy: () => tray.destroy() };
}
