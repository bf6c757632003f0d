import type { z } from 'zod';
import type {
  HandlersFor,
  SettingsIssue,
  SettingsView,
  settingsCalls,
} from '../../contract/contract';
import {
  isLocked,
  issueCodes,
  type SettingIssueCode,
  type SettingsFile,
  settingsFileSchema,
} from '../../contract/settings';
import { isRecord, leafPaths } from '../../core/json';
import { formatLocalDate, localDateTime } from '../../core/time/zoned';
import type { AppContext } from '../context';
import {
  CURRENT_SETTINGS_VERSION,
  migrateSettingsDocument,
  VERSION_0_KEYS,
} from '../settings-migrations';
import { mergeUser } from '../settings-state';

export function settingsView(ctx: AppContext): SettingsView {
  return {
    effective: ctx.settings.effectiveFile() as unknown as Record<string, unknown>,
    user: ctx.settings.user() as Record<string, unknown>,
    locked: ctx.settings.locked(),
    managed: ctx.settings.policy() !== undefined,
  };
}

/** zod's issues as the settings page names its fields: `microBreak.every`, `workHours.days`. */
function issuesOf(error: z.ZodError, root = ''): SettingsIssue[] {
  return issueCodes(error, root);
}

/** A copy of `value` without the leaves `drop` names (dotted paths); objects emptied by it go too. */
function omitPaths(value: unknown, drop: (path: string) => boolean, prefix = ''): unknown {
  if (!isRecord(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (drop(path)) continue;
    const rest = omitPaths(inner, drop, path);
    const emptied =
      isRecord(inner) &&
      Object.keys(inner).length > 0 &&
      isRecord(rest) &&
      Object.keys(rest).length === 0;
    if (!emptied) kept[key] = rest;
  }
  return kept;
}

/** A version 0 file has keys only it had; a bare object of today's keys has none of them. */
function isVersion0(value: Record<string, unknown>): boolean {
  const current = new Set(Object.keys(settingsFileSchema.shape));
  return VERSION_0_KEYS.some((key) => !current.has(key) && key in value);
}

export function settingsHandlers(ctx: AppContext): HandlersFor<typeof settingsCalls> {
  const locked = (path: string) => isLocked(path, ctx.settings.policy()?.locked);
  return {
    getSettings: () => settingsView(ctx),
    updateSettings: (change) => {
      const result = ctx.settings.update(change);
      if (!result.ok) ctx.logger.warn(`settings change refused: ${result.code}`);
      return result;
    },
    validateSettings: (change) => {
      const parsed = settingsFileSchema.safeParse(change);
      if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
      const issues: SettingsIssue[] = leafPaths(parsed.data)
        .filter(locked)
        .map((path) => ({ path, code: 'setting-locked' as const }));
      // Two valid halves can make an invalid whole: check the result as it would be saved.
      const merged = settingsFileSchema.safeParse(mergeUser(ctx.settings.user(), parsed.data));
      if (!merged.success) issues.push(...issuesOf(merged.error));
      return { ok: issues.length === 0, issues };
    },
    restoreDefaults: () => ctx.settings.replace({}),
    exportSettings: () => {
      const settings = omitPaths(ctx.settings.effectiveFile(), locked);
      const day = formatLocalDate(localDateTime(ctx.clock.now(), ctx.timeZone));
      return {
        fileName: `unhunch-settings-${day}.json`,
        text: `${JSON.stringify({ version: CURRENT_SETTINGS_VERSION, settings }, null, 2)}\n`,
      };
    },
    importSettings: ({ text }) => {
      const refused = (issues: SettingsIssue[]) => ({ ok: false, issues, ignoredLocked: [] });
      const whole = (code: SettingIssueCode) => refused([{ path: '(file)', code }]);
      let raw: unknown;
      try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (error) {
        ctx.logger.warn(`settings import: not JSON: ${(error as Error).message}`);
        return whole('file-not-json');
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return whole('file-not-object');
      }
      // An exported file ({ version, settings }), an old one, or bare settings keys.
      const record = raw as Record<string, unknown>;
      const document =
        'version' in record || 'settings' in record || isVersion0(record)
          ? record
          : { version: CURRENT_SETTINGS_VERSION, settings: record };
      const migrated = migrateSettingsDocument(document);
      if (!migrated.ok) {
        ctx.logger.warn(`settings import: ${migrated.error}`);
        return whole('file-unreadable-version');
      }
      const parsed = settingsFileSchema.safeParse(migrated.document.settings);
      if (!parsed.success) return refused(issuesOf(parsed.error, 'settings'));
      const ignoredLocked = leafPaths(parsed.data).filter(locked);
      const result = ctx.settings.replace(omitPaths(parsed.data, locked) as SettingsFile);
      if (!result.ok)
        return refused([{ path: '(file)', code: result.code, params: result.params }]);
      ctx.logger.info(
        `settings imported (file version ${migrated.from})${ignoredLocked.length ? `; managed, left as they are: ${ignoredLocked.join(', ')}` : ''}`,
      );
      return { ok: true, issues: [], ignoredLocked };
    },
  };
}
