import type { TimelineEvent } from '../../core/breaks/api';
import {
  createStatsAccumulator,
  type StatsAccumulator,
  type StatsReport,
} from '../../core/stats/aggregate';
import type { Clock } from '../../core/time/clock';
import type { NoticeBoard } from '../notices';
import type { HistoryRecord, HistoryStore, HistoryTail, Logger } from '../ports';
import type { SettingsState } from '../settings-state';
import { historyRecordOfLine, readHistoryLine } from './line';
import { historyRecordOf } from './records';

const DAY_MS = 86_400_000;

/** The end of the file read at once at start: more than a year of typical use (~900 KB). */
export const HISTORY_TAIL_BYTES = 1024 * 1024;

/**
 * A clock further than this past the newest record the file held at start does not
 * decide what is old: a clock set years ahead once would otherwise empty the history.
 */
export const MAX_PLAUSIBLE_GAP_MS = 31 * DAY_MS;

/** Break records only the statistics read: held as counts, not kept as records. */
const COUNTED_ONLY = new Set([
  'break-due',
  'break-deferred',
  'break-taken',
  'break-skipped',
  'break-postponed',
  'natural-break',
]);

export type CompactionResult =
  | { kept: number; dropped: number }
  | { refused: 'clock-ahead' | 'nothing-recorded' };

export interface AppHistory {
  append(record: HistoryRecord): void;
  /**
   * Every readable record but the break ones (which the statistics hold as counts):
   * therapy sessions, checklist results, and types this version does not know.
   */
  read(): HistoryRecord[];
  clear(): void;
  /** Append the record a timeline event makes, if it makes one; a failure is a notice, not a throw. */
  record(event: TimelineEvent): void;
  /** The statistics, from counts kept up to date; waits for a big history's first read. */
  stats(days: number): Promise<StatsReport>;
  /** Drop what is older than `history.keepDays`, unless the clock cannot be trusted to say. */
  compactNow(): Promise<CompactionResult | null>;
  /** Resolves once the whole file has been read (at once when it is small). */
  whenLoaded(): Promise<void>;
  /** Lines of the file that were not readable records, skipped. */
  skippedLines(): number;
}

/**
 * The history as the app uses it. The file is read once, at start: a small one at
 * once, a big one's last megabyte at once (the recent sessions and checklist results
 * the features need right away) and the whole file streamed in the background, never
 * blocking the main process. Each line is checked against the record schema
 * (./line.ts); a bad one is skipped and counted in a `history-lines-skipped` notice.
 * The statistics' per-day counts are kept up to date as records are appended.
 *
 * Retention (`history.keepDays`) is applied at start and on the first append of each
 * new day, and never by a clock that is implausibly ahead of the newest record the
 * file held: then nothing is dropped and the log says why. A failing disk is a
 * `storage-failed` notice; features that append still get the error, and the timeline
 * recorder never throws into the timer.
 */
