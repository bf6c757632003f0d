import { z } from 'zod';
import { THERAPY_MAX_MINUTES } from '../../core/therapy/limits';
import type { HistoryRecord } from '../ports';

/**
 * A history line as the app and `unhunch stats` accept it (docs/history.md): the
 * fields of each known record type with their ranges, so one damaged or hand-edited
 * line (`"at": 1e308`, 900 minutes of ice) is skipped and counted instead of breaking
 * every figure. Unknown types need only a valid `at` and `type`; fields not listed are
 * kept as they are.
 */

/** Times a record can have: after Unhunch could first have written one, before the year 2200. */
export const EARLIEST_RECORD_AT = Date.UTC(2020, 0, 1);
export const LATEST_RECORD_AT = Date.UTC(2200, 0, 1);
const MAX_SECONDS = 31 * 86_400;
const MAX_COUNT = 10_000;

const at = z.number().int().min(EARLIEST_RECORD_AT).max(LATEST_RECORD_AT);
const seconds = z.number().min(0).max(MAX_SECONDS);
const count = z.number().int().min(0).max(MAX_COUNT);
const breakKind = z.enum(['micro', 'long']);
const therapyKind = z.enum(['heat', 'ice']);
const therapyMinutes = z.number().min(0).max(THERAPY_MAX_MINUTES);

const breakRecord = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.looseObject({ at, type: z.literal(type), kind: breakKind, ...shape });

const knownRecord = z.discriminatedUnion('type', [
  breakRecord('break-due', {
    durationSeconds: seconds.optional(),
    deferred: z.boolean().optional(),
  }),
  breakRecord('break-deferred', { deferredSeconds: seconds.optional() }),
  breakRecord('break-taken', {}),
  breakRecord('break-skipped', {}),
  breakRecord('break-postponed', {
    forSeconds: seconds.optional(),
    postponesLeft: count.optional(),
  }),
  breakRecord('natural-break', { idleSeconds: seconds.optional() }),
  z.looseObject({
    at,
    type: z.literal('therapy-start'),
    kind: therapyKind,
    minutes: therapyMinutes,
  }),
  z.looseObject({
    at,
    type: z.literal('therapy-end'),
    kind: therapyKind,
    minutes: therapyMinutes,
    startedAt: at.optional(),
    outcome: z.enum(['completed', 'stopped']).optional(),
    lateBy: z.number().min(0).optional(),
    whileClosed: z.boolean().optional(),
  }),
  z.looseObject({
    at,
    type: z.literal('checklist-result'),
    answers: z.record(z.string(), z.unknown()).optional(),
    score: z.looseObject({
      yes: count,
      no: count,
      notApplicable: count,
      percent: z.number().min(0).max(100).nullable(),
    }),
  }),
]);

const KNOWN_TYPES: ReadonlySet<string> = new Set(
  knownRecord.options.map((option) => option.shape.type.value),
);
const anyRecord = z.looseObject({ at, type: z.string().min(1).max(64) });

/** A parsed line as a record the app can use, or null when it is not one. */
export function historyRecordOfLine(value: unknown): HistoryRecord | null {
  const type = (value as { type?: unknown } | null)?.type;
  const parsed =
    typeof type === 'string' && KNOWN_TYPES.has(type)
      ? knownRecord.safeParse(value)
      : anyRecord.safeParse(value);
  return parsed.success ? (parsed.data as HistoryRecord) : null;
}

/** One line of the file as a record, or null (blank lines are neither). */
export function readHistoryLine(line: string): HistoryRecord | null | 'blank' {
  if (line.trim() === '') return 'blank';
  try {
    return historyRecordOfLine(JSON.parse(line));
  } catch {
    return null;
  }
}
