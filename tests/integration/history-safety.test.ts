import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_TAIL_BYTES } from '../../src/app/history/app-history';
import { openApp } from '../../src/app/open';
import { dispatchCall } from '../../src/contract/dispatch';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/** The history against a wrong clock, damaged lines and a file too big to read at once. */
const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const MINUTE = 60_000;
const DAY = 86_400_000;
const dirs: string[] = [];
const apps: { dispose(): void }[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-history-safety-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const historyPath = (dir: string) => join(dir, 'history.jsonl');
const asLines = (records: object[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

function open(dir: string, now: number) {
  const clock = new VirtualClock(now);
  const app = openApp({ dataDir: dir, clock, timeZone: 'Europe/Berlin' });
  apps.push(app);
  const call = (name: string, input?: unknown) => dispatchCall(app.handlers, name, input);
  return { app, clock, call };
}

/** Days of breaks up to `end`: one taken break a day at 10:00 Berlin. */
function daysOfBreaks(end: number, days: number) {
  return Array.from({ length: days }, (_, i) => ({
    at: end - (days - 1 - i) * DAY,
    type: 'break-taken',
    kind: 'micro',
  }));
}

describe('a clock far ahead', () => {
  it('does not empty the history: nothing is dropped, and the file is left as it was', async () => {
    const dir = freshDir();
    const written = asLines(daysOfBreaks(MONDAY_0930_BERLIN, 200));
    writeFileSync(historyPath(dir), written);
    // The machine starts once with its clock ten years ahead.
    const { app, clock } = open(dir, MONDAY_0930_BERLIN + 3650 * DAY);
    expect(readFileSync(historyPath(dir), 'utf8')).toBe(written);
    // Nor the daily compaction later in the same run, after records made by the wrong clock.
    clock.advance(DAY + MINUTE);
    app.context.history.append({ at: clock.now(), type: 'break-taken', kind: 'micro' });
    expect(readFileSync(historyPath(dir), 'utf8').startsWith(written)).toBe(true);
  });

  it('still compacts in a run that has lasted longer than the gap it allows', () => {
    const dir = freshDir();
    writeFileSync(historyPath(dir), asLines(daysOfBreaks(MONDAY_0930_BERLIN - DAY, 300)));
    // No timed breaks: this test writes its own, one a day.
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        settings: {
          microBreak: { enabled: false },
          longBreak: { enabled: false },
          history: { keepDays: 30 },
        },
      }),
    );
    const { app, clock } = open(dir, MONDAY_0930_BERLIN);
    // Six weeks of uptime, a break a day: the clock is vouched for by the time really gone by.
    for (let day = 0; day < 42; day++) {
      clock.advance(DAY);
      app.context.history.append({ at: clock.now(), type: 'break-taken', kind: 'micro' });
    }
    const kept = readFileSync(historyPath(dir), 'utf8').trim().split('\n');
    expect(kept.length).toBeLessThanOrEqual(31);
  });

  it('once the clock is right again, compaction drops only what is older than a year', () => {
    const dir = freshDir();
    writeFileSync(historyPath(dir), asLines(daysOfBreaks(MONDAY_0930_BERLIN - DAY, 400)));
    open(dir, MONDAY_0930_BERLIN);
    const kept = readFileSync(historyPath(dir), 'utf8').trim().split('\n');
    expect(kept).toHaveLength(365);
    // Nothing is left beside the history: the new file replaced it whole.
    expect(readdirSync(dir).filter((name) => name.startsWith('history'))).toEqual([
      'history.jsonl',
    ]);
  });
});

describe('a damaged line', () => {
  it('is skipped and counted: the statistics and the CSV still come, with a notice', async () => {
    const dir = freshDir();
    const today = MONDAY_0930_BERLIN - 30 * MINUTE;
    writeFileSync(
      historyPath(dir),
      asLines([
        { at: today, type: 'break-taken', kind: 'micro' },
        { at: 1e308, type: 'break-taken', kind: 'micro' },
        { at: today, type: 'therapy-end', kind: 'ice', minutes: 600, outcome: 'completed' },
        { at: today, type: 'break-skipped', kind: 'huge' },
      ]),
    );
    const { call } = open(dir, MONDAY_0930_BERLIN);
    expect(await call('getStats', { days: 7 })).toMatchObject({
      ok: true,
      value: { today: { due: 1, taken: 1, iceMinutes: 0 } },
    });
    const csv = (await call('exportStatsCsv', { days: 7 })) as { ok: boolean; value: string };
    expect(csv.ok).toBe(true);
    expect(csv.value).toContain('2026-11-23,1,1,0,0,0,100');
    expect((await call('getNotices')) as { value: unknown[] }).toMatchObject({
      value: expect.arrayContaining([{ id: 'history-lines-skipped', detail: '3' }]),
    });
  });
});

describe('a history bigger than is read at once', () => {
  it('is read in the background: recent records at once, every figure once it is read, appends counted once', async () => {
    const dir = freshDir();
    // Two years of 60 taken breaks a day: about 3 MB, three times what is read at once.
    const records = [];
    for (let day = 700; day >= 1; day--) {
      for (let i = 0; i < 60; i++) {
        records.push({
          at: MONDAY_0930_BERLIN - day * DAY + i * MINUTE,
          type: 'break-taken',
          kind: 'micro',
        });
      }
    }
    records.push({
      at: MONDAY_0930_BERLIN - DAY,
      type: 'therapy-end',
      kind: 'heat',
      minutes: 15,
      outcome: 'completed',
    });
    writeFileSync(historyPath(dir), asLines(records));
    expect(readFileSync(historyPath(dir)).length).toBeGreaterThan(2 * HISTORY_TAIL_BYTES);

    const { app, call } = open(dir, MONDAY_0930_BERLIN);
    // The recent sessions are there at once (the rest between sessions needs them).
    expect(app.context.history.read()).toContainEqual(records.at(-1));
    // Appended while the file is still being read: counted once, and kept in the file.
    app.context.history.append({ at: MONDAY_0930_BERLIN, type: 'break-taken', kind: 'micro' });

    const stats = (await call('getStats', { days: 30 })) as {
      ok: true;
      value: { today: { taken: number }; last30: { taken: number } };
    };
    expect(stats.value.today.taken).toBe(1);
    expect(stats.value.last30.taken).toBe(29 * 60 + 1);
    // A year is kept: the older year went in the background, the append stayed.
    await app.context.history.compactNow();
    const lines = readFileSync(historyPath(dir), 'utf8').trim().split('\n');
    expect(lines.at(-1)).toBe(
      JSON.stringify({ at: MONDAY_0930_BERLIN, type: 'break-taken', kind: 'micro' }),
    );
    expect(
      lines.every(
        (line) => (JSON.parse(line) as { at: number }).at >= MONDAY_0930_BERLIN - 365 * DAY,
      ),
    ).toBe(true);
    expect(lines.length).toBe(365 * 60 + 2);
  });
});
