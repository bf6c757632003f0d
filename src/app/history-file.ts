import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { HistoryRecord, HistoryStore, Logger } from './ports';

/**
 * The history as JSON Lines, one record a line, each append flushed to disk before it
 * returns. A kill -9 mid-write can leave at most a torn last line; reading skips any
 * line that does not parse, so everything written before it survives.
 */
export function createHistoryFile(path: string, logger?: Logger): HistoryStore {
  mkdirSync(dirname(path), { recursive: true });
  const appendLine = (line: string) => {
    const fd = openSync(path, 'a');
    try {
      writeSync(fd, line);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  return {
    append(record) {
      appendLine(`${JSON.stringify(record)}\n`);
    },
    read() {
      if (!existsSync(path)) return [];
      const records: HistoryRecord[] = [];
      let skipped = 0;
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        try {
          const value = JSON.parse(line) as unknown;
          if (
            typeof value === 'object' &&
            value !== null &&
            typeof (value as HistoryRecord).at === 'number' &&
            typeof (value as HistoryRecord).type === 'string'
          ) {
            records.push(value as HistoryRecord);
          } else skipped++;
        } catch {
          skipped++;
        }
      }
      if (skipped > 0) logger?.warn(`history: skipped ${skipped} unreadable line(s) in ${path}`);
      return records;
    },
    clear() {
      const fd = openSync(path, 'w');
      fsyncSync(fd);
      closeSync(fd);
    },
  };
}
