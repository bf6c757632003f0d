import { join } from 'node:path';
import Conf from 'conf';
import { type AppDeps, createApp, type UnhunchApp } from './app';
import { type ConfConstructor, openConfSettingsStore } from './conf-settings-store';
import { customExerciseFiles } from './custom-exercise-store';
import { createHistoryFile } from './history-file';
import { rotationFile } from './rotation-store';
import { therapyPrefsFile } from './therapy-prefs';
import { THERAPY_SESSION_FILE, therapySessionFile } from './therapy-session-store';

/**
 * The app over a data folder: settings.json (conf, or electron-store in Electron),
 * history.jsonl and the features' small files (therapy-session.json, …) beside it.
 * Every host and the integration tests start the app this way.
 */
export function openApp(
  options: Omit<
    AppDeps,
    'settingsStore' | 'history' | 'settingsMovedAside' | 'settingsStorageFailure'
  > & {
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
    settingsStorageFailure: settings.storageFailure,
    history: createHistoryFile(join(dataDir, 'history.jsonl'), deps.logger),
    therapyPrefs: therapyPrefsFile(join(dataDir, 'therapy.json'), deps.logger),
    therapySession: therapySessionFile(join(dataDir, THERAPY_SESSION_FILE), {
      ...(deps.logger ? { logger: deps.logger } : {}),
      now: () => deps.clock.now(),
    }),
    exerciseStores: {
      rotation: rotationFile(join(dataDir, 'rotation.json'), deps.logger),
      custom: customExerciseFiles(join(dataDir, 'exercises'), deps.logger),
    },
  });
}
