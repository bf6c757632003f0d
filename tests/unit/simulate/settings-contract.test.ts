import { describe, expect, it } from 'vitest';
import {
  effectiveSettings,
  formatIssuePath,
  fromCoreSettings,
  isLocked,
  lockedPaths,
  parsePolicy,
  parseSettingsFile,
  settingsFileSchema,
  toCoreSettings,
} from '../../../src/contract/settings';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { MINUTE } from '../../../src/core/time/duration';

describe('settings file schema', () => {
  it('accepts the documented defaults, and any part of them', () => {
    expect(parseSettingsFile(fromCoreSettings(DEFAULT_SETTINGS)).ok).toBe(true);
    expect(parseSettingsFile({}).ok).toBe(true);
    expect(parseSettingsFile({ microBreak: { every: '25m' } }).ok).toBe(true);
    expect(parseSettingsFile({ workHours: null }).ok).toBe(true);
  });

  it('names the JSON path of a bad duration', () => {
    expect(parseSettingsFile({ microBreak: { every: '20 minutes' } })).toEqual({
      ok: false,
      issues: [
        expect.stringMatching(/^settings\.microBreak\.every: "20 minutes" is not a duration/),
      ],
    });
  });

  it('refuses unknown keys, naming them', () => {
    const result = parseSettingsFile({ microBreak: { every: '20m', often: true } });
    expect(result).toEqual({
      ok: false,
      issues: ['settings.microBreak.often: unknown key "often"'],
    });
  });

  it('caps therapy at 20 minutes wherever it appears', () => {
    expect(parseSettingsFile({ therapy: { capMinutes: 25 } })).toMatchObject({
      ok: false,
      issues: [
        expect.stringMatching(/^settings\.therapy\.capMinutes: therapy is capped at 20 minutes/),
      ],
    });
    expect(parseSettingsFile({ therapy: { defaultMinutes: 0 } }).ok).toBe(false);
    expect(parsePolicy({ version: 1, locked: { therapy: { capMinutes: 30 } } })).toMatchObject({
      ok: false,
      issues: [expect.stringMatching(/^policy\.locked\.therapy\.capMinutes:/)],
    });
  });

  it('checks cron routines with a clear error', () => {
    const result = parseSettingsFile({ routines: [{ id: 'x', cron: '61 10 * * 1' }] });
    expect(result).toMatchObject({
      ok: false,
      issues: [expect.stringMatching(/^settings\.routines\[0\]\.cron: .*minute/)],
    });
    expect(parseSettingsFile({ routines: [{ id: 'x', cron: '0 0 10 * * 1' }] }).ok).toBe(false);
  });

  it('refuses a bad time of day and repeated days', () => {
    expect(parseSettingsFile({ workHours: { from: '9am' } }).ok).toBe(false);
    expect(parseSettingsFile({ workHours: { days: ['mon', 'mon'] } }).ok).toBe(false);
  });

  it('formats array paths the JSON way', () => {
    expect(formatIssuePath({ path: ['inputs', 3, 'at'] }, '')).toBe('inputs[3].at');
    expect(formatIssuePath({ path: ['microBreak', 'every'] })).toBe('settings.microBreak.every');
  });

  it('is strict at the top too', () => {
    expect(settingsFileSchema.safeParse({ microbreak: {} }).success).toBe(false);
  });
});

describe('layered settings', () => {
  it('with nothing set, the core defaults come back', () => {
    expect(toCoreSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips through the file shape', () => {
    expect(toCoreSettings(fromCoreSettings(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
  });

  it('policy defaults < user choices < policy locks', () => {
    const policy = {
      version: 1 as const,
      defaults: { microBreak: { every: '30m' }, longBreak: { every: '50m' } },
      locked: { longBreak: { every: '45m' }, strictMode: true },
    };
    const user = { microBreak: { every: '25m' }, longBreak: { every: '2h' }, strictMode: false };
    const settings = effectiveSettings(user, policy);
    expect(settings.microBreak.everyMs).toBe(25 * MINUTE);
    expect(settings.longBreak.everyMs).toBe(45 * MINUTE);
    expect(settings.strictMode).toBe(true);
    expect(settings.microBreak.durationMs).toBe(DEFAULT_SETTINGS.microBreak.durationMs);
  });

  it('a policy lowering the cap pulls the default down with it', () => {
    const settings = effectiveSettings({}, { version: 1, locked: { therapy: { capMinutes: 10 } } });
    expect(settings.therapy).toMatchObject({ capMinutes: 10, defaultMinutes: 10 });
  });

  it('lists what a policy locks, for "Managed by your organization"', () => {
    const locked = { microBreak: { every: '20m' }, workHours: null, routines: [] };
    expect(lockedPaths(locked)).toEqual(['microBreak.every', 'workHours', 'routines']);
    expect(isLocked('microBreak.every', locked)).toBe(true);
    expect(isLocked('workHours.from', locked)).toBe(true);
    expect(isLocked('microBreak.duration', locked)).toBe(false);
  });

  it('work hours set after null by a later layer are filled from the defaults', () => {
    const settings = toCoreSettings({ workHours: null }, { workHours: { from: '08:00' } });
    expect(settings.workHours).toEqual({ ...DEFAULT_SETTINGS.workHours, from: '08:00' });
  });

  it('the theme follows the system unless light or dark is chosen, and nothing else', () => {
    expect(toCoreSettings().theme).toBe('system');
    expect(toCoreSettings({ theme: 'dark' }).theme).toBe('dark');
    expect(fromCoreSettings(toCoreSettings({ theme: 'light' })).theme).toBe('light');
    expect(parseSettingsFile({ theme: 'sepia' })).toEqual({
      ok: false,
      issues: ['settings.theme: the theme is one of "system", "light", "dark"'],
    });
  });
});
