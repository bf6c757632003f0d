import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './json-file';
import type { HistoryRecord, HistoryStore, Logger } from './ports';

/** A line of the file as a record, or null for a torn or foreign line. */
export function parseHistoryLine(line: string): HistoryRecord | null {
  if (line.trim() === '') return null;
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof (value as HistoryRecord).at === 'number' &&
      Number.isFinite((value as HistoryRecord).at) &&
      typeof (value as HistoryRecord).type === 'string'
      ? (value as HistoryRecord)
      : null;
  } catch {
    return null;
  }
}

/**
 * Which lines a compaction keeps: every record at or after `keepFrom`, in file order.
 * Lines that do not parse are dropped with the old records; they were never readable.
 */
export function linesToKeep(
  lines: readonly string[],
  keepFrom: number,
): { kept: string[]; dropped: number } {
  const kept: string[] = [];
  let dropped = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const record = parseHistoryLine(line);
    if (record && record.at >= keepFrom) kept.push(line);
    else dropped++;
  }
  return { kept, dropped };
}

/**
 * The history as JSON Lines, one record a line, each append flushed to disk before it
 * returns. A kill -9 mid-write can leave at most a torn last line; reading skips any
 * line that does not parse, so everything written before it survives, and the next
 * append starts on a fresh line so a torn tail never swallows a new record.
 */
export function createHistoryFile(path: string, logger?: Logger): HistoryStore {
  let tailChecked = false;
  const openForAppend = () => {
    try {
      return openSync(path, 'a+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // The folder was removed while Unhunch ran: make it again rather than lose the record.
      mkdirSync(dirname(path), { recursive: true });
      return openSync(path, 'a+');
    }
  };
  const appendLine = (line: string) => {
    if (!tailChecked) mkdirSync(dirname(path), { recursive: true });
    const fd = openForAppend();
    try {
      let text = line;
      if (!tailChecked) {
        const size = fstatSync(fd).size;
        if (size > 0) {
          const last = Buffer.alloc(1);
          readSync(fd, last, 0, 1, size - 1);
          if (last[0] !== 0x0a) text = `\n${line}`;
        }
      }
      writeSync(fd, text);
      fsyncSync(fd);
      tailChecked = true;
    } finally {
      closeSync(fd);
    }
  };
  const readLines = (): string[] =>
    existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  return {
    append(record) {
      appendLine(`${JSON.stringify(record)}\n`);
    },
    read() {
      const records: HistoryRecord[] = [];
      let skipped = 0;
      for (const line of readLines()) {
        if (line.trim() === '') continue;
        const record = parseHistoryLine(line);
        if (record) records.push(record);
        else skipped++;
      }
      if (skipped > 0) logger?.warn(`history: skipped ${skipped} unreadable line(s) in ${path}`);
      return records;
    },
    clear() {
      if (existsSync(path)) writeFileAtomic(path, '');
      tailChecked = true;
    },
    compact(keepFrom) {
      const { kept, dropped } = linesToKeep(readLines(), keepFrom);
      if (dropped > 0) {
        writeFileAtomic(path, kept.map((line) => `${line}\n`).join(''));
        tailChecked = true;
      }
      return { kept: kept.length, dropped };
    },
  };
}
