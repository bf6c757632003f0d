import type { HandlersFor, statsCalls } from '../../contract/contract';
import { withCheckinColumns } from '../../core/checkin/csv';
import { checkinsFromHistory } from '../../core/checkin/records';
import { statsCsv } from '../../core/stats/csv';
import type { AppContext } from '../context';

/** The statistics page: figures and CSV from the local history, and clearing it. */
export const DEFAULT_STATS_DAYS = 30;

export function statsHandlers(ctx: AppContext): HandlersFor<typeof statsCalls> {
  // Kept up to date as records are appended: a report costs the days it covers.
  const report = (days = DEFAULT_STATS_DAYS) => ctx.history.stats(days);
  return {
    getStats: ({ days }) => report(days),
    exportStatsCsv: async ({ days, includeCheckins }) => {
      const csv = statsCsv(await report(days));
      if (!includeCheckins) return csv;
      return withCheckinColumns(csv, checkinsFromHistory(ctx.history.read(), ctx.timeZone));
    },
    clearHistory: () => {
      try {
        ctx.history.clear();
        ctx.logger.info('history cleared at the user’s request');
        return { ok: true };
      } catch (error) {
        const reason = `the history could not be cleared: ${(error as Error).message}`;
        ctx.logger.error(reason);
        return { ok: false, reason };
      }
    },
  };
}
