import { describe, expect, it } from 'vitest';
import { computeStats, STREAK_GOAL_PERCENT } from '../../../src/core/stats/aggregate';
import { statsCsv } from '../../../src/core/stats/csv';

/** Hand-built histories in Berlin time; "now" is Friday 27 November 2026, 15:00. */
const ZONE = 'Europe/Berlin';
const NOW = Date.parse('2026-11-27T15:00:00+01:00');
const at = (date: string, time = '10:00') => Date.parse(`${date}T${time}:00+01:00`);
type Raw = { at: number; type: string; [field: string]: unknown };

const taken = (date: string, time?: string): Raw[] => [
  { at: at(date, time), type: 'break-due', kind: 'micro', durationSeconds: 30 },
  { at: at(date, time) + 30_000, type: 'break-taken', kind: 'micro' },
];
const skipped = (date: string, time?: string): Raw[] => [
  { at: at(date, time), type: 'break-due', kind: 'micro' },
  { at: at(date, time) + 5000, type: 'break-skipped', kind: 'micro' },
];
const natural = (date: string, time?: string): Raw[] => [
  { at: at(date, time), type: 'natural-break', kind: 'long', idleSeconds: 400 },
];
const stats = (records: Raw[], days = 30) =>
  computeStats(records, { now: NOW, timeZone: ZONE, days });

describe('break statistics', () => {
  it('counts a break due once, when it is settled, however often it was postponed', () => {
    const report = stats([
      { at: at('2026-11-27', '09:20'), type: 'break-due', kind: 'micro' },
      { at: at('2026-11-27', '09:20') + 1000, type: 'break-postponed', kind: 'micro' },
      { at: at('2026-11-27', '09:25'), type: 'break-due', kind: 'micro' },
      { at: at('2026-11-27', '09:25') + 1000, type: 'break-postponed', kind: 'micro' },
      ...taken('2026-11-27', '09:30'),
    ]);
    expect(report.today).toMatchObject({ due: 1, taken: 1, postponed: 2, compliancePercent: 100 });
  });

  it('defines compliance as taken plus natural over due, in whole percent', () => {
    const report = stats([
      ...taken('2026-11-27', '09:20'),
      ...taken('2026-11-27', '09:40'),
      ...natural('2026-11-27', '10:00'),
      ...skipped('2026-11-27', '10:20'),
      ...skipped('2026-11-27', '10:40'),
      ...skipped('2026-11-27', '11:00'),
    ]);
    expect(report.today).toMatchObject({ due: 6, taken: 2, natural: 1, skipped: 3 });
    expect(report.today.compliancePercent).toBe(50);
    expect(stats([]).today.compliancePercent).toBeNull();
  });

  it('puts each record on the day it happened in the person’s time zone', () => {
    // 23:30 UTC on the 26th is already the 27th in Berlin.
    const lateNight = Date.parse('2026-11-26T23:30:00Z');
    const report = stats([
      { at: lateNight, type: 'break-taken', kind: 'micro' },
      ...taken('2026-11-26', '12:00'),
    ]);
    expect(report.today.taken).toBe(1);
    expect(report.daily.at(-2)).toMatchObject({ date: '2026-11-26', taken: 1 });
    const inNewYork = computeStats([{ at: lateNight, type: 'break-taken', kind: 'micro' }], {
      now: NOW,
      timeZone: 'America/New_York',
      days: 7,
    });
    expect(inNewYork.daily.find((d) => d.date === '2026-11-26')?.taken).toBe(1);
  });

  it('keeps today, the last 7 and the last 30 days apart', () => {
    const report = stats([
      ...taken('2026-11-27'),
      ...taken('2026-11-22'),
      ...taken('2026-11-20'),
      ...skipped('2026-10-30'),
      ...skipped('2026-10-28'),
    ]);
    expect(report.today.taken).toBe(1);
    expect(report.last7).toMatchObject({ from: '2026-11-21', to: '2026-11-27', taken: 2 });
    expect(report.last30).toMatchObject({ from: '2026-10-29', taken: 3, skipped: 1 });
    expect(report.daily).toHaveLength(30);
    expect(report.daily[0]?.date).toBe('2026-10-29');
    expect(report.daily.at(-1)?.date).toBe('2026-11-27');
  });

  it('ignores records after now and records it does not know', () => {
    const report = stats([
      ...taken('2026-11-28'),
      { at: at('2026-11-27'), type: 'paused' },
      { at: at('2026-11-27'), type: 'break-taken', kind: 'huge' },
    ]);
    expect(report.last30.taken).toBe(0);
  });
});

