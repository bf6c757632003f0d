import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { HOUR, MINUTE, SECOND } from '../../../src/core/time/duration';
import { formatLocalIso } from '../../../src/core/time/zoned';
import { ALWAYS, harness, settingsWith } from './harness';

const starts = (h: ReturnType<typeof harness>) =>
  h.of('break-start').map((e) => `${+e.min.toFixed(3)} ${e.kind}`);

describe('timer service: a plain day', () => {
  it('asks for micro breaks every 20 minutes and a long one each hour', () => {
    const h = harness();
    h.runTo(130);
    expect(starts(h)).toEqual([
      '20 micro',
      '40.5 micro',
      '60 long',
      '85 micro',
      '105.5 micro',
      '125 long',
    ]);
    expect(h.lines(['break-warning']).slice(0, 1)).toEqual(['19.5 break-warning micro']);
  });

  it('keeps exactly one timer armed and never ticks each second', () => {
    const h = harness();
    for (let minute = 1; minute <= 8 * 60; minute++) {
      h.runTo(minute);
      expect(h.clock.armedCount()).toBe(1);
    }
    // An active user is sampled every 30 s at most: at most 960 wakes in 8 hours.
    expect(h.clock.fired).toBeLessThanOrEqual(960);
  });

  it('without idle detection wakes only for breaks', () => {
    const h = harness({ idle: false });
    h.runTo(8 * 60);
    expect(h.clock.fired).toBeLessThan(100);
  });
});

describe('timer service: idle and natural breaks', () => {
  it('idle shorter than a micro break is not a break', () => {
    const h = harness({ idle: [{ from: 5, minutes: 0.4 }] });
    h.runTo(21);
    expect(h.of('natural-break')).toEqual([]);
    expect(starts(h)).toEqual(['20 micro']);
  });

  it('idle longer than a micro break but shorter than a long one restarts only the micro timer', () => {
    const h = harness({ idle: [{ from: 5, minutes: 4 }] });
    h.runTo(70);
    expect(h.lines(['natural-break'])).toEqual(['5.5 natural-break micro']);
    // The micro timer restarts when the spell is seen to reach 30 s; the long one keeps its hour.
    expect(starts(h)[0]).toBe('25.5 micro');
    expect(starts(h)).toContain('60 long');
  });

  it('idle longer than a long break covers both kinds and counts once', () => {
    const h = harness({ idle: [{ from: 10, minutes: 12 }] });
    h.runTo(80);
    expect(h.lines(['natural-break'])).toEqual([
      '10.5 natural-break micro',
      '15 natural-break long',
    ]);
    // Both timers restart from the user's return, within one sample of it.
    expect(starts(h)[0]).toMatch(/^4[12](\.\d+)? micro$/);
    expect(starts(h).some((s) => s.endsWith('long') && Number.parseFloat(s) < 80)).toBe(false);
  });

  it('a user already idle when the break falls due has it naturally', () => {
    const h = harness({ idle: [{ from: 19.4, minutes: 2 }] });
    h.runTo(25);
    // Idle is sampled during the warning too: 6 s at 19:30, so the next look is at 19:54.
    expect(h.lines(['natural-break', 'break-start'])).toEqual(['19.9 natural-break micro']);
  });

  it('samples idle no sooner than the time the spell needs to reach a break', () => {
    const h = harness({ idle: [{ from: 3, minutes: 10 }] });
    h.runTo(3.5);
    expect(h.lines(['natural-break'])).toEqual(['3.5 natural-break micro']);
    // 30 s idle, and the long break needs 5 min: no question for the next 4.5 min.
    const fired = h.clock.fired;
    h.runTo(7.99);
    expect(h.clock.fired).toBe(fired);
    h.runTo(8);
    expect(h.lines(['natural-break'])).toEqual(['3.5 natural-break micro', '8 natural-break long']);
  });

  it('a locked screen counts as idle and asks for nothing', () => {
    const h = harness();
    h.runTo(10);
    h.service.signal({ type: 'lock' });
    h.runTo(40);
    expect(h.of('break-start')).toEqual([]);
    h.service.signal({ type: 'unlock' });
    expect(h.lines(['natural-break'])).toEqual(['40 natural-break long']);
    h.runTo(61);
    expect(starts(h)).toEqual(['60 micro']);
  });
});

