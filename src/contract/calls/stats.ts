import { z } from 'zod';
import { actionResultSchema, noInput } from './common';

/**
 * Statistics over the history kept on this machine (docs/history.md), its CSV, and
 * clearing it. Nothing here sends anything anywhere: the renderer asks, the app reads
 * the local file.
 */
export const MAX_STATS_DAYS = 366;

const breakCounts = {
  due: z.number(),
  taken: z.number(),
  skipped: z.number(),
  postponed: z.number(),
  natural: z.number(),
  heatMinutes: z.number(),
  iceMinutes: z.number(),
  heatSessions: z.number(),
  iceSessions: z.number(),
  compliancePercent: z.number().nullable(),
  checklistPercent: z.number().nullable(),
};

export const periodStatsSchema = z.object({
  days: z.number(),
  from: z.string(),
  to: z.string(),
  ...breakCounts,
});

export const dayStatsSchema = z.object({
  date: z.string(),
  meetsGoal: z.boolean().nullable(),
  ...breakCounts,
});

export const statsReportSchema = z.object({
  timeZone: z.string(),
  generatedAt: z.number(),
  days: z.number(),
  today: periodStatsSchema,
  last7: periodStatsSchema,
  last30: periodStatsSchema,
  period: periodStatsSchema,
  daily: z.array(dayStatsSchema),
  streak: z.object({ current: z.number(), longest: z.number(), goalPercent: z.number() }),
  checklist: z.array(
    z.object({
      at: z.number(),
      date: z.string(),
      percent: z.number().nullable(),
      yes: z.number(),
      no: z.number(),
      notApplicable: z.number(),
    }),
  ),
});
export type StatsReportView = z.infer<typeof statsReportSchema>;

export const statsRequestSchema = z.strictObject({
  /** The period, today included; 30 when absent. */
  days: z.number().int().min(1).max(MAX_STATS_DAYS).optional(),
});

export const statsExportSchema = statsRequestSchema.extend({
  /** The weekly check-in's answers as three more columns: only when the person ticks it. */
  includeCheckins: z.boolean().optional(),
});

export const statsCalls = {
  getStats: { input: statsRequestSchema, output: statsReportSchema },
  /** The period's days as CSV text (columns in docs/history.md). */
  exportStatsCsv: { input: statsExportSchema, output: z.string() },
  /** Delete every record of the history on this machine. */
  clearHistory: { input: noInput, output: actionResultSchema },
} as const;
