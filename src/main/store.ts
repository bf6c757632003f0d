import ElectronStore from 'electron-store';
import type { SettingsStore } from '../app/ports';

/**
 * electron-store behind the SettingsStore port. It holds only the user's own choices
 * (a partial settings file); the app layers defaults and policy over them.
 */
export function createElectronSettingsStore(options: { cwd?: string } = {}): SettingsStore {
  const store = new ElectronStore<{ settings: Record<string, unknown> }>({
    name: 'settings',
    ...(options.cwd ? { cwd: options.cwd } : {}),
    clearInvalidConfig: false,
    defaults: { settings: {} },
  });
  return {
    load: () => store.get('settings'),
    save: (userSettings) => store.set('settings', userSettings),
  };
}
