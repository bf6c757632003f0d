import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings';
import {
  CHOOSING,
  checkTherapyStart,
  type TherapyFlow,
  therapyView,
  transition,
} from '../../../src/core/therapy/flow';
import { THERAPY_LATE_NOTICE_MS, THERAPY_MAX_MINUTES } from '../../../src/core/therapy/limits';
import { NO_THERAPY, startTherapy } from '../../../src/core/therapy/session';
import { HOUR, MINUTE } from '../../../src/core/time/duration';
import { harness, settingsWith } from './harness';

const limits: Settings['therapy'] = DEFAULT_SETTINGS.therapy;
const capTen: Settings['therapy'] = { defaultMinutes: 10, capMinutes: 10, restBetweenMs: HOUR };
const T0 = Date.parse('2026-11-24T10:00:00+01:00');

describe('the therapy cap in the core', () => {
  it.each([21, 0, -1, 1.5, 1e9, Number.NaN, Number.POSITIVE_INFINITY])(
    'a session of %s minutes is refused by the session and by the flow',
    (minutes) => {
      const session = startTherapy(NO_THERAPY, { kind: 'ice', minutes }, 0, limits);
      expect(session).toMatchObject({ ok: false, code: expect.any(String) });
      const flow = checkTherapyStart(CHOOSING, { kind: 'ice', minutes }, T0, limits);
      expect(flow).toMatchObject({ ok: false, code: expect.any(String) });
    },
  );

  it('names what is wrong: too long, too short, not whole', () => {
    const reasons = [21, 0, 1.5].map((minutes) => {
      const result = checkTherapyStart(CHOOSING, { kind: 'heat', minutes }, T0, limits);
      return result.ok ? '' : result.code;
    });
    expect(reasons).toEqual(['over-cap', 'too-short', 'not-whole']);
  });

  it('allows every whole minute from 1 to 20', () => {
    for (let minutes = 1; minutes <= THERAPY_MAX_MINUTES; minutes++) {
      expect(checkTherapyStart(CHOOSING, { kind: 'ice', minutes }, T0, limits).ok).toBe(true);
      expect(startTherapy(NO_THERAPY, { kind: 'ice', minutes }, 0, limits).ok).toBe(true);
    }
  });

  it('a policy cap of 10 refuses 11 and allows 10', () => {
    expect(checkTherapyStart(CHOOSING, { kind: 'ice', minutes: 11 }, T0, capTen)).toMatchObject({
      ok: false,
      code: 'over-cap',
    });
    expect(checkTherapyStart(CHOOSING, { kind: 'ice', minutes: 10 }, T0, capTen).ok).toBe(true);
  });

  it('a cap above 20 in the settings still stops at 20', () => {
    const loose = { ...limits, capMinutes: 60 };
    expect(checkTherapyStart(CHOOSING, { kind: 'heat', minutes: 21 }, T0, loose).ok).toBe(false);
    expect(startTherapy(NO_THERAPY, { kind: 'heat', minutes: 21 }, 0, loose).ok).toBe(false);
  });

  it('the timer service refuses a fractional session with therapy-rejected', () => {
    const h = harness();
    expect(h.service.startTherapy({ kind: 'ice', minutes: 1.5 }).ok).toBe(false);
    expect(h.of('therapy-rejected')[0]).toMatchObject({
      minutes: 1.5,
      code: 'not-whole',
      params: { minutes: 1.5 },
    });
    expect(h.of('therapy-start')).toEqual([]);
  });
});

const running = (flow: TherapyFlow, kind: 'heat' | 'ice', minutes: number, at: number) =>
  transition(flow, { type: 'started', session: { kind, minutes, endsAt: at + minutes * MINUTE } });

