import { describe, expect, it } from 'vitest';
import { planDay } from '../../../src/app/preview';
import { type SimulatedEvent, simulate } from '../../../src/app/simulate';
import { policySchema, settingsFileSchema } from '../../../src/contract/settings';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { CHOOSING, nextPossibleAt, transition } from '../../../src/core/therapy/flow';
import { endTherapy, NO_THERAPY, startTherapy } from '../../../src/core/therapy/session';
import { MINUTE } from '../../../src/core/time/duration';

/**
 * Issue 18: scenarios the way peer apps' bug reports read, through the real timer
 * service. Each names what a person would notice.
 */
const base = { start: '2026-11-24T10:00:00+01:00', timezone: 'Europe/Berlin' };
const longOnly = { microBreak: { enabled: false } };

function run(scenario: object) {
  const outcome = simulate({ ...base, ...scenario });
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  return outcome.result.events;
}

const brief = (events: SimulatedEvent[], types: string[]) =>
  events
    .filter((e) => types.includes(e.type))
    .map((e) => `${e.wall.slice(11, 19)} ${e.type}${e.kind ? ` ${e.kind}` : ''}`);

const BREAKS = ['break-warning', 'break-start', 'natural-break'];

describe('a break after a wake or an unlock', () => {
  it.each([
    ['lock', { lock: '4m30s' }],
    ['suspend', { suspend: '4m30s' }],
  ])('after a %s across the warning and the due time, the break is warned first', (_, input) => {
    const events = run({
      duration: '1h10m',
      settings: longOnly,
      inputs: [{ at: '57m', ...input }],
    });
    expect(brief(events, BREAKS)).toEqual([
      '11:01:30 break-warning long',
      '11:02:00 break-start long',
    ]);
  });

  it('a lock as long as the break is still that break, with nothing asked after it', () => {
    const events = run({
      duration: '1h10m',
      settings: longOnly,
      inputs: [{ at: '57m', lock: '5m' }],
    });
    expect(brief(events, BREAKS)).toEqual(['11:02:00 natural-break long']);
  });
});

describe('idle spells', () => {
  it('an absence as long as the break that ends just before it is due counts as the break', () => {
    const events = run({
      duration: '1h10m',
      settings: longOnly,
      inputs: [{ at: '54m40s', idle: '5m10s' }],
    });
    expect(brief(events, ['break-start', 'natural-break'])).toEqual([
      '10:59:40 natural-break long',
    ]);
  });

  it('a spell exactly as long as the break counts, one a second shorter does not', () => {
    const exact = run({ duration: '20m', inputs: [{ at: '5m', idle: '30s' }] });
    expect(brief(exact, ['natural-break'])).toEqual(['10:05:30 natural-break micro']);
    const shorter = run({ duration: '20m', inputs: [{ at: '5m', idle: '29s' }] });
    expect(brief(shorter, ['natural-break'])).toEqual([]);
  });
});

describe('pauses on the wall clock', () => {
  it.each([
    ['Europe/Berlin', '2026-10-25T02:30:00+02:00', '02:10', '2026-10-25T02:10:00+01:00'],
    ['Europe/Berlin', '2026-10-25T02:30:00+02:00', '02:50', '2026-10-25T02:50:00+02:00'],
    ['Europe/Berlin', '2026-10-25T02:30:00+01:00', '02:50', '2026-10-25T02:50:00+01:00'],
    ['America/New_York', '2026-11-01T01:30:00-04:00', '01:10', '2026-11-01T01:10:00-05:00'],
  ])(
    'in %s at %s, "until %s" ends the next time the clock shows it',
    (zone, start, until, resumed) => {
      const events = run({
        start,
        timezone: zone,
        duration: '2h',
        settings: { workHours: null },
        inputs: [{ at: '0s', action: 'pause', until }],
      });
      expect(events.find((e) => e.type === 'paused')?.until).toBe(resumed);
      expect(events.find((e) => e.type === 'resumed')?.wall).toBe(resumed);
    },
  );

  it('"tomorrow" on a night shift at 01:05 resumes at the start of this evening’s shift', () => {
    const events = run({
      start: '2026-11-24T00:55:00+01:00',
      duration: '24h',
      settings: { workHours: { from: '22:00', to: '06:00' } },
      inputs: [{ at: '10m', action: 'pause', until: 'tomorrow' }],
    });
    expect(events.find((e) => e.type === 'paused')?.until).toBe('2026-11-24T22:00:00+01:00');
    expect(events.find((e) => e.type === 'resumed')?.wall).toBe('2026-11-24T22:00:00+01:00');
  });

  it('"tomorrow" in an office day is the next morning', () => {
    const events = run({
      duration: '1h',
      inputs: [{ at: '10m', action: 'pause', until: 'tomorrow' }],
    });
    expect(events.find((e) => e.type === 'paused')?.until).toBe('2026-11-25T09:00:00+01:00');
  });
});