describe('timer service: sleep', () => {
  for (const monotonicRuns of [false, true]) {
    it(`sleep for hours is a long break, then breaks resume without a burst (monotonic ${monotonicRuns ? 'runs' : 'stops'})`, () => {
      const h = harness();
      h.runTo(10);
      h.service.signal({ type: 'suspend' });
      h.clock.sleep(3 * HOUR, { monotonicRuns });
      h.service.signal({ type: 'resume' });
      h.runTo(10 + 180 + 45);
      expect(h.lines(['suspend', 'resume', 'natural-break'])).toEqual([
        '10 suspend',
        '190 resume',
        '190 natural-break long',
      ]);
      expect(starts(h)).toEqual(['210 micro', '230.5 micro']);
    });
  }

  it('a timer overdue after sleep does not fire before the resume is handled', () => {
    const h = harness();
    h.runTo(10);
    h.service.signal({ type: 'suspend' });
    h.clock.sleep(HOUR, { monotonicRuns: true });
    h.service.signal({ type: 'resume' });
    h.runTo(71);
    expect(h.of('break-start')).toEqual([]);
    expect(h.clock.armedCount()).toBe(1);
  });

  it('a missed resume signal is noticed at the next action', () => {
    const h = harness();
    h.runTo(10);
    h.service.signal({ type: 'suspend' });
    h.clock.sleep(2 * HOUR);
    expect(h.service.takeBreak()).toEqual({ ok: true });
    expect(h.lines(['resume'])).toEqual(['130 resume']);
  });

  it('a short nap keeps the break timers: the due break comes on time', () => {
    const h = harness();
    h.runTo(19.8);
    h.service.signal({ type: 'suspend' });
    h.clock.sleep(10 * SECOND);
    h.service.signal({ type: 'resume' });
    h.runTo(21);
    expect(starts(h)).toHaveLength(1);
    expect(h.of('break-start')[0]?.min).toBe(20);
  });
});

describe('timer service: clock changes', () => {
  const baseline = () => {
    const h = harness();
    h.runTo(180);
    return starts(h);
  };

  it('the clock set back an hour neither repeats nor delays breaks', () => {
    const h = harness();
    h.runTo(30);
    h.clock.jumpWall(-HOUR);
    h.runTo(180);
    expect(starts(h)).toEqual(baseline());
    expect(h.lines(['clock-jump'])).toEqual(['30.5 clock-jump']);
    expect(h.of('clock-jump')[0]?.byMs).toBe(-HOUR);
  });

  it('the clock set forward three hours brings no burst of breaks', () => {
    const h = harness();
    h.runTo(30);
    h.clock.jumpWall(3 * HOUR);
    h.runTo(180);
    expect(starts(h)).toEqual(baseline());
  });

  it('a jump the host reports is noticed at once', () => {
    const h = harness();
    h.runTo(30);
    h.clock.jumpWall(3 * HOUR);
    h.service.signal({ type: 'time-changed' });
    expect(h.lines(['clock-jump'])).toEqual(['30 clock-jump']);
  });

  it('the clock set forward past the end of work hours ends the work day', () => {
    const h = harness({ settings: DEFAULT_SETTINGS, start: '2026-11-24T15:00:00+01:00' });
    h.runTo(10);
    h.clock.jumpWall(3 * HOUR);
    h.service.signal({ type: 'time-changed' });
    expect(h.lines(['clock-jump', 'work-hours-end'])).toEqual([
      '10 clock-jump',
      '10 work-hours-end',
    ]);
    h.runTo(120);
    expect(h.of('break-start').filter((e) => e.min > 10)).toEqual([]);
  });

  it('a pause until a wall time ends when the wall clock gets there, even after a jump', () => {
    const h = harness({ start: '2026-11-24T10:00:00+01:00' });
    h.service.pause({ until: Date.parse('2026-11-24T11:00:00+01:00') });
    h.runTo(15);
    h.clock.jumpWall(30 * MINUTE);
    h.service.signal({ type: 'time-changed' });
    h.runTo(60);
    expect(h.lines(['resumed'])).toEqual(['30 resumed']);
  });

  it('a routine runs once even when the clock is set back after it', () => {
    const settings = settingsWith({
      workHours: null,
      routines: [{ id: 'checklist-recheck', cron: '0 10 * * 1' }],
    });
    const h = harness({ settings, start: '2026-11-23T09:50:00+01:00' });
    h.runTo(20);
    h.clock.jumpWall(-HOUR);
    h.service.signal({ type: 'time-changed' });
    h.runTo(150);
    expect(h.lines(['routine'])).toEqual(['10 routine']);
  });

  it('a routine skipped over by a jump forward runs once', () => {
    const settings = settingsWith({
      workHours: null,
      routines: [{ id: 'stand', cron: '0 * * * *' }],
    });
    const h = harness({ settings, start: '2026-11-23T09:50:00+01:00' });
    h.runTo(5);
    h.clock.jumpWall(5 * HOUR);
    h.service.signal({ type: 'time-changed' });
    expect(h.lines(['routine'])).toEqual(['5 routine']);
  });
});

