import type { DatedCheckin } from './trend';

/** The columns a ticked "include my check-ins" adds to the statistics CSV (docs/history.md). */
export const CHECKIN_CSV_COLUMNS = [
  'checkin_pain',
  'checkin_interference',
  'checkin_red_flag',
] as const;

/**
 * The statistics CSV (first column the date) with the day's last check-in added as
 * three columns; empty cells on days without one. Only called when the person ticks it.
 */
export function withCheckinColumns(csv: string, checkins: readonly DatedCheckin[]): string {
  const byDate = new Map<string, DatedCheckin>();
  for (const checkin of [...checkins].sort((a, b) => a.at - b.at))
    byDate.set(checkin.date, checkin);
  const lines = csv.split('\r\n');
  const out = lines.map((line, index) => {
    if (line === '') return line;
    if (index === 0) return `${line},${CHECKIN_CSV_COLUMNS.join(',')}`;
    const checkin = byDate.get(line.slice(0, line.indexOf(',')));
    if (!checkin) return `${line},,,`;
    const flag = checkin.redFlags.emergency || checkin.redFlags.urgent ? 'yes' : 'no';
    return `${line},${checkin.pain},${checkin.interference},${flag}`;
  });
  return out.join('\r\n');
}
