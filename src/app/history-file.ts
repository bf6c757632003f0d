import {
  closeSync,
  createReadStream,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open as openAsync, rm as rmAsync } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { moveIntoPlace, writeFileAtomic } from './json-file';
import type { HistoryRecord, HistoryStore, HistoryTail, Logger } from './ports';

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
        replaceVerified(path, kept);
        tailChecked = true;
      }
      return { kept: kept.length, dropped };
    },
    size: () => (existsSync(path) ? statSync(path).size : 0),
    tail: (bytes) => readTail(path, bytes),
    scan: (onLine, endByte) => scanLines(path, onLine, endByte),
    async compactStreaming(keepFrom, endByte) {
      const result = await compactByStreaming(path, keepFrom, endByte);
      if (result.dropped > 0) tailChecked = true;
      return result;
    },
  };
}

/** Lines the way a compaction writes them: each ends with a newline. */
const asText = (lines: readonly string[]) => lines.map((line) => `${line}\n`).join('');

/** How many lines of `text` parse as records: what a compaction checks it wrote. */
function readableLines(text: string): number {
  let count = 0;
  for (const line of text.split('\n')) if (parseHistoryLine(line)) count++;
  return count;
}

/**
 * Puts `kept` in place of the file, keeping the old file until the new one has been
 * written, flushed and read back whole: a write the disk lost or cut short never
 * replaces the history.
 */
function replaceVerified(path: string, kept: readonly string[]) {
  const temporary = `${path}.${process.pid}.compact`;
  writeFileAtomic(temporary, asText(kept));
  try {
    const back = readableLines(readFileSync(temporary, 'utf8'));
    if (back !== kept.length) {
      throw new Error(`the compacted history read back ${back} of ${kept.length} records`);
    }
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  moveIntoPlace(temporary, path);
}

/** The file's size and its last `bytes` as whole lines (a line cut by the start is left out). */
function readTail(path: string, bytes: number): HistoryTail {
  if (!existsSync(path)) return { size: 0, lines: [], whole: true };
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    let read = 0;
    while (read < buffer.length) {
      const got = readSync(fd, buffer, read, buffer.length - read, start + read);
      if (got === 0) break;
      read += got;
    }
    const lines = buffer.subarray(0, read).toString('utf8').split('\n');
    if (start > 0) lines.shift();
    return { size, lines, whole: start === 0 };
  } finally {
    closeSync(fd);
  }
}

/** Streams the lines of the first `endByte` bytes: the file as it was when reading began. */
async function scanLines(
  path: string,
  onLine: (line: string) => void,
  endByte: number,
): Promise<void> {
  if (endByte <= 0 || !existsSync(path)) return;
  const lines = createInterface({
    input: createReadStream(path, { start: 0, end: endByte - 1, encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) onLine(line);
}

/**
 * Compaction of a history too big to read at once: the kept lines are streamed to a
 * new file; what was appended meanwhile (after `endByte`) is copied after them in one
 * synchronous step, so no append can fall between; the new file is read back before it
 * replaces the old one.
 */
async function compactByStreaming(
  path: string,
  keepFrom: number,
  endByte: number,
): Promise<{ kept: number; dropped: number }> {
  let kept = 0;
  let dropped = 0;
  const temporary = `${path}.${process.pid}.compact`;
  const out = await openAsync(temporary, 'w');
  try {
    let batch: string[] = [];
    // Writes one after another, in file order, while the reading goes on.
    let written: Promise<unknown> = Promise.resolve();
    const flush = () => {
      if (batch.length === 0) return;
      const text = asText(batch);
      batch = [];
      written = written.then(() => out.write(text));
    };
    await scanLines(
      path,
      (line) => {
        if (line.trim() === '') return;
        const record = parseHistoryLine(line);
        if (record && record.at >= keepFrom) {
          kept++;
          batch.push(line);
          if (batch.length >= 1000) flush();
        } else dropped++;
      },
      endByte,
    );
    flush();
    await written;
    await out.sync();
  } finally {
    await out.close();
  }
  if (dropped === 0) {
    await rmAsync(temporary, { force: true });
    return { kept, dropped };
  }
  let readBack = 0;
  await scanLines(
    temporary,
    (line) => {
      if (parseHistoryLine(line)) readBack++;
    },
    statSync(temporary).size,
  );
  if (readBack !== kept) {
    await rmAsync(temporary, { force: true });
    throw new Error(`the compacted history read back ${readBack} of ${kept} records`);
  }
  // From here to the rename nothing awaits: an append cannot fall between.
  const size = statSync(path).size;
  if (size > endByte) {
    const appended = Buffer.alloc(size - endByte);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, appended, 0, appended.length, endByte);
    } finally {
      closeSync(fd);
    }
    const target = openSync(temporary, 'a');
    try {
      writeSync(target, appended);
      fsyncSync(target);
    } finally {
      closeSync(target);
    }
  }
  moveIntoPlace(temporary, path);
  return { kept, dropped };
}
