import type { TimelineEvent } from '../../core/breaks/api';
import type { Clock } from '../../core/time/clock';
import type { NoticeBoard } from '../notices';
import type { HistoryRecord, HistoryStore, Logger } from '../ports';
import type { SettingsState } from '../settings-state';
import { historyRecordOf } from './records';

const DAY_MS = 86_400_000;

export interface AppHistory extends HistoryStore {
  /** Append the record a timeline event makes, if it makes one; a failure is a notice, not a throw. */
  record(event: TimelineEvent): void;
  /** Drop what is older than `history.keepDays` now; runs at startup and then once a day. */
  compactNow(): { kept: number; dropped: number } | null;
}

/**
 * The history as the app uses it: the file store with the user's retention
 * (`history.keepDays`) applied, and a failing disk reported as a `storage-failed`
 * notice. Features that append (checklist, therapy) still get the error, to tell the
 * person their result was not saved; the timeline recorder never throws into the timer.
 * Compaction runs at startup and then on the first append of each new day, so it
 * needs no timer of its own.
 */
export function createAppHistory(deps: {
  store: HistoryStore;
  settings: SettingsState;
  notices: NoticeBoard;
  logger: Logger;
  clock: Clock;
}): AppHistory {
  const { store, settings, notices, logger, clock } = deps;
  let lastCompaction = Number.NEGATIVE_INFINITY;

  const failed = (what: string, error: unknown) => {
    const message = (error as Error).message;
    logger.error(`history: could not ${what}: ${message}`);
    notices.add({ id: 'storage-failed', detail: message });
  };

  const compactNow = () => {
    const now = clock.now();
    lastCompaction = now;
    const keepFrom = now - settings.effective().history.keepDays * DAY_MS;
    try {
      const result = store.compact(keepFrom);
      if (result.dropped > 0) logger.info(`history: dropped ${result.dropped} old record(s)`);
      return result;
    } catch (error) {
      failed('compact the history', error);
      return null;
    }
  };

  const append = (record: HistoryRecord) => {
    if (clock.now() - lastCompaction >= DAY_MS) compactNow();
    try {
      store.append(record);
    } catch (error) {
      failed('record to the history', error);
      throw error;
    }
  };

  compactNow();
  return {
    append,
    read() {
      try {
        return store.read();
      } catch (error) {
        failed('read the history', error);
        return [];
      }
    },
    clear: () => store.clear(),
    compact: (keepFrom) => store.compact(keepFrom),
    compactNow,
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
