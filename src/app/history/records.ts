import type { TimelineEvent } from '../../core/breaks/api';
import type { HistoryRecord } from '../ports';

/**
 * The history record a timeline event of the timer service makes (docs/history.md),
 * or null for events that are not part of the history (warnings, pauses, work-hours
 * edges, routines, sleep). `therapyStartedAt` is the wall time the matching session
 * started, when this run saw it, so a stopped session records how long it really ran.
 */
export function historyRecordOf(
  event: TimelineEvent,
  therapyStartedAt?: number,
): HistoryRecord | null {
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
    case 'therapy-start':
      return { at, type: 'therapy-start', kind, minutes: number(event.minutes) };
    case 'therapy-end': {
      const minutes = number(event.minutes) ?? 0;
      const outcome = event.outcome === 'stopped' ? 'stopped' : 'completed';
      const ran =
        outcome === 'completed'
          ? minutes
          : therapyStartedAt === undefined
            ? undefined
            : Math.min(minutes, Math.max(0, Math.round((at - therapyStartedAt) / 6000) / 10));
      return {
        at,
        type: 'therapy-end',
        kind,
        minutes,
        outcome,
        ...(ran === undefined ? {} : { minutesDone: ran }),
      };
    }
    default:
      return null;
  }
}
