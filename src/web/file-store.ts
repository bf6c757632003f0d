import Conf from 'conf';
import { openConfSettingsStore } from '../app/conf-settings-store';
import type { Logger } from '../app/ports';

/** The web host's SettingsStore: conf, the engine electron-store is built on. */
export function createFileSettingsStore(options: { cwd: string; logger?: Logger }) {
  return openConfSettingsStore(Conf, options);
}
