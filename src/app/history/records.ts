import type { TimelineEvent } from '../../core/breaks/api';
import type { HistoryRecord } from '../ports';

/**
 * The history record a timeline event of the timer service makes (docs/history.md),
 * or null for events that are not part of the history (warnings, pauses, work-hours
 * edges, routines, sleep). `therapy-end` is not made here: the therapy feature
 * (src/app/features/therapy.ts) writes it, with when the session started, because it
 * also reads it back for the rest between sessions.
 */
export function historyRecordOf(event: TimelineEvent): HistoryRecord | null {
  const { at, kind } = event;
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  switch (event.type) {
    case 'break-start':
      return {
        at,
        type: 'break-due',
        kind,
        durationSeconds: number(event.durationSeconds),
        ...(event.deferred ? { deferred: true } : {}),
      };
    case 'break-end':
      return { at, type: event.outcome === 'skipped' ? 'break-skipped' : 'break-taken', kind };
    case 'break-postponed':
      return {
        at,
        type: 'break-postponed',
        kind,
        forSeconds: number(event.forSeconds),
        postponesLeft: number(event.postponesLeft),
      };
    case 'natural-break':
      return { at, type: 'natural-break', kind, idleSeconds: number(event.idleSeconds) };
    // Held through a call as long as allowed, shown gently: neither taken nor skipped.
    case 'break-gentle':
      return { at, type: 'break-deferred', kind, deferredSeconds: number(event.deferredSeconds) };
    case 'therapy-start':
      return { at, type: 'therapy-start', kind, minutes: number(event.minutes) };
    default:
      return null;
  }
}
