import { describe, expect, it } from 'vitest';
import { fromCoreSettings, parseSettingsFile } from '../../../src/contract/settings';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';

/**
 * Every bad value is refused with its JSON path and, for numbers and durations, the
 * allowed range: the same messages the settings file, a policy, an import and the
 * settings page get.
 */
const cases: [string, unknown, RegExp][] = [
  ['microBreak.every', { microBreak: { every: '30s' } }, /from 1m to 4h/],
  ['microBreak.every', { microBreak: { every: '5h' } }, /from 1m to 4h/],
  ['microBreak.every', { microBreak: { every: '20 minutes' } }, /is not a duration/],
  ['microBreak.duration', { microBreak: { duration: '2s' } }, /from 5s to 30m/],
  ['microBreak.enabled', { microBreak: { enabled: 'yes' } }, /boolean/],
  ['longBreak.every', { longBreak: { every: '9h' } }, /from 5m to 8h/],
  ['longBreak.duration', { longBreak: { duration: '3h' } }, /from 1m to 2h/],
  ['warningBefore', { warningBefore: '31m' }, /from 0s to 30m/],
  ['postpone.duration', { postpone: { duration: '0s' } }, /longer than 0s/],
  ['postpone.maxPerBreak', { postpone: { maxPerBreak: 21 } }, /whole number from 0 to 20/],
  ['postpone.maxPerBreak', { postpone: { maxPerBreak: 1.5 } }, /whole number from 0 to 20/],
  ['skip.maxPerDay', { skip: { maxPerDay: -1 } }, /whole number from 0 to 100/],
  ['strictMode', { strictMode: 1 }, /boolean/],
  ['naturalBreaks', { naturalBreaks: 'no' }, /boolean/],
  ['workHours.days', { workHours: { days: ['mon', 'mon'] } }, /each day once/],
  ['workHours.days[0]', { workHours: { days: ['monday'] } }, /mon/],
  ['workHours.from', { workHours: { from: '9am' } }, /HH:MM/],
  ['therapy.capMinutes', { therapy: { capMinutes: 21 } }, /capped at 20 minutes/],
  ['therapy.defaultMinutes', { therapy: { defaultMinutes: 0 } }, /at least 1 minute/],
  ['therapy.restBetween', { therapy: { restBetween: '25h' } }, /at most 24h/],
  ['therapy.restBetween', { therapy: { restBetween: '10m' } }, /at least 20m: the skin needs/],
  ['routines[0].cron', { routines: [{ id: 'x', cron: '* * *' }] }, /5 \(minute hour/],
  [
    'routines[0].cron',
    { routines: [{ id: 'x', cron: `0 10 * * ${'1,'.repeat(175_000)}1` }] },
    /at most 120 characters; this one has 350010/,
  ],
  ['notifications.volume', { notifications: { volume: 101 } }, /whole number from 0 to 100/],
  ['notifications.sound', { notifications: { sound: 'loud' } }, /boolean/],
  ['startup.openAtLogin', { startup: { openAtLogin: null } }, /boolean/],
  ['history.keepDays', { history: { keepDays: 0 } }, /whole number from 1 to 3650/],
  ['history.forever', { history: { forever: true } }, /unknown key "forever"/],
];

describe('the settings schema', () => {
  it.each(cases)('refuses a bad %s, naming its path', (path, value, message) => {
    const result = parseSettingsFile(value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatch(
      new RegExp(`^settings\\.${path.replace(/[.[\]]/g, '\\$&')}: `),
    );
    expect(result.issues[0]).toMatch(message);
  });

  it('accepts the defaults and the edges of every range', () => {
    expect(parseSettingsFile(fromCoreSettings(DEFAULT_SETTINGS)).ok).toBe(true);
    expect(
      parseSettingsFile({
        microBreak: { every: '1m', duration: '30m' },
        longBreak: { every: '8h', duration: '1m' },
        warningBefore: '0s',
        postpone: { duration: '2h', maxPerBreak: 0 },
        skip: { maxPerDay: null },
        therapy: { restBetween: '24h' },
        notifications: { enabled: false, sound: false, volume: 0 },
        startup: { openAtLogin: false },
        history: { keepDays: 3650 },
      }).ok,
    ).toBe(true);
  });
});
