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
  const { at } = event;
  const seconds = (ms: number) => Math.round(ms / 1000);
  switch (event.type) {
    case 'break-start':
      return {
        at,
        type: 'break-due',
        kind: event.kind,
        durationSeconds: seconds(event.endsAt - at),
        ...(event.deferredMs !== undefined ? { deferred: true } : {}),
      };
    case 'break-end':
      return {
        at,
        type: event.outcome === 'skipped' ? 'break-skipped' : 'break-taken',
        kind: event.kind,
      };
    case 'break-postponed':
      return {
        at,
        type: 'break-postponed',
        kind: event.kind,
        forSeconds: seconds(event.until - at),
        postponesLeft: event.postponesLeft,
      };
    case 'natural-break':
      return { at, type: 'natural-break', kind: event.kind, idleSeconds: seconds(event.idleMs) };
    // Held through a call as long as allowed, shown gently: neither taken nor skipped.
    case 'break-gentle':
      return {
        at,
        type: 'break-deferred',
        kind: event.kind,
        deferredSeconds: seconds(event.deferredMs),
      };
    case 'therapy-start':
      return { at, type: 'therapy-start', kind: event.kind, minutes: event.minutes };
    default:
      return null;
  }
}
