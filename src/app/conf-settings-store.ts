import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import type { Options } from 'conf';
import { settingsJsonSchema } from '../contract/settings-json-schema';
import type { Logger, SettingsStore } from './ports';

type SettingsDocument = { settings: Record<string, unknown> };
export type ConfConstructor = new (options: Options<SettingsDocument>) => Conf<SettingsDocument>;

export interface OpenedSettingsStore {
  store: SettingsStore;
  /** Set when the file on disk could not be read and was moved aside: tell the user once. */
  movedAside: string | null;
}

/**
 * Opens the settings file with conf (electron-store in Electron): atomic writes, and a
 * JSON Schema check built from the contract. A file that cannot be read is never
 * deleted: it is renamed to a dated backup beside it and Unhunch starts on defaults.
 */
export function openConfSettingsStore(
  StoreClass: ConfConstructor,
  options: { cwd: string; now?: () => Date; logger?: Logger },
): OpenedSettingsStore {
  const confOptions: Options<SettingsDocument> & { name: string } = {
    cwd: options.cwd,
    // conf reads `configName`, electron-store `name`: both say settings.json.
    configName: 'settings',
    name: 'settings',
    projectName: 'unhunch',
    clearInvalidConfig: false,
    defaults: { settings: {} },
    schema: { settings: settingsJsonSchema() },
  };
  let movedAside: string | null = null;
  let conf: Conf<SettingsDocument>;
  try {
    conf = new StoreClass(confOptions);
  } catch (error) {
    const file = join(options.cwd, 'settings.json');
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    movedAside = join(options.cwd, `settings.unreadable-${stamp}.json`);
    if (existsSync(file)) renameSync(file, movedAside);
    options.logger?.warn(
      `settings file could not be read (${(error as Error).message}); moved to ${movedAside}`,
    );
    conf = new StoreClass(confOptions);
  }
  return {
    movedAside,
    store: {
      load: () => conf.get('settings'),
      save: (userSettings) => conf.set('settings', userSettings),
    },
  };
}
