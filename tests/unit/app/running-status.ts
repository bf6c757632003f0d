import type { Status } from '../../../src/contract/contract';

/** A Tuesday morning's clock for the tray tests. */
export const now = Date.parse('2026-11-24T10:00:00Z');

/** Breaks running at `at`, the next a micro break due at `dueAt`. */
export function runningStatus(at: number, dueAt: number): Status {
  return {
    state: 'running',
    nextBreak: { kind: 'micro', dueAt },
    currentBreak: null,
    pausedUntil: null,
    postponesLeft: 2,
    skipsLeftToday: null,
    strictMode: false,
    now: at,
  };
}

/** Breaks running, the next a micro break in 12 minutes: what the tray shows most days. */
export const running: Status = runningStatus(now, now + 12 * 60_000);
