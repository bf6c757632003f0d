import type { StatsReport } from './aggregate';

/** The CSV columns, in order; docs/history.md describes each. */
export const STATS_CSV_COLUMNS = [
  'date',
  'breaks_due',
  'taken',
  'natural',
  'skipped',
  'postponed',
  'compliance_percent',
  'heat_minutes',
  'ice_minutes',
  'checklist_percent',
] as const;

/**
 * One row a day of the report's period, oldest first, for a spreadsheet. Empty cells
 * mean "none" (no compliance on a day with nothing due, no checklist that day).
 * Lines end with CRLF, as RFC 4180 says; every value is a date or a number.
 */
export function statsCsv(report: StatsReport): string {
  const cell = (value: number | null) => (value === null ? '' : String(value));
  const rows = report.daily.map((day) =>
    [
      day.date,
      cell(day.due),
      cell(day.taken),
      cell(day.natural),
      cell(day.skipped),
      cell(day.postponed),
      cell(day.compliancePercent),
      cell(day.heatMinutes),
      cell(day.iceMinutes),
      cell(day.checklistPercent),
    ].join(','),
  );
  return `${[STATS_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