describe('timer service: actions', () => {
  it('a pause wakes nothing until it ends, and resume continues the timers', () => {
    const h = harness();
    h.runTo(10);
    h.service.pause({ for: 30 * MINUTE });
    const fired = h.clock.fired;
    h.runTo(39.9);
    expect(h.clock.fired).toBe(fired);
    h.runTo(60);
    expect(h.lines(['paused', 'resumed'])).toEqual(['10 paused', '40 resumed']);
    expect(starts(h)).toEqual(['50 micro']);
  });

  it('an indefinite pause wakes nothing at all', () => {
    const h = harness({ settings: DEFAULT_SETTINGS });
    h.runTo(1);
    h.service.pause({ indefinitely: true });
    const fired = h.clock.fired;
    h.runTo(48 * 60);
    expect(h.clock.fired).toBe(fired);
    expect(h.service.status()).toMatchObject({ state: 'paused', pausedUntil: null });
    expect(h.service.resume()).toEqual({ ok: true });
  });

  it('pausing until tomorrow resumes at the start of the next work day', () => {
    const h = harness({ settings: DEFAULT_SETTINGS, start: '2026-11-24T11:00:00+01:00' });
    h.service.pause({ untilTomorrow: true });
    h.runTo(24 * 60);
    const resumed = h.of('resumed')[0];
    expect(resumed && formatLocalIso(resumed.at, 'Europe/Berlin')).toBe(
      '2026-11-25T09:00:00+01:00',
    );
    expect(starts(h)[0]).toBe(`${22 * 60 + 20} micro`);
  });

  it('a break postponed twice may not be postponed a third time', () => {
    const h = harness();
    h.runTo(19.6);
    expect(h.service.postponeBreak()).toEqual({ ok: true });
    h.runTo(24.3);
    expect(h.service.status().state).toBe('warning');
    expect(h.service.postponeBreak()).toEqual({ ok: true });
    h.runTo(29.4);
    expect(h.service.status().postponesLeft).toBe(0);
    const third = h.service.postponeBreak();
    expect(third.ok).toBe(false);
    h.runTo(30);
    expect(starts(h)).toEqual(['29.3 micro']);
  });

  it('a break postponed in strict mode is refused, and so is a skip', () => {
    const h = harness({ settings: settingsWith({ workHours: null, strictMode: true }) });
    h.runTo(19.6);
    expect(h.service.postponeBreak()).toEqual({ ok: false, code: 'strict-postpone' });
    expect(h.service.skipBreak()).toEqual({ ok: false, code: 'strict-skip' });
    h.runTo(21);
    expect(h.lines(['break-start', 'break-end'])).toEqual([
      '20 break-start micro',
      '20.5 break-end micro',
    ]);
  });

  it('skips stop at the daily allowance and come back the next day', () => {
    const h = harness({
      settings: settingsWith({ workHours: null, skip: { maxPerDay: 1 } }),
      start: '2026-11-24T20:00:00+01:00',
    });
    h.runTo(19.6);
    expect(h.service.skipBreak()).toEqual({ ok: true });
    expect(h.service.status().skipsLeftToday).toBe(0);
    h.runTo(39.2);
    expect(h.service.skipBreak().ok).toBe(false);
    h.runTo(5 * 60);
    expect(h.service.status().skipsLeftToday).toBe(1);
  });

  it('do-not-disturb holds a due break up to deferral.maxMinutes, then shows it gently', () => {
    const h = harness();
    h.runTo(15);
    h.service.signal({ type: 'do-not-disturb', on: true });
    h.runTo(51);
    expect(h.lines(['break-deferred', 'break-start', 'break-gentle'])).toEqual([
      '20 break-deferred micro',
      '50 break-gentle long',
    ]);
  });

  it('a held break is announced when do-not-disturb ends and shows 30 s later', () => {
    const h = harness();
    h.runTo(15);
    h.service.signal({ type: 'do-not-disturb', on: true });
    h.runTo(23);
    expect(h.service.status().deferredUntil).toBe(Date.parse('2026-11-24T09:50:00+01:00'));
    h.service.signal({ type: 'do-not-disturb', on: false });
    h.runTo(24);
    expect(h.lines(['break-warning', 'break-start'])).toEqual([
      '23 break-warning micro',
      '23.5 break-start micro',
    ]);
    expect(h.of('break-start')[0]).toMatchObject({ deferredMs: 210 * SECOND });
  });

  it('status reports the next break on the wall clock', () => {
    const h = harness();
    const status = h.service.status();
    expect(status).toMatchObject({
      state: 'running',
      nextBreak: { kind: 'micro' },
      currentBreak: null,
    });
    expect(status.nextBreak?.dueAt).toBe(Date.parse('2026-11-24T09:20:00+01:00'));
  });

  it('new settings apply from the last break', () => {
    const h = harness();
    h.runTo(5);
    h.service.updateSettings(
      settingsWith({
        workHours: null,
        microBreak: { enabled: true, everyMs: 10 * MINUTE, durationMs: 20 * SECOND },
      }),
    );
    h.runTo(11);
    expect(starts(h)).toEqual(['10 micro']);
  });
});