describe('streaks', () => {
  const goodDay = (date: string) => [...taken(date, '09:20'), ...taken(date, '09:40')];
  const badDay = (date: string) => [...taken(date, '09:20'), ...skipped(date, '09:40')];

  it(`count days meeting ${STREAK_GOAL_PERCENT}% in a row; a weekend with nothing due does not end one`, () => {
    const report = stats([
      ...goodDay('2026-11-19'),
      ...goodDay('2026-11-20'),
      // Saturday 21 and Sunday 22: nothing due.
      ...goodDay('2026-11-23'),
      ...goodDay('2026-11-24'),
      ...goodDay('2026-11-25'),
      ...goodDay('2026-11-26'),
      ...goodDay('2026-11-27'),
    ]);
    expect(report.streak).toEqual({ current: 7, longest: 7, goalPercent: STREAK_GOAL_PERCENT });
  });

  it('end on a day below the goal, and remember the longest', () => {
    const report = stats([
      ...goodDay('2026-11-16'),
      ...goodDay('2026-11-17'),
      ...goodDay('2026-11-18'),
      ...badDay('2026-11-19'),
      ...goodDay('2026-11-26'),
    ]);
    expect(report.streak).toMatchObject({ current: 1, longest: 3 });
  });

  it('do not end because today is not over yet', () => {
    const report = stats([
      ...goodDay('2026-11-25'),
      ...goodDay('2026-11-26'),
      ...badDay('2026-11-27'),
    ]);
    expect(report.streak).toMatchObject({ current: 2, longest: 2 });
    expect(report.today.compliancePercent).toBe(50);
  });

  it('reach back beyond the period shown', () => {
    const days = Array.from({ length: 40 }, (_, i) =>
      new Date(Date.UTC(2026, 9, 19 + i)).toISOString().slice(0, 10),
    );
    const report = stats(days.flatMap(goodDay), 7);
    expect(report.streak.current).toBe(40);
  });
});

describe('heat, ice and the checklist', () => {
  it('adds up the minutes each session really ran', () => {
    const report = stats([
      { at: at('2026-11-27', '10:00'), type: 'therapy-start', kind: 'heat', minutes: 15 },
      {
        at: at('2026-11-27', '10:15'),
        type: 'therapy-end',
        kind: 'heat',
        minutes: 15,
        startedAt: at('2026-11-27', '10:00'),
        outcome: 'completed',
      },
      {
        at: at('2026-11-27', '12:06'),
        type: 'therapy-end',
        kind: 'ice',
        minutes: 15,
        startedAt: at('2026-11-27', '12:00'),
        outcome: 'stopped',
      },
      // A session that ran past its end while the machine slept still counts its length only.
      {
        at: at('2026-11-26', '11:00'),
        type: 'therapy-end',
        kind: 'ice',
        minutes: 10,
        startedAt: at('2026-11-26', '10:00'),
        outcome: 'completed',
      },
      {
        at: at('2026-11-25', '11:00'),
        type: 'therapy-end',
        kind: 'heat',
        minutes: 12,
        outcome: 'completed',
      },
    ]);
    expect(report.today).toMatchObject({
      heatMinutes: 15,
      iceMinutes: 6,
      heatSessions: 1,
      iceSessions: 1,
    });
    expect(report.last7).toMatchObject({ heatMinutes: 27, iceMinutes: 16 });
  });

  it('follows the checklist score over time, the latest one a day', () => {
    const check = (date: string, time: string, percent: number | null) => ({
      at: at(date, time),
      type: 'checklist-result',
      answers: { 'screen-height': 'yes' },
      score: { yes: 8, no: 2, notApplicable: 1, percent },
    });
    const report = stats([
      check('2026-11-02', '10:00', 60),
      check('2026-11-16', '10:00', 70),
      check('2026-11-16', '15:00', 80),
      check('2026-11-23', '10:00', null),
    ]);
    expect(report.checklist.map((c) => c.percent)).toEqual([60, 70, 80, null]);
    expect(report.daily.find((d) => d.date === '2026-11-16')?.checklistPercent).toBe(80);
    expect(report.last30.checklistPercent).toBeNull();
    expect(report.last7.checklistPercent).toBeNull();
    expect(stats([check('2026-11-02', '10:00', 60)]).last30.checklistPercent).toBe(60);
  });
});

describe('the CSV', () => {
  it('has one row a day with the documented columns, empty cells for none', () => {
    const csv = statsCsv(stats([...taken('2026-11-27'), ...skipped('2026-11-27', '11:00')], 2));
    expect(csv).toBe(
      'date,breaks_due,taken,natural,skipped,postponed,compliance_percent,heat_minutes,ice_minutes,checklist_percent\r\n' +
        '2026-11-26,0,0,0,0,0,,0,0,\r\n' +
        '2026-11-27,2,1,0,1,0,50,0,0,\r\n',
    );
  });
});

describe('a year of heavy use', () => {
  it('aggregates 100,000 events quickly and exactly', () => {
    const start = NOW - 365 * 86_400_000;
    const records: Raw[] = [];
    for (let i = 0; i < 100_000; i++) {
      const time = start + Math.floor((i * 365 * 86_400_000) / 100_000);
      records.push({
        at: time,
        type: i % 5 === 4 ? 'break-skipped' : 'break-taken',
        kind: 'micro',
      });
    }
    const began = performance.now();
    const report = computeStats(records, { now: NOW, timeZone: ZONE, days: 366 });
    const took = performance.now() - began;
    expect(report.period.taken + report.period.skipped).toBe(100_000);
    expect(report.period.compliancePercent).toBe(80);
    expect(took).toBeLessThan(1500);
  });
});

describe('natural breaks', () => {
  it('count one spell away once, even when it grows from a micro to a long break', () => {
    const away = at('2026-11-27', '10:00');
    const report = stats([
      { at: away + 30_000, type: 'natural-break', kind: 'micro', idleSeconds: 30 },
      { at: away + 300_000, type: 'natural-break', kind: 'long', idleSeconds: 300 },
      // A later spell is a second natural break.
      { at: away + 3_600_000, type: 'natural-break', kind: 'micro', idleSeconds: 40 },
    ]);
    expect(report.today).toMatchObject({ natural: 2, due: 2 });
  });
});
