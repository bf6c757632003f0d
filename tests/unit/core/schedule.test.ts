import nodeCron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { nextCronMatch, parseCron } from '../../../src/core/schedule/cron';
import { createWorkCalendar, workIntervalOn } from '../../../src/core/schedule/work-hours';
import { formatLocalIso, localToEpoch } from '../../../src/core/time/zoned';

const BERLIN = 'Europe/Berlin';
const iso = (ms: number | null) => (ms === null ? null : formatLocalIso(ms, BERLIN));

describe('local time in a zone', () => {
  it('a time skipped when clocks spring forward lands just after the gap', () => {
    const at = localToEpoch({ year: 2026, month: 3, day: 29 }, 2, 30, 0, BERLIN);
    expect(at.exists).toBe(false);
    expect(iso(at.epochMs)).toBe('2026-03-29T03:30:00+02:00');
  });

  it('a time repeated when clocks fall back is its first pass', () => {
    const at = localToEpoch({ year: 2026, month: 10, day: 25 }, 2, 30, 0, BERLIN);
    expect(at.exists).toBe(true);
    expect(iso(at.epochMs)).toBe('2026-10-25T02:30:00+02:00');
  });
});

describe('cron routines', () => {
  const expressions = [
    '0 10 * * 1',
    '*/15 9-17 * * mon-fri',
    '30 8 1,15 jan,jul *',
    '5 4 * * sun',
    '0 10 * * 7',
    '0 0 1 * 1',
  ];
  for (const expression of expressions) {
    it(`reads "${expression}" as node-cron does`, () => {
      const ours = parseCron(expression);
      const theirs = nodeCron.parse(expression);
      expect(ours.ok).toBe(true);
      if (!ours.ok) return;
      expect(ours.schedule.minutes).toEqual(theirs.minute);
      expect(ours.schedule.hours).toEqual(theirs.hour);
      expect([...ours.schedule.daysOfMonth]).toEqual(theirs.dayOfMonth);
      expect([...ours.schedule.months]).toEqual(theirs.month);
      expect([...ours.schedule.daysOfWeek].sort()).toEqual(
        [...theirs.dayOfWeek].map(Number).sort(),
      );
    });
  }

  it('refuses what it cannot compute, with a reason', () => {
    expect(parseCron('0 0 L * *')).toMatchObject({ ok: false });
    expect(parseCron('0 9 * * 1#2')).toMatchObject({ ok: false });
    expect(parseCron('61 10 * * *')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/minute/),
    });
    expect(parseCron('0 10 * *')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/5 or 6 fields/),
    });
  });

  it('the weekly checklist re-check is Monday 10:00 local, in summer and winter', () => {
    const weekly = parseCron('0 10 * * 1');
    if (!weekly.ok) throw new Error(weekly.error);
    const after = Date.parse('2026-10-21T12:00:00+02:00');
    const first = nextCronMatch(weekly.schedule, after, BERLIN);
    expect(iso(first)).toBe('2026-10-26T10:00:00+01:00');
    expect(iso(nextCronMatch(weekly.schedule, first ?? 0, BERLIN))).toBe(
      '2026-11-02T10:00:00+01:00',
    );
  });

  it('a routine in the repeated hour runs once, and one in the skipped hour runs after the gap', () => {
    const nightly = parseCron('30 2 * * *');
    if (!nightly.ok) throw new Error(nightly.error);
    const autumn = nextCronMatch(nightly.schedule, Date.parse('2026-10-25T00:00:00+02:00'), BERLIN);
    expect(iso(autumn)).toBe('2026-10-25T02:30:00+02:00');
    expect(iso(nextCronMatch(nightly.schedule, autumn ?? 0, BERLIN))).toBe(
      '2026-10-26T02:30:00+01:00',
    );
    const spring = nextCronMatch(nightly.schedule, Date.parse('2026-03-29T00:00:00+01:00'), BERLIN);
    expect(iso(spring)).toBe('2026-03-29T03:30:00+02:00');
  });
});

describe('work hours', () => {
  const hours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, from: '09:00', to: '17:30' };
  const week = { ...hours, days: [...hours.days] };

  it('a weekday is an interval of local time; a weekend day is none', () => {
    const tuesday = workIntervalOn({ year: 2026, month: 11, day: 24 }, week, BERLIN);
    expect(tuesday && [iso(tuesday.start), iso(tuesday.end)]).toEqual([
      '2026-11-24T09:00:00+01:00',
      '2026-11-24T17:30:00+01:00',
    ]);
    expect(workIntervalOn({ year: 2026, month: 11, day: 29 }, week, BERLIN)).toBeNull();
  });

  it('the next edge after Friday evening is Monday morning', () => {
    const calendar = createWorkCalendar(week, BERLIN);
    expect(iso(calendar.nextEdge(Date.parse('2026-11-27T18:00:00+01:00')))).toBe(
      '2026-11-30T09:00:00+01:00',
    );
    expect(calendar.isWithin(Date.parse('2026-11-27T17:29:59+01:00'))).toBe(true);
    expect(calendar.isWithin(Date.parse('2026-11-27T17:30:00+01:00'))).toBe(false);
  });

  it('a night shift runs across midnight on the day it starts', () => {
    const night = createWorkCalendar({ days: ['fri'], from: '22:00', to: '06:00' }, BERLIN);
    expect(night.isWithin(Date.parse('2026-11-28T03:00:00+01:00'))).toBe(true);
    expect(night.isWithin(Date.parse('2026-11-29T03:00:00+01:00'))).toBe(false);
  });

  it('null work hours mean always', () => {
    const always = createWorkCalendar(null, BERLIN);
    expect(always.isWithin(0)).toBe(true);
    expect(always.nextEdge(0)).toBeNull();
  });
});
