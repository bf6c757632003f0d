import ElectronStore from 'electron-store';
import { type ConfConstructor, openConfSettingsStore } from '../app/conf-settings-store';
import type { Logger } from '../app/ports';

/** electron-store is conf with Electron's defaults: the app's settings rules apply as is. */
export const ElectronSettingsStore = ElectronStore as unknown as ConfConstructor;

export function createElectronSettingsStore(options: {
  cwd: string;
  now?: () => Date;
  logger?: Logger;
}) {
  return openConfSettingsStore(ElectronSettingsStore, options);
}