export function createAppHistory(deps: {
  store: HistoryStore;
  settings: SettingsState;
  notices: NoticeBoard;
  logger: Logger;
  clock: Clock;
  timeZone: string;
}): AppHistory {
  const { store, settings, notices, logger, clock, timeZone } = deps;

  let counts = createStatsAccumulator(timeZone);
  let kept: HistoryRecord[] = [];
  let skipped = 0;
  /** The newest `at` the file held before this run appended anything. */
  let newestAtStart: number | null = null;
  /** Monotonic time at start: how long this run has really lasted, whatever the wall clock says. */
  const monotonicAtStart = clock.monotonic();
  /** Appended while a big file is still being read: added once the read is done. */
  let appendedWhileLoading: HistoryRecord[] | null = null;
  let lastCompaction = Number.NEGATIVE_INFINITY;
  let loaded: Promise<void> = Promise.resolve();
  /** Counts up on every clear: a background read of the file as it was is then thrown away. */
  let generation = 0;

  const failed = (what: string, error: unknown) => {
    const message = (error as Error).message;
    logger.error(`history: could not ${what}: ${message}`);
    notices.add({ id: 'storage-failed', detail: message });
  };

  const take = (
    into: { counts: StatsAccumulator; kept: HistoryRecord[] },
    record: HistoryRecord,
  ) => {
    into.counts.add(record);
    if (!COUNTED_ONLY.has(record.type)) into.kept.push(record);
  };

  const reportSkipped = () => {
    if (skipped === 0) return;
    logger.warn(`history: skipped ${skipped} unreadable line(s)`);
    notices.add({ id: 'history-lines-skipped', detail: String(skipped) });
  };

  /** Reads lines into fresh counts; returns them with the newest time seen. */
  const readLines = (lines: Iterable<string>) => {
    const into = { counts: createStatsAccumulator(timeZone), kept: [] as HistoryRecord[] };
    let newest: number | null = null;
    let bad = 0;
    for (const line of lines) {
      const record = readHistoryLine(line);
      if (record === 'blank') continue;
      if (record === null) {
        bad++;
        continue;
      }
      take(into, record);
      if (newest === null || record.at > newest) newest = record.at;
    }
    return { ...into, newest, bad };
  };

  const keepFromNow = () => clock.now() - settings.effective().history.keepDays * DAY_MS;

  /**
   * Why the clock may not decide what is old now, or null when it may. The newest
   * record at start, plus how long this run has lasted on the monotonic clock (which
   * a changed wall clock does not move), is as far as the wall clock is vouched for:
   * records written since by the same wall clock do not vouch for it.
   */
  const compactionRefusal = (): 'clock-ahead' | 'nothing-recorded' | null => {
    if (newestAtStart === null) return 'nothing-recorded';
    const vouchedFor = newestAtStart + Math.max(0, clock.monotonic() - monotonicAtStart);
    return clock.now() - vouchedFor > MAX_PLAUSIBLE_GAP_MS ? 'clock-ahead' : null;
  };

  const refuseCompaction = (reason: 'clock-ahead' | 'nothing-recorded'): CompactionResult => {
    if (reason === 'clock-ahead') {
      logger.warn(
        `history: not compacted: the clock is more than ${MAX_PLAUSIBLE_GAP_MS / DAY_MS} days past the newest record`,
      );
    }
    return { refused: reason };
  };

  /** Compaction of a file read at once: in place, synchronously, counts rebuilt from the file. */
  const compactSmall = (): CompactionResult | null => {
    const refusal = compactionRefusal();
    if (refusal) return refuseCompaction(refusal);
    const keepFrom = keepFromNow();
    try {
      const result = store.compact(keepFrom);
      if (result.dropped > 0) {
        logger.info(`history: dropped ${result.dropped} old record(s)`);
        const again = readLines(recordsAsLines(store.read()));
        counts = again.counts;
        kept = again.kept;
      }
      return result;
    } catch (error) {
      failed('compact the history', error);
      return null;
    }
  };

  /** Compaction of a big file: streamed; the counts keep the dropped days until the next start. */
  const compactBig = async (): Promise<CompactionResult | null> => {
    const refusal = compactionRefusal();
    if (refusal) return refuseCompaction(refusal);
    const keepFrom = keepFromNow();
    try {
      const result = await store.compactStreaming!(keepFrom, store.size!());
      if (result.dropped > 0) {
        logger.info(`history: dropped ${result.dropped} old record(s)`);
        // The kept records follow the file; the day counts keep the dropped days until the next start.
        kept = kept.filter((record) => record.at >= keepFrom);
      }
      return result;
    } catch (error) {
      failed('compact the history', error);
      return null;
    }
  };

  let big = false;
  // A small file is compacted at once, before the append that asked for it.
  const compactNow = (): Promise<CompactionResult | null> => {
    lastCompaction = clock.now();
    return big ? loaded.then(compactBig) : Promise.resolve(compactSmall());
  };

  const load = () => {
    let tail: HistoryTail | undefined;
    let lines: Iterable<string> = [];
    try {
      tail = store.tail?.(HISTORY_TAIL_BYTES);
      if (!tail) lines = recordsAsLines(store.read());
    } catch (error) {
      failed('read the history', error);
    }
    if (!tail || tail.whole) {
      if (tail) lines = tail.lines;
      const read = readLines(lines);
      counts = read.counts;
      kept = read.kept;
      skipped = read.bad;
      newestAtStart = read.newest;
      reportSkipped();
      lastCompaction = clock.now();
      compactSmall();
      return;
    }
    // A big file: the recent records now, the whole file in the background.
    big = true;
    const recent = readLines(tail.lines);
    kept = recent.kept;
    newestAtStart = recent.newest;
    appendedWhileLoading = [];
    const whole = readLines([]);
    let newest: number | null = null;
    lastCompaction = clock.now();
    const readingFor = generation;
    loaded = store.scan!((line) => {
      const record = readHistoryLine(line);
      if (record === 'blank') return;
      if (record === null) {
        whole.bad++;
        return;
      }
      take(whole, record);
      if (newest === null || record.at > newest) newest = record.at;
    }, tail.size)
      .catch((error: unknown) => failed('read the history', error))
      .then(() => {
        if (readingFor !== generation) return;
        for (const record of appendedWhileLoading ?? []) take(whole, record);
        appendedWhileLoading = null;
        counts = whole.counts;
        kept = whole.kept;
        skipped = whole.bad;
        newestAtStart = newest;
        reportSkipped();
      });
    void loaded.then(() => compactBig());
  };

  const append = (record: HistoryRecord) => {
    if (clock.now() - lastCompaction >= DAY_MS) void compactNow();
    try {
      store.append(record);
    } catch (error) {
      failed('record to the history', error);
      throw error;
    }
    // Counted as it will be read back: a record the schema refuses is not counted.
    const checked = historyRecordOfLine(record);
    if (!checked) return;
    if (appendedWhileLoading) {
      appendedWhileLoading.push(checked);
      if (!COUNTED_ONLY.has(checked.type)) kept.push(checked);
    } else take({ counts, kept }, checked);
  };

  load();
  return {
    append,
    read: () => kept,
    clear() {
      store.clear();
      generation++;
      appendedWhileLoading = null;
      counts = createStatsAccumulator(timeZone);
      kept = [];
      skipped = 0;
    },
    compactNow,
    whenLoaded: () => loaded,
    skippedLines: () => skipped,
    async stats(days) {
      await loaded;
      return counts.report({ now: clock.now(), days });
    },
    record(event) {
      const record = historyRecordOf(event);
      if (!record) return;
      try {
        append(record);
      } catch {
        // Reported as a notice by `append`; the timer goes on.
      }
    },
  };
}

/** A store without a file (in memory, a test's) read as the lines it would have. */
function recordsAsLines(records: readonly HistoryRecord[]): string[] {
  return records.map((record) => JSON.stringify(record));
}
