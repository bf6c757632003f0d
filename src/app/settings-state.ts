import type { ActionResultPayload } from '../contract/calls/common';
import {
  type CompleteSettingsFile,
  effectiveSettings,
  isLocked,
  lockedPaths,
  mergeSettingsFiles,
  type Policy,
  parseSettingsFile,
  type SettingsFile,
} from '../contract/settings';
import { leafPaths } from '../core/json';
import type { Settings } from '../core/settings/settings';
import { isStorageError } from './conf-settings-store';
import type { NoticeBoard } from './notices';
import type { Logger, SettingsStore } from './ports';

/**
 * The settings in force: the user's stored choices under the organisation's policy
 * (docs/architecture.md "Settings and policy"). The one place that decides whether a change is
 * allowed; it saves the user's layer and tells subscribers.
 */
export interface SettingsState {
  effective(): Settings;
  effectiveFile(): CompleteSettingsFile;
  user(): SettingsFile;
  policy(): Policy | undefined;
  locked(): string[];
  /** Apply a partial change from the user; refused if it touches a locked setting. */
  update(change: SettingsFile): ActionResultPayload;
  /** Replace the user's layer whole (restore defaults, import). */
  replace(file: SettingsFile): ActionResultPayload;
  setPolicy(policy: Policy | undefined): void;
  onChange(listener: () => void): () => void;
}

export function mergeUser(base: SettingsFile, change: SettingsFile): SettingsFile {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(change)) {
    const previous = merged[key];
    merged[key] =
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      previous !== null &&
      typeof previous === 'object' &&
      !Array.isArray(previous)
        ? { ...previous, ...value }
        : value;
  }
  return merged as SettingsFile;
}

export function createSettingsState(options: {
  store: SettingsStore;
  logger: Logger;
  notices: NoticeBoard;
  policy?: Policy;
}): SettingsState {
  const { store, logger, notices } = options;
  let policy = options.policy;
  let user: SettingsFile = {};
  const parsed = parseSettingsFile(store.load() ?? {});
  if (parsed.ok) user = parsed.file;
  else {
    for (const issue of parsed.issues) logger.warn(`saved settings ignored: ${issue}`);
    notices.add({ id: 'settings-invalid', detail: parsed.issues.join('; ') });
  }
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };

  const save = (next: SettingsFile): ActionResultPayload => {
    // Validate the merged result too: two valid halves can make an invalid whole.
    const check = parseSettingsFile(next);
    if (!check.ok) {
      logger.warn(`settings change refused: ${check.issues.join('; ')}`);
      return { ok: false, code: 'settings-invalid' };
    }
    try {
      effectiveSettings(check.file, policy);
      store.save(check.file as Record<string, unknown>);
    } catch (error) {
      const message = (error as Error).message;
      logger.error(`could not save settings: ${message}`);
      notices.add({ id: 'storage-failed', detail: message });
      // A disk that refuses writes should not also refuse the change: it holds until Unhunch quits.
      if (!isStorageError(error)) return { ok: false, code: 'save-failed' };
    }
    user = check.file;
    changed();
    return { ok: true };
  };

  const refuseLocked = (change: SettingsFile): ActionResultPayload | null => {
    const blocked = leafPaths(change).filter((path) => isLocked(path, policy?.locked));
    return blocked.length > 0
      ? { ok: false, code: 'settings-managed', params: { paths: blocked.join(', ') } }
      : null;
  };

  return {
    effective: () => effectiveSettings(user, policy),
    effectiveFile: () => mergeSettingsFiles(policy?.defaults, user, policy?.locked),
    user: () => user,
    policy: () => policy,
    locked: () => lockedPaths(policy?.locked),
    update(change) {
      const refusal = refuseLocked(change);
      if (refusal) return refusal;
      return save(mergeUser(user, change));
    },
    replace(file) {
      const refusal = refuseLocked(file);
      if (refusal) return refusal;
      return save(file);
    },
    setPolicy(next) {
      policy = next;
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