describe('timer service: therapy', () => {
  it('a session over the cap is rejected with a reason', () => {
    const h = harness();
    expect(h.service.startTherapy({ kind: 'ice', minutes: 25 }).ok).toBe(false);
    expect(h.of('therapy-rejected')[0]).toMatchObject({
      kind: 'ice',
      minutes: 25,
      code: 'over-cap',
      params: { minutes: 25, cap: 20 },
    });
  });

  it('a session ends by itself; another of the same kind waits for the rest', () => {
    const h = harness();
    expect(h.service.startTherapy({ kind: 'heat' })).toEqual({ ok: true });
    h.runTo(20);
    expect(h.lines(['therapy-start', 'therapy-end'])).toEqual([
      '0 therapy-start heat',
      '15 therapy-end heat',
    ]);
    expect(h.service.startTherapy({ kind: 'heat', minutes: 10 }).ok).toBe(false);
    expect(h.service.startTherapy({ kind: 'ice', minutes: 10 }).ok).toBe(true);
    h.runTo(25);
    expect(h.service.stopTherapy()).toEqual({ ok: true });
    expect(h.of('therapy-end')[1]).toMatchObject({ kind: 'ice', outcome: 'stopped' });
    h.runTo(80);
    expect(h.service.startTherapy({ kind: 'heat', minutes: 10 })).toEqual({ ok: true });
  });

  it('zero minutes and a policy cap below the request are refused', () => {
    const h = harness({
      settings: settingsWith({
        workHours: null,
        therapy: { defaultMinutes: 10, capMinutes: 10, restBetweenMs: HOUR },
      }),
    });
    expect(h.service.startTherapy({ kind: 'ice', minutes: 0 }).ok).toBe(false);
    expect(h.service.startTherapy({ kind: 'ice', minutes: 12 }).ok).toBe(false);
    expect(h.service.startTherapy({ kind: 'ice' })).toEqual({ ok: true });
    expect(h.of('therapy-start')[0]?.minutes).toBe(10);
  });
});

