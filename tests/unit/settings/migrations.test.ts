import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SETTINGS_VERSION,
  migrateSettingsDocument,
  settingsVersionOf,
} from '../../../src/app/settings-migrations';
import { effectiveSettings, parseSettingsFile } from '../../../src/contract/settings';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';

/** Real files as each version wrote them: tests/fixtures/settings/README.md. */
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/settings', name), 'utf8'));

function migrated(name: string) {
  const result = migrateSettingsDocument(fixture(name));
  if (!result.ok) throw new Error(result.error);
  const parsed = parseSettingsFile(result.document.settings);
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  return { ...result, file: parsed.file };
}

describe('settings migrations, from files each version wrote', () => {
  it('knows each fixture by its version', () => {
    expect(settingsVersionOf(fixture('version-0-defaults.json'))).toBe(0);
    expect(settingsVersionOf(fixture('version-1-unversioned.json'))).toBe(1);
    expect(settingsVersionOf(fixture('version-1.json'))).toBe(1);
    expect(settingsVersionOf(fixture('version-2-future.json'))).toBe(2);
    expect(settingsVersionOf('a string')).toBeNull();
    expect(settingsVersionOf({ version: 'one' })).toBeNull();
  });

  it('turns a version 0 file of defaults into exactly the default settings', () => {
    const result = migrated('version-0-defaults.json');
    expect(result.from).toBe(0);
    expect(result.document.version).toBe(CURRENT_SETTINGS_VERSION);
    expect(result.notes).toEqual([]);
    expect(effectiveSettings(result.file)).toEqual(DEFAULT_SETTINGS);
  });

  it('carries every choice of a version 0 file over, minutes and seconds becoming durations', () => {
    const result = migrated('version-0-custom.json');
    expect(result.file).toEqual({
      microBreak: { every: '25m', duration: '45s' },
      longBreak: { enabled: false, every: '1h30m', duration: '7m30s' },
      warningBefore: '0s',
      postpone: { duration: '10m', maxPerBreak: 1 },
      skip: { maxPerDay: 3 },
      strictMode: true,
      workHours: null,
      therapy: { defaultMinutes: 12, restBetween: '2h' },
    });
    expect(result.notes).toEqual(['"theme" is not a setting any more and was left out']);
  });

  it('refuses a version 0 value it cannot convert, naming the key', () => {
    expect(migrateSettingsDocument(fixture('version-0-broken.json'))).toEqual({
      ok: false,
      error:
        'settings version 0 could not be converted: microBreakIntervalMinutes should be a number of minutes',
    });
  });

  it('stamps a version 1 file written before the version field, changing nothing else', () => {
    const result = migrated('version-1-unversioned.json');
    expect(result.from).toBe(1);
    expect(result.document).toEqual({
      version: 1,
      settings: (fixture('version-1-unversioned.json') as { settings: unknown }).settings,
    });
  });

  it('reads a current file as it is', () => {
    const result = migrated('version-1.json');
    expect(result.document).toEqual(fixture('version-1.json'));
    expect(effectiveSettings(result.file).notifications).toEqual({
      enabled: true,
      sound: false,
      volume: 40,
    });
    expect(effectiveSettings(result.file).history.keepDays).toBe(90);
  });

  it('refuses a file from a newer Unhunch rather than guessing', () => {
    expect(migrateSettingsDocument(fixture('version-2-future.json'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('written by a newer Unhunch (settings version 2)'),
    });
  });

  it('refuses documents that are no settings at all', () => {
    expect(migrateSettingsDocument([1, 2])).toMatchObject({ ok: false });
    expect(migrateSettingsDocument({ version: 1, settings: 'all of them' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('"settings"'),
    });
  });

  it('raises a rest between heat or ice sessions written before its floor, keeping every other choice', () => {
    const result = migrateSettingsDocument({
      version: 1,
      settings: { microBreak: { every: '25m' }, therapy: { restBetween: '0s' } },
    });
    if (!result.ok) throw new Error(result.error);
    const parsed = parseSettingsFile(result.document.settings);
    expect(parsed).toEqual({
      ok: true,
      file: { microBreak: { every: '25m' }, therapy: { restBetween: '20m' } },
    });
    expect(result.notes).toEqual([
      'therapy.restBetween 0s is under the 20-minute floor and was raised to it',
    ]);
  });
});
