import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfSettingsStore } from '../../src/app/conf-settings-store';
import { createHistoryFile } from '../../src/app/history-file';
import { openApp } from '../../src/app/open';
import { dispatchCall } from '../../src/contract/dispatch';
import { parseSettingsFile } from '../../src/contract/settings';
import { VirtualClock } from '../../src/core/time/virtual-clock';
import { killWhenReady } from './helpers/kill-when-ready';

/** Pulling the plug: a writer killed with SIGKILL mid-write, then everything reopened. */
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-durable-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the hammer until it has written `rounds` rounds, waits a moment more, then kills it. */
function hammerAndKill(dir: string, rounds: number, extraMs: number): Promise<void> {
  const wrote = (chunk: string) =>
    [...chunk.matchAll(/wrote (\d+)/g)].some((m) => Number(m[1]) >= rounds);
  return killWhenReady('tests/integration/helpers/hammer-history.ts', [dir], wrote, extraMs);
}

describe('kill -9 while writing', () => {
  it('never costs more than the record being written, and never the settings', async () => {
    const dir = freshDir();
    const kills = [0, 3, 7, 1];
    for (const [index, extraMs] of kills.entries()) {
      await hammerAndKill(dir, 20 + index * 10, extraMs);

      // The settings file always parses and holds valid settings: it is renamed into place whole.
      const document = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
      expect(parseSettingsFile(document.settings).ok).toBe(true);
      const reopened = openConfSettingsStore(Conf, { cwd: dir });
      expect(reopened.movedAside).toBeNull();

      // Every line but a torn last one is a whole record.
      const lines = readFileSync(join(dir, 'history.jsonl'), 'utf8').split('\n');
      const last = lines.pop();
      const unreadable = lines.filter((line) => {
        try {
          JSON.parse(line);
          return false;
        } catch {
          return true;
        }
      });
      // Earlier kills' torn lines stay where they were, each closed by the next run's fresh line.
      expect(unreadable.length).toBeLessThanOrEqual(index);
      if (last !== '') expect(() => JSON.parse(last ?? '')).toThrow();
    }
    // The readable records are numbered without a gap: nothing but the record being written was lost.
    const records = createHistoryFile(join(dir, 'history.jsonl')).read();
    expect(records.length).toBeGreaterThan(50);
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i));
  }, 120_000);
});

describe('a damaged history', () => {
  it('still lets the app start, keeping every good line', async () => {
    const dir = freshDir();
    const now = Date.parse('2026-11-27T10:00:00+01:00');
    const good = [
      { at: now - 3_600_000, type: 'break-taken', kind: 'micro' },
      { at: now - 1_800_000, type: 'break-skipped', kind: 'micro' },
    ];
    writeFileSync(
      join(dir, 'history.jsonl'),
      `${JSON.stringify(good[0])}\n\u0000\u0000garbage\n${JSON.stringify(good[1])}\n{"at": ${now}, "type": "break-ta`,
    );
    const app = openApp({ dataDir: dir, clock: new VirtualClock(now), timeZone: 'Europe/Berlin' });
    const stats = await dispatchCall(app.handlers, 'getStats', { days: 1 });
    expect(stats).toMatchObject({ ok: true, value: { today: { taken: 1, skipped: 1 } } });
    // A new record after the torn tail is readable, and so is everything before it.
    app.context.history.append({ at: now, type: 'break-taken', kind: 'micro' });
    expect(createHistoryFile(join(dir, 'history.jsonl')).read()).toEqual([
      ...good,
      { at: now, type: 'break-taken', kind: 'micro' },
    ]);
    app.dispose();
  });

  it('a truncated history (cut mid-file) loses only the cut line', () => {
    const dir = freshDir();
    const path = join(dir, 'history.jsonl');
    const history = createHistoryFile(path);
    for (let i = 0; i < 5; i++) history.append({ at: i, type: 'break-taken', kind: 'micro' });
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, text.length - 10));
    expect(
      createHistoryFile(path)
        .read()
        .map((r) => r.at),
    ).toEqual([0, 1, 2, 3]);
    appendFileSync(path, '');
  });
});