describe('timer service: work hours', () => {
  it('plans no break outside work hours and starts afresh each morning', () => {
    const h = harness({ settings: DEFAULT_SETTINGS, start: '2026-11-24T08:00:00+01:00' });
    h.runTo(26 * 60);
    const local = (e: { at: number }) => formatLocalIso(e.at, 'Europe/Berlin').slice(0, 16);
    expect(h.of('work-hours-start').map(local)).toEqual(['2026-11-24T09:00', '2026-11-25T09:00']);
    expect(h.of('work-hours-end').map(local)).toEqual(['2026-11-24T17:30']);
    for (const e of h.of('break-start')) {
      const time = local(e).slice(11);
      expect(time >= '09:00' && time < '17:30').toBe(true);
    }
    expect(local(h.of('break-start')[0]!)).toBe('2026-11-24T09:20');
    expect(h.of('break-start').filter((e) => local(e).startsWith('2026-11-25'))[0]).toMatchObject({
      kind: 'micro',
    });
  });

  const dst = (start: string, days: number) => {
    const settings = settingsWith({
      workHours: { days: ['sat', 'sun', 'mon'], from: '09:00', to: '17:30' },
    });
    const h = harness({ settings, start });
    h.runTo(days * 24 * 60);
    const local = (e: { at: number }) => formatLocalIso(e.at, 'Europe/Berlin');
    return { starts: h.of('work-hours-start').map(local), ends: h.of('work-hours-end').map(local) };
  };

  it('work hours follow the wall clock across the October change (Europe/Berlin 2026-10-25)', () => {
    const { starts: s, ends } = dst('2026-10-24T06:00:00+02:00', 3);
    expect(s).toEqual([
      '2026-10-24T09:00:00+02:00',
      '2026-10-25T09:00:00+01:00',
      '2026-10-26T09:00:00+01:00',
    ]);
    expect(ends).toEqual([
      '2026-10-24T17:30:00+02:00',
      '2026-10-25T17:30:00+01:00',
      '2026-10-26T17:30:00+01:00',
    ]);
  });

  it('work hours follow the wall clock across the March change (Europe/Berlin 2026-03-29)', () => {
    const { starts: s } = dst('2026-03-28T06:00:00+01:00', 3);
    expect(s).toEqual([
      '2026-03-28T09:00:00+01:00',
      '2026-03-29T09:00:00+02:00',
      '2026-03-30T09:00:00+02:00',
    ]);
  });

  it('a night shift spanning the change lasts an hour longer in October and shorter in March', () => {
    const shift = (start: string) => {
      const settings = settingsWith({ workHours: { days: ['sun'], from: '01:00', to: '04:00' } });
      const h = harness({ settings, start });
      h.runTo(6 * 60);
      const s = h.of('work-hours-start')[0];
      const e = h.of('work-hours-end')[0];
      return s && e ? (e.at - s.at) / HOUR : null;
    };
    expect(shift('2026-10-25T00:00:00+02:00')).toBe(4);
    expect(shift('2026-03-29T00:00:00+01:00')).toBe(2);
  });
});

describe('timer service: lifecycle', () => {
  it('after dispose nothing is armed and actions are refused', () => {
    const h = harness({ settings: ALWAYS });
    h.service.dispose();
    expect(h.clock.armedCount()).toBe(0);
    expect(h.service.takeBreak().ok).toBe(false);
  });
});
