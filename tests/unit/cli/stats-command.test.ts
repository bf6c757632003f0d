import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/commands/io';
import { defaultDataDir, runStats } from '../../../src/cli/commands/stats';

const NOW = Date.parse('2026-11-27T15:00:00+01:00');
const dir = mkdtempSync(join(tmpdir(), 'unhunch-stats-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: async () => '',
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
const environment = { now: () => NOW, platform: 'linux' as const, env: {}, home: '/home/ada' };

describe('unhunch stats', () => {
  const at = (time: string) => Date.parse(`2026-11-27T${time}:00+01:00`);
  writeFileSync(
    join(dir, 'history.jsonl'),
    [
      { at: at('09:20'), type: 'break-taken', kind: 'micro' },
      { at: at('09:40'), type: 'break-skipped', kind: 'micro' },
      { at: at('10:00'), type: 'natural-break', kind: 'long' },
      { at: at('10:20'), type: 'break-taken', kind: 'micro' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n')
      .concat('\n{"at": 17'),
  );

  it('prints today, the last 7 and 30 days, and the streak, from the data folder', async () => {
    const { io, out, err } = capture();
    expect(await runStats({ data: dir, timezone: 'Europe/Berlin' }, io, environment)).toBe(0);
    expect(err()).toBe('');
    expect(out()).toMatch(/^taken\s+2\s+2\s+2$/m);
    expect(out()).toMatch(/^breaks kept\s+75%\s+75%\s+75%$/m);
    expect(out()).toContain('Streak: 0 days in a row');
    expect(out()).toContain('1 line of the history could not be read and was left out.');
  });

  it('prints the statistics past lines with impossible values, and says how many it skipped', async () => {
    const damaged = mkdtempSync(join(dir, 'damaged-'));
    writeFileSync(
      join(damaged, 'history.jsonl'),
      [
        { at: at('09:20'), type: 'break-taken', kind: 'micro' },
        { at: 1e308, type: 'break-taken', kind: 'micro' },
        { at: at('09:40'), type: 'therapy-end', kind: 'ice', minutes: 900, outcome: 'completed' },
        { at: at('10:00'), type: 'therapy-end', kind: 'heat', minutes: 15, outcome: 'completed' },
      ]
        .map((r) => `${JSON.stringify(r)}\n`)
        .join(''),
    );
    const { io, out, err } = capture();
    expect(await runStats({ data: damaged, timezone: 'Europe/Berlin' }, io, environment)).toBe(0);
    expect(err()).toBe('');
    expect(out()).toMatch(/^taken\s+1\s+1\s+1$/m);
    expect(out()).toMatch(/^heat \(min\)\s+15\s+15\s+15$/m);
    expect(out()).toMatch(/^ice \(min\)\s+0\s+0\s+0$/m);
    expect(out()).toContain('2 lines of the history could not be read and were left out.');

    const csv = capture();
    await runStats({ data: damaged, timezone: 'Europe/Berlin', csv: true }, csv.io, environment);
    expect(csv.out()).toMatch(/^date,breaks_due/);
    expect(csv.err()).toContain('2 lines of the history could not be read');
  });

  it('adds a column for --days and prints CSV with --csv', async () => {
    const summary = capture();
    await runStats({ data: dir, days: '90', timezone: 'Europe/Berlin' }, summary.io, environment);
    expect(summary.out()).toContain('last 90 days');
    const csv = capture();
    await runStats(
      { data: dir, days: '2', csv: true, timezone: 'Europe/Berlin' },
      csv.io,
      environment,
    );
    expect(csv.out().split('\r\n')).toEqual([
      'date,breaks_due,taken,natural,skipped,postponed,compliance_percent,heat_minutes,ice_minutes,checklist_percent',
      '2026-11-26,0,0,0,0,0,,0,0,',
      '2026-11-27,4,2,1,1,0,75,0,0,',
      '',
    ]);
  });

  it('exits 2 with a plain message for a bad --days, zone or folder', async () => {
    for (const args of [
      { data: dir, days: '0' },
      { data: dir, days: 'week' },
      { data: dir, timezone: 'Mars/Olympus' },
      { data: join(dir, 'nowhere') },
    ]) {
      const { io, out, err } = capture();
      expect(await runStats(args, io, environment)).toBe(2);
      expect(out()).toBe('');
      expect(err()).toMatch(/^unhunch stats: /);
    }
  });

  it('finds the data folder where Electron keeps it on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Unhunch');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ada')).toBe('/cfg/Unhunch');
    expect(defaultDataDir('darwin', {}, '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Unhunch',
    );
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada'),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\Unhunch');
    expect(defaultDataDir('linux', { UNHUNCH_USER_DATA: '/data' }, '/home/ada')).toBe('/data');
  });
});

describe('unhunch stats with weekly check-ins', () => {
  const withCheckins = mkdtempSync(join(tmpdir(), 'unhunch-stats-checkin-'));
  afterAll(() => rmSync(withCheckins, { recursive: true, force: true }));
  const checkin = (date: string, pain: number) => ({
    at: Date.parse(`${date}T14:05:00+01:00`),
    type: 'weekly-checkin',
    pain,
    interference: pain - 1,
    redFlags: { emergency: false, urgent: false },
  });
  writeFileSync(
    join(withCheckins, 'history.jsonl'),
    [checkin('2026-11-13', 5), checkin('2026-11-27', 3)].map((r) => JSON.stringify(r)).join('\n'),
  );

  it('ends with the weekly pain trend, a line a week, and says nothing of it without check-ins', async () => {
    const { io, out } = capture();
    await runStats({ data: withCheckins, days: '21', timezone: 'Europe/Berlin' }, io, environment);
    expect(out()).toContain('Upper back, week by week');
    expect(out()).toMatch(/^2026-11-09\s+5\s+4\s+0\/0/m);
    expect(out()).toMatch(/^2026-11-16\s+–\s+–/m);
    expect(out()).toMatch(/^2026-11-23\s+3\s+2/m);
    const none = capture();
    await runStats({ data: dir, timezone: 'Europe/Berlin' }, none.io, environment);
    expect(none.out()).not.toContain('Upper back');
  });
});