describe('naturalBreaks: false', () => {
  it('keyboard idle is no break, but a 10-minute sleep is: no long break the moment it wakes', () => {
    const events = run({
      duration: '1h10m',
      settings: { naturalBreaks: false, microBreak: { enabled: false } },
      inputs: [
        { at: '20m', idle: '6m' },
        { at: '52m', suspend: '10m' },
      ],
    });
    expect(
      events
        .filter((e) => e.type === 'natural-break' || e.type === 'break-start')
        .map((e) => `${e.wall.slice(11, 19)} ${e.type} ${e.source ?? ''}`.trim()),
    ).toEqual(['11:02:00 natural-break sleep']);
  });

  it('with it on, the timeline says what made each natural break', () => {
    const events = run({
      duration: '1h',
      inputs: [
        { at: '5m', idle: '1m' },
        { at: '20m', lock: '10m' },
      ],
    });
    expect(events.filter((e) => e.type === 'natural-break').map((e) => e.source)).toEqual([
      'idle',
      'lock',
    ]);
  });
});

describe('unhunch preview on the day clocks fall back', () => {
  it('tells the two passes of a repeated time apart', () => {
    const plan = planDay(
      { ...DEFAULT_SETTINGS, workHours: null, routines: [] },
      { year: 2026, month: 10, day: 25 },
      'Europe/Berlin',
    );
    const times = plan.breaks.map((b) => b.time);
    expect(times).toContain('02:50 (first time)');
    expect(times).toContain('02:10 (second time)');
    expect(times).toContain('01:45');
    expect(times).toContain('03:15');
  });
});

describe('the rest between heat or ice sessions', () => {
  const restOf = (value: string) => ({ therapy: { restBetween: value } });

  it('settings and policies under 20 minutes are refused with the reason', () => {
    for (const value of ['0s', '19m']) {
      const settings = settingsFileSchema.safeParse(restOf(value));
      expect(settings.success).toBe(false);
      expect(settings.error?.issues[0]?.message).toMatch(/at least 20m: the skin needs/);
      const policy = policySchema.safeParse({ version: 1, locked: restOf(value) });
      expect(policy.success).toBe(false);
      expect(policy.error?.issues[0]?.message).toMatch(/at least 20m/);
    }
    expect(settingsFileSchema.safeParse(restOf('20m')).success).toBe(true);
  });

  it('four 20-minute ice sessions cannot run back to back, whatever the settings say', () => {
    const limits = { ...DEFAULT_SETTINGS.therapy, restBetweenMs: 0 };
    let state = NO_THERAPY;
    const first = startTherapy(state, { kind: 'ice', minutes: 20 }, 0, limits);
    if (!first.ok) throw new Error(first.code);
    state = endTherapy(first.state, 20 * MINUTE);
    expect(startTherapy(state, { kind: 'ice', minutes: 20 }, 20 * MINUTE, limits)).toMatchObject({
      ok: false,
      code: 'resting',
    });
    expect(startTherapy(state, { kind: 'ice', minutes: 20 }, 40 * MINUTE, limits).ok).toBe(true);
    // The page and the app read the same floor.
    const flow = transition(
      {
        ...CHOOSING,
        phase: { name: 'running', session: { kind: 'ice', minutes: 20, endsAt: 20 * MINUTE } },
      },
      { type: 'ended', outcome: 'completed', at: 20 * MINUTE },
    );
    expect(nextPossibleAt(flow, 'ice', 21 * MINUTE, limits)).toBe(40 * MINUTE);
  });
});
