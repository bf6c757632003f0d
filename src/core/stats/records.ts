import type { BreakKind } from '../breaks/api';
import type { TherapyKind } from '../therapy/session';

/**
 * The history's record types (docs/history.md), as the statistics read them. Every
 * record has `at` (wall-clock epoch ms) and `type`; the app writes them from the
 * timer's timeline and the checklist feature writes its results. Records of a type
 * not listed here are kept in the file and ignored by the statistics.
 */
export type StatsRecord =
  /** A break came on screen (again, after a postponement). */
  | { at: number; type: 'break-due'; kind: BreakKind }
  /** A break ran to its end. */
  | { at: number; type: 'break-taken'; kind: BreakKind }
  | { at: number; type: 'break-skipped'; kind: BreakKind }
  | { at: number; type: 'break-postponed'; kind: BreakKind }
  /** The person was away long enough that the coming break was covered. */
  | { at: number; type: 'natural-break'; kind: BreakKind; idleSeconds?: number }
  | { at: number; type: 'therapy-start'; kind: TherapyKind; minutes: number }
  | {
      at: number;
      type: 'therapy-end';
      kind: TherapyKind;
      minutes: number;
      outcome: 'completed' | 'stopped';
      /** Wall time the session started (the therapy feature writes it). */
      startedAt?: number;
    }
  | { at: number; type: 'checklist-result'; score: ChecklistScoreRecord };

export interface ChecklistScoreRecord {
  yes: number;
  no: number;
  notApplicable: number;
  /** Share of answered items that are fine; null when nothing applicable was answered. */
  percent: number | null;
}

/** Minutes a session really ran: up to its end, never more than it was set for. */
export function therapyMinutesRan(record: Extract<StatsRecord, { type: 'therapy-end' }>): number {
  if (record.startedAt !== undefined) {
    return Math.min(record.minutes, Math.max(0, (record.at - record.startedAt) / 60_000));
  }
  return record.outcome === 'completed' ? record.minutes : 0;
}

export const BREAK_RECORD_TYPES = [
  'break-due',
  'break-taken',
  'break-skipped',
  'break-postponed',
  'natural-break',
] as const;

type Raw = { at: number; type: string; [field: string]: unknown };

const isBreakKind = (value: unknown): value is BreakKind => value === 'micro' || value === 'long';
const isTherapyKind = (value: unknown): value is TherapyKind => value === 'heat' || value === 'ice';
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A raw history line as a typed record, or null when the statistics have no use for it. */
export function statsRecordOf(raw: Raw): StatsRecord | null {
  const { at, type } = raw;
  switch (type) {
    case 'break-due':
    case 'break-taken':
    case 'break-skipped':
    case 'break-postponed':
      return isBreakKind(raw.kind) ? { at, type, kind: raw.kind } : null;
    case 'natural-break':
      if (!isBreakKind(raw.kind)) return null;
      return isCount(raw.idleSeconds)
        ? { at, type, kind: raw.kind, idleSeconds: raw.idleSeconds }
        : { at, type, kind: raw.kind };
    case 'therapy-start':
      return isTherapyKind(raw.kind) && isCount(raw.minutes)
        ? { at, type, kind: raw.kind, minutes: raw.minutes }
        : null;
    case 'therapy-end': {
      if (!isTherapyKind(raw.kind) || !isCount(raw.minutes)) return null;
      const outcome = raw.outcome === 'stopped' ? 'stopped' : 'completed';
      return {
        at,
        type,
        kind: raw.kind,
        minutes: raw.minutes,
        outcome,
        ...(isCount(raw.startedAt) ? { startedAt: raw.startedAt } : {}),
      };
    }
    case 'checklist-result': {
      const score = raw.score as Record<string, unknown> | null | undefined;
      if (typeof score !== 'object' || score === null) return null;
      const percent = score.percent;
      return {
        at,
        type,
        score: {
          yes: isCount(score.yes) ? score.yes : 0,
          no: isCount(score.no) ? score.no : 0,
          notApplicable: isCount(score.notApplicable) ? score.notApplicable : 0,
          percent: isCount(percent) && percent <= 100 ? percent : null,
        },
      };
    }
    default:
      return null;
  }
}
