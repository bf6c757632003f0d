import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createHistoryFile, linesToKeep } from '../../../src/app/history-file';

const root = mkdtempSync(join(tmpdir(), 'unhunch-compaction-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let runs = 0;

const record = fc.record({
  at: fc.integer({ min: 0, max: 1_000_000 }),
  type: fc.constantFrom('break-taken', 'break-skipped', 'natural-break', 'checklist-result'),
  n: fc.integer(),
});

describe('history compaction', () => {
  it('never loses a record at or after the cutoff, keeps their order, and drops the rest', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
        (records, cutoff, junk) => {
          const dir = join(root, String(runs++));
          mkdirSync(dir);
          const path = join(dir, 'history.jsonl');
          // Written in one go (an fsync a record would only slow the property down).
          writeFileSync(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
          // Torn or foreign lines are dropped too; they were never readable.
          for (const line of junk) appendFileSync(path, `${line}\n`);
          const history = createHistoryFile(path);
          const result = history.compact(cutoff);
          const kept = records.filter((r) => r.at >= cutoff);
          expect(history.read()).toEqual(kept);
          expect(result.kept).toBe(kept.length);
          // Nothing is left behind: no temporary file beside the history.
          expect(readdirSync(dir).filter((f) => f !== 'history.jsonl')).toEqual([]);
          // And appending afterwards still works on a fresh line.
          history.append({ at: 2_000_000, type: 'after' });
          expect(history.read().at(-1)).toEqual({ at: 2_000_000, type: 'after' });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('chooses lines by their time alone, without parsing them into anything else', () => {
    const lines = [
      '{"at":5,"type":"a"}',
      '{"at":1,"type":"b"}',
      '{"at":',
      '',
      '{"at":9,"type":"c","x":[1]}',
    ];
    expect(linesToKeep(lines, 5)).toEqual({
      kept: ['{"at":5,"type":"a"}', '{"at":9,"type":"c","x":[1]}'],
      dropped: 2,
    });
  });

  it('does not rewrite a file with nothing to drop', () => {
    const dir = join(root, 'untouched');
    const path = join(dir, 'history.jsonl');
    const history = createHistoryFile(path);
    history.append({ at: 10, type: 'x' });
    const before = readFileSync(path, 'utf8');
    expect(history.compact(0)).toEqual({ kept: 1, dropped: 0 });
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('starts a new line after a torn last line instead of gluing a record to it', () => {
    const dir = join(root, 'torn');
    const path = join(dir, 'history.jsonl');
    createHistoryFile(path).append({ at: 1, type: 'first' });
    appendFileSync(path, '{"at":2,"type":"torn"');
    const reopened = createHistoryFile(path);
    reopened.append({ at: 3, type: 'after' });
    expect(reopened.read()).toEqual([
      { at: 1, type: 'first' },
      { at: 3, type: 'after' },
    ]);
  });

  it('clears to an empty file', () => {
    const dir = join(root, 'clear');
    const path = join(dir, 'history.jsonl');
    const history = createHistoryFile(path);
    history.append({ at: 1, type: 'x' });
    history.clear();
    expect(history.read()).toEqual([]);
    writeFileSync(path, '');
    history.append({ at: 2, type: 'y' });
    expect(history.read()).toEqual([{ at: 2, type: 'y' }]);
  });
});
