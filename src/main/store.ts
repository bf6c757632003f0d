import ElectronStore from 'electron-store';
import { type ConfConstructor, openConfSettingsStore } from '../app/conf-settings-store';
import type { Logger } from '../app/ports';

/** electron-store behind the SettingsStore port; the rules live in src/app. */
export function createElectronSettingsStore(options: {
  cwd: string;
  now?: () => Date;
  logger?: Logger;
}) {
  return openConfSettingsStore(ElectronStore as unknown as ConfConstructor, options);
}
