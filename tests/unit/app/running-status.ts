import type { Status } from '../../../src/contract/contract';

/** A Tuesday morning's clock for the tray tests. */
export const now = Date.parse('2026-11-24T10:00:00Z');

/** Breaks running, the next a micro break in 12 minutes: what the tray shows most days. */
export const running: Status = {
  state: 'running',
  nextBreak: { kind: 'micro', dueAt: now + 12 * 60_000 },
  currentBreak: null,
  pausedUntil: null,
  postponesLeft: 2,
  skipsLeftToday: null,
  strictMode: false,
  now,
};