describe('the therapy flow', () => {
  it('runs choosing → running → ended (awaiting the pack off) → resting → choosing', () => {
    let flow = running(CHOOSING, 'ice', 15, T0);
    expect(therapyView(flow, T0, limits)).toEqual({
      name: 'running',
      kind: 'ice',
      minutes: 15,
      startedAt: T0,
      endsAt: T0 + 15 * MINUTE,
    });
    flow = transition(flow, { type: 'ended', outcome: 'completed', at: T0 + 15 * MINUTE });
    expect(therapyView(flow, T0 + 16 * MINUTE, limits)).toEqual({
      name: 'ended-awaiting-ack',
      kind: 'ice',
      minutes: 15,
      endedAt: T0 + 15 * MINUTE,
      outcome: 'completed',
      lateBy: 0,
      lateNoticeMs: THERAPY_LATE_NOTICE_MS,
    });
    // The prompt stays until acknowledged, however long that takes.
    expect(therapyView(flow, T0 + 5 * HOUR, limits).name).toBe('ended-awaiting-ack');
    flow = transition(flow, { type: 'acknowledged' });
    expect(therapyView(flow, T0 + 20 * MINUTE, limits)).toEqual({
      name: 'resting',
      kind: 'ice',
      nextPossibleAt: T0 + 75 * MINUTE,
    });
    expect(therapyView(flow, T0 + 75 * MINUTE, limits)).toEqual({ name: 'idle' });
  });

  it('a session stopped early goes straight to resting, measured from the stop', () => {
    let flow = running(CHOOSING, 'heat', 15, T0);
    flow = transition(flow, { type: 'ended', outcome: 'stopped', at: T0 + 5 * MINUTE });
    expect(therapyView(flow, T0 + 6 * MINUTE, limits)).toEqual({
      name: 'resting',
      kind: 'heat',
      nextPossibleAt: T0 + 65 * MINUTE,
    });
  });

  it('an end noticed after sleep keeps the due time and says how late it was noticed', () => {
    let flow = running(CHOOSING, 'ice', 15, T0);
    flow = transition(flow, { type: 'ended', outcome: 'completed', at: T0 + 27 * MINUTE });
    expect(therapyView(flow, T0 + 27 * MINUTE, limits)).toMatchObject({
      endedAt: T0 + 15 * MINUTE,
      lateBy: 12 * MINUTE,
      // One rule for the notification and the page: from a minute late, "ended N minutes ago".
      lateNoticeMs: MINUTE,
    });
  });

  it('follows the end when the clock is set', () => {
    let flow = running(CHOOSING, 'ice', 15, T0);
    flow = transition(flow, { type: 'rescheduled', endsAt: T0 + 75 * MINUTE });
    expect(therapyView(flow, T0 + HOUR, limits)).toMatchObject({
      name: 'running',
      startedAt: T0 + HOUR,
      endsAt: T0 + 75 * MINUTE,
    });
  });

  it('within the rest the same kind is refused with the next possible time; the other kind is not', () => {
    let flow = running(CHOOSING, 'ice', 15, T0);
    flow = transition(flow, { type: 'ended', outcome: 'completed', at: T0 + 15 * MINUTE });
    flow = transition(flow, { type: 'acknowledged' });
    const at = T0 + 30 * MINUTE;
    expect(checkTherapyStart(flow, { kind: 'ice', minutes: 15 }, at, limits)).toEqual({
      ok: false,
      code: 'resting',
      nextPossibleAt: T0 + 75 * MINUTE,
    });
    expect(checkTherapyStart(flow, { kind: 'heat', minutes: 15 }, at, limits).ok).toBe(true);
    expect(checkTherapyStart(flow, { kind: 'ice', minutes: 15 }, T0 + 75 * MINUTE, limits).ok).toBe(
      true,
    );
  });

  it('refuses a start while a session runs or while its end waits to be acknowledged', () => {
    let flow = running(CHOOSING, 'ice', 15, T0);
    expect(checkTherapyStart(flow, { kind: 'heat', minutes: 5 }, T0, limits)).toMatchObject({
      ok: false,
      code: 'running',
    });
    flow = transition(flow, { type: 'ended', outcome: 'completed', at: T0 + 15 * MINUTE });
    expect(
      checkTherapyStart(flow, { kind: 'heat', minutes: 5 }, T0 + 16 * MINUTE, limits),
    ).toMatchObject({ ok: false, code: 'awaiting-ack' });
  });

  it('ignores events that do not apply to the phase', () => {
    expect(transition(CHOOSING, { type: 'acknowledged' })).toBe(CHOOSING);
    expect(transition(CHOOSING, { type: 'ended', outcome: 'stopped', at: T0 })).toBe(CHOOSING);
    expect(transition(CHOOSING, { type: 'rescheduled', endsAt: T0 })).toBe(CHOOSING);
  });

  it('a shorter rest in the settings applies at once', () => {
    let flow = running(CHOOSING, 'ice', 15, T0);
    flow = transition(flow, { type: 'ended', outcome: 'stopped', at: T0 + 15 * MINUTE });
    const short = settingsWith({ therapy: { ...limits, restBetweenMs: 20 * MINUTE } }).therapy;
    expect(therapyView(flow, T0 + 40 * MINUTE, limits).name).toBe('resting');
    expect(therapyView(flow, T0 + 40 * MINUTE, short)).toEqual({ name: 'idle' });
  });
});
