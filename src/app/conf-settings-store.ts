import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import type { Options } from 'conf';
import { settingsJsonSchema } from '../contract/settings-json-schema';
import type { Logger, SettingsStore } from './ports';
import {
  CURRENT_SETTINGS_VERSION,
  migrateSettingsDocument,
  type SettingsDocument,
} from './settings-migrations';

export type ConfConstructor = new (options: Options<SettingsDocument>) => Conf<SettingsDocument>;

export interface OpenedSettingsStore {
  store: SettingsStore;
  /** Set when the file on disk could not be read and was moved aside: tell the user once. */
  movedAside: string | null;
  /** Set when the folder cannot be written (read-only, full, not a folder): settings live in memory. */
  storageFailure: string | null;
}

/** Errors that say the disk refused, not that the file's content is wrong. */
const STORAGE_ERROR_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EISDIR',
  'ENOTDIR',
  'EIO',
  'EBUSY',
  'EMFILE',
]);

export function isStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_ERROR_CODES.has(code);
}

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** Whether the file conf reads still parses and passes the schema; a refusal of the disk says nothing. */
function fileReadable(conf: Conf<SettingsDocument>): boolean {
  try {
    void conf.store;
    return true;
  } catch (error) {
    return isStorageError(error);
  }
}

/**
 * Opens the settings file with conf (electron-store in Electron): atomic writes
 * (conf writes through `atomically`: a temporary file, fsync, then a rename over the
 * old file), a JSON Schema check built from the contract, and the migration chain of
 * ./settings-migrations run on every read, so an older file opens as the current
 * version. A file migrated from an older shape is kept beside it as it was.
 *
 * A file whose content cannot be read is never deleted: it is renamed to a dated
 * backup and Unhunch starts on defaults; one damaged while Unhunch runs is renamed the
 * same way at the next save, which writes the settings in memory. A folder that
 * refuses writes (read-only, full disk) never stops the app either: it starts on
 * defaults, every save is tried again, and the caller reports each failure
 * (src/app/settings-state.ts keeps the change in memory for the session).
 */
export function openConfSettingsStore(
  StoreClass: ConfConstructor,
  options: { cwd: string; now?: () => Date; logger?: Logger },
): OpenedSettingsStore {
  const now = () => options.now?.() ?? new Date();
  const file = join(options.cwd, 'settings.json');
  let migratedFrom: number | null = null;
  const confOptions: Options<SettingsDocument> & { name: string } = {
    cwd: options.cwd,
    // conf reads `configName`, electron-store `name`: both say settings.json.
    configName: 'settings',
    name: 'settings',
    projectName: 'unhunch',
    clearInvalidConfig: false,
    defaults: { version: CURRENT_SETTINGS_VERSION, settings: {} },
    schema: {
      version: {
        type: 'integer',
        minimum: CURRENT_SETTINGS_VERSION,
        maximum: CURRENT_SETTINGS_VERSION,
      },
      settings: settingsJsonSchema(),
    },
    // The schema is generated from the contract and checked against JSON Schema's own
    // meta-schema by a test (tests/unit/app/settings-json-schema.test.ts): compiling the
    // meta-schema on every start as well would cost each start about 70 ms.
    ajvOptions: { validateSchema: false },
    deserialize: (text) => {
      let raw: unknown;
      try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        throw new SyntaxError(`${file} is not valid JSON`);
      }
      const migrated = migrateSettingsDocument(raw);
      if (!migrated.ok) throw new Error(migrated.error);
      if (migrated.from < CURRENT_SETTINGS_VERSION) migratedFrom = migrated.from;
      for (const note of migrated.notes) options.logger?.info(`settings migration: ${note}`);
      return migrated.document;
    },
  };

  let movedAside: string | null = null;
  let storageFailure: string | null = null;
  let conf: Conf<SettingsDocument> | null = null;
  // What the file said before any migration rewrote it: kept as a backup of an old version.
  const original = (() => {
    try {
      return readFileSync(file);
    } catch {
      return null;
    }
  })();

  const open = (): unknown => {
    try {
      conf = new StoreClass(confOptions);
      return null;
    } catch (error) {
      return error;
    }
  };
  const reportStorage = (error: unknown) => {
    storageFailure = (error as Error).message;
    options.logger?.error(`settings cannot be written to ${options.cwd}: ${storageFailure}`);
  };

  let failure = open();
  if (failure && isStorageError(failure)) reportStorage(failure);
  else if (failure) {
    const reason = (failure as Error).message;
    movedAside = join(options.cwd, `settings.unreadable-${stampOf(now())}.json`);
    try {
      if (existsSync(file)) renameSync(file, movedAside);
      options.logger?.warn(`settings file could not be read (${reason}); moved to ${movedAside}`);
    } catch (error) {
      movedAside = null;
      reportStorage(error);
    }
    failure = open();
    if (failure) reportStorage(failure);
  }

  if (conf && migratedFrom !== null && original) {
    const backup = join(options.cwd, `settings.version-${migratedFrom}-${stampOf(now())}.json`);
    try {
      writeFileSync(backup, original);
      // Write the migrated document now, so the old format is read only once.
      (conf as Conf<SettingsDocument>).store = { ...(conf as Conf<SettingsDocument>).store };
      options.logger?.info(
        `settings migrated from version ${migratedFrom}; the old file is ${backup}`,
      );
    } catch (error) {
      options.logger?.warn(`settings migrated in memory only: ${(error as Error).message}`);
    }
  }

  return {
    movedAside,
    storageFailure,
    store: {
      load: () => (conf ? conf.get('settings') : {}),
      save: (userSettings) => {
        // A store that could not open is tried again: the disk may have been freed since.
        if (!conf) {
          const error = open();
          if (error) throw error;
        }
        const store = conf as Conf<SettingsDocument> | null;
        try {
          store?.set('settings', userSettings);
        } catch (error) {
          // conf reads the file before every write: one damaged under the running app would
          // refuse every change and then lose them all at the next start. The settings in
          // memory are whole, so the damaged file is kept aside and they are written anew.
          if (!store || isStorageError(error) || fileReadable(store)) throw error;
          const aside = join(options.cwd, `settings.unreadable-${stampOf(now())}.json`);
          renameSync(file, aside);
          options.logger?.warn(
            `settings file was damaged while Unhunch ran (${(error as Error).message}); moved to ${aside}`,
          );
          store.set('settings', userSettings);
        }
      },
    },
  };
}
