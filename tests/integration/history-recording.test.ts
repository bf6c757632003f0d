import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/app';
import { openApp } from '../../src/app/open';
import type { HistoryStore, SettingsStore } from '../../src/app/ports';
import { dispatchCall } from '../../src/contract/dispatch';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/** The real app on a virtual clock, writing its history to a real file. */
const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const MINUTE = 60_000;
const DAY = 86_400_000;
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-history-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const lines = (dir: string) =>
  readFileSync(join(dir, 'history.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; [k: string]: unknown });

describe('the history of breaks', () => {
  it('records breaks due, taken, postponed and skipped, natural breaks and therapy, as they happen', async () => {
    const dir = freshDir();
    const clock = new VirtualClock(MONDAY_0930_BERLIN);
    let awaySince: number | null = null;
    const idle = () => (awaySince === null ? 0 : Math.floor((clock.now() - awaySince) / 1000));
    const app = openApp({ dataDir: dir, clock, timeZone: 'Europe/Berlin', idle });

    clock.advance(20 * MINUTE + 1000); // 09:50: the first micro break is on screen
    clock.advance(31_000); // and runs to its end
    clock.advance(20 * MINUTE); // 10:10:30: the next one
    expect(app.timer.postponeBreak()).toEqual({ ok: true });
    clock.advance(5 * MINUTE + 1000); // back after five minutes
    expect(app.timer.skipBreak()).toEqual({ ok: true });
    // Away from the desk for six minutes: a natural break that covers the long one.
    awaySince = clock.now();
    clock.advance(6 * MINUTE);
    awaySince = null;
    expect(app.timer.startTherapy({ kind: 'ice', minutes: 10 })).toEqual({ ok: true });
    clock.advance(10 * MINUTE + 1000);

    const types = lines(dir).map((r) => r.type);
    expect(types.slice(0, 5)).toEqual([
      'break-due',
      'break-taken',
      'break-due',
      'break-postponed',
      'break-due',
    ]);
    expect(types).toContain('break-skipped');
    expect(types).toContain('natural-break');
    expect(types).toContain('therapy-start');
    expect(lines(dir).find((r) => r.type === 'break-due')).toMatchObject({
      at: MONDAY_0930_BERLIN + 20 * MINUTE,
      kind: 'micro',
      durationSeconds: 30,
    });
    expect(lines(dir).find((r) => r.type === 'therapy-start')).toMatchObject({
      kind: 'ice',
      minutes: 10,
    });

    const stats = await dispatchCall(app.handlers, 'getStats', { days: 7 });
    expect(stats).toMatchObject({
      ok: true,
      value: {
        today: { taken: 1, skipped: 1, postponed: 1, natural: 1, due: 3, compliancePercent: 67 },
      },
    });
    // The heat/ice feature writes the end of the session; its minutes count.
    expect(stats.ok && (stats.value as { today: { iceMinutes: number } }).today.iceMinutes).toBe(
      10,
    );

    const csv = await dispatchCall(app.handlers, 'exportStatsCsv', { days: 1 });
    expect(csv).toMatchObject({
      ok: true,
      value: expect.stringContaining('\r\n2026-11-23,3,1,1,1,1,67,0,10,'),
    });
    app.dispose();
  });

  it('is cleared on request, and the statistics start again from nothing', async () => {
    const dir = freshDir();
    const clock = new VirtualClock(MONDAY_0930_BERLIN);
    const app = openApp({ dataDir: dir, clock, timeZone: 'Europe/Berlin' });
    clock.advance(21 * MINUTE);
    expect(lines(dir).length).toBeGreaterThan(0);
    expect(await dispatchCall(app.handlers, 'clearHistory', undefined)).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(readFileSync(join(dir, 'history.jsonl'), 'utf8')).toBe('');
    expect(await dispatchCall(app.handlers, 'getStats', { days: 1 })).toMatchObject({
      ok: true,
      value: { today: { due: 0, taken: 0 } },
    });
    app.dispose();
  });

  it('keeps a year by default: older records go at startup, and again once a day', () => {
    const dir = freshDir();
    const old = { at: MONDAY_0930_BERLIN - 400 * DAY, type: 'break-taken', kind: 'micro' };
    const recent = { at: MONDAY_0930_BERLIN - 2 * DAY, type: 'break-taken', kind: 'micro' };
    writeFileSync(
      join(dir, 'history.jsonl'),
      `${JSON.stringify(old)}\n${JSON.stringify(recent)}\n`,
    );
    const clock = new VirtualClock(MONDAY_0930_BERLIN);
    const app = openApp({ dataDir: dir, clock, timeZone: 'Europe/Berlin' });
    expect(lines(dir)).toEqual([recent]);

    // A shorter keep takes effect at the next daily compaction.
    expect(app.context.settings.update({ history: { keepDays: 1 } })).toEqual({ ok: true });
    clock.advance(DAY + MINUTE);
    app.context.history.append({ at: clock.now(), type: 'checklist-result', score: {} });
    const kept = lines(dir);
    expect(kept).not.toContainEqual(recent);
    expect(kept.every((r) => (r.at as number) >= clock.now() - DAY)).toBe(true);
    expect(kept.at(-1)).toEqual({ at: clock.now(), type: 'checklist-result', score: {} });
    app.dispose();
  });
});

describe('a disk that refuses writes', () => {
  const diskFull = () =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

  it('is reported as a notice and never stops the timer or the app', async () => {
    const clock = new VirtualClock(MONDAY_0930_BERLIN);
    const settingsStore: SettingsStore = {
      load: () => ({}),
      save: () => {
        throw diskFull();
      },
    };
    const history: HistoryStore = {
      append: () => {
        throw diskFull();
      },
      read: () => [],
      clear: () => {},
      compact: () => ({ kept: 0, dropped: 0 }),
    };
    const app = createApp({ clock, settingsStore, history, timeZone: 'Europe/Berlin' });
    clock.advance(20 * MINUTE + 1000);
    expect(app.status().state).toBe('in-break');
    expect(app.context.notices.list()).toEqual([
      { id: 'storage-failed', detail: 'ENOSPC: no space left on device, write' },
    ]);
    // A change still holds for this session, and the person is told it was not saved.
    expect(
      await dispatchCall(app.handlers, 'updateSettings', { microBreak: { every: '25m' } }),
    ).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(app.context.settings.effective().microBreak.everyMs).toBe(25 * MINUTE);
    app.dispose();
  });

  it('a history file that cannot be opened (a folder in its place) is a notice, not a crash', async () => {
    const dir = freshDir();
    const clock = new VirtualClock(MONDAY_0930_BERLIN);
    rmSync(join(dir, 'history.jsonl'), { force: true });
    // EISDIR where the file should be: the same refusal a read-only disk gives, even to root.
    mkdirSync(join(dir, 'history.jsonl'));
    const app = openApp({ dataDir: dir, clock, timeZone: 'Europe/Berlin' });
    clock.advance(20 * MINUTE + 1000);
    expect(app.status().state).toBe('in-break');
    expect(app.context.notices.list().map((n) => n.id)).toContain('storage-failed');
    expect(await dispatchCall(app.handlers, 'getStats', { days: 7 })).toMatchObject({ ok: true });
    app.dispose();
  });
});
