import { join } from 'node:path';
import Conf from 'conf';
import { type AppDeps, createApp, type UnhunchApp } from './app';
import { type ConfConstructor, openConfSettingsStore } from './conf-settings-store';
import { createHistoryFile } from './history-file';

/**
 * The app over a data folder: settings.json (conf, or electron-store in Electron) and
 * history.jsonl beside it. Every host and the integration tests start the app this way.
 */
export function openApp(
  options: Omit<AppDeps, 'settingsStore' | 'history' | 'settingsMovedAside'> & {
    dataDir: string;
    StoreClass?: ConfConstructor;
    now?: () => Date;
  },
): UnhunchApp {
  const { dataDir, StoreClass = Conf, now, ...deps } = options;
  const settings = openConfSettingsStore(StoreClass, {
    cwd: dataDir,
    ...(now ? { now } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  return createApp({
    ...deps,
    settingsStore: settings.store,
    settingsMovedAside: settings.movedAside,
    history: createHistoryFile(join(dataDir, 'history.jsonl'), deps.logger),
  });
}
