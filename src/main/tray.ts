import { join } from 'node:path';
import {
  Menu,
  type MenuItemConstructorOptions,
  type NativeTheme,
  nativeImage,
  nativeTheme,
  Tray,
} from 'electron';
import {
  type TrayAction,
  type TrayItem,
  type TrayModel,
  trayChoices,
  trayIconFile,
} from '../app/tray';

/** Draws the tray from a TrayModel; decisions live in src/app/tray.ts. */
export interface TrayView {
  update(model: TrayModel): void;
  destroy(): void;
}

const ICONS = join(import.meta.dirname, '../../assets/icons');

function menuTemplate(
  items: readonly TrayItem[],
  onAction: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.kind === 'separator') return { type: 'separator' };
    if (item.kind === 'note') return { label: item.label, enabled: false };
    if (item.kind === 'submenu') {
      return { label: item.label, submenu: menuTemplate(item.items, onAction) };
    }
    return { label: item.label, click: () => onAction(item.action) };
  });
}

export function createTray(
  onAction: (action: TrayAction) => void,
  host: {
    platform: NodeJS.Platform;
    theme: Pick<NativeTheme, 'shouldUseDarkColorsForSystemIntegratedUI'> & {
      on(event: 'updated', listener: () => void): unknown;
    };
  } = { platform: process.platform, theme: nativeTheme },
): TrayView {
  let last: TrayModel | null = null;
  const image = (paused: boolean) => {
    const { file, template } = trayIconFile({
      platform: host.platform,
      paused,
      taskbarDark: host.theme.shouldUseDarkColorsForSystemIntegratedUI,
    });
    const icon = nativeImage.createFromPath(join(ICONS, file));
    if (template) icon.setTemplateImage(true);
    return icon;
  };
  const tray = new Tray(image(false));
  tray.on('click', () => onAction({ type: 'open' }));

  const update = (model: TrayModel) => {
    last = model;
    tray.setImage(image(model.paused));
    tray.setToolTip(model.tooltip);
    // The menu bar has room for the therapy countdown beside the icon; elsewhere the tooltip has it.
    if (host.platform === 'darwin') tray.setTitle(model.title);
    tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(model.items, onAction)));
    // For the Electron end-to-end suite, which cannot open a native tray menu.
    (globalThis as Record<string, unknown>).__unhunchTray = {
      tooltip: model.tooltip,
      menu: trayChoices(model.items).map((item) => item.label),
    };
  };
  // The taskbar turned light or dark.
  host.theme.on('updated', () => {
    if (last) update(last);
  });

  return { update, destroy: () => tray.destroy() };
}
