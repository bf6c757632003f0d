import Conf from 'conf';
import type { SettingsStore } from '../app/ports';

/** The web host's SettingsStore: conf, the engine electron-store is built on. */
export function createFileSettingsStore(dataDir: string): SettingsStore {
  const store = new Conf<{ settings: Record<string, unknown> }>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'unhunch',
    clearInvalidConfig: false,
    defaults: { settings: {} },
  });
  return {
    load: () => store.get('settings'),
    save: (userSettings) => store.set('settings', userSettings),
  };
}
