import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import {
  CHOOSING,
  type TherapyFlow,
  therapyView,
  transition,
} from '../../../src/core/therapy/flow';
import {
  SAVED_START_TOLERANCE_MS,
  type SavedTherapySession,
  sessionAfterRestart,
} from '../../../src/core/therapy/restart';
import { NO_THERAPY, resumeTherapy } from '../../../src/core/therapy/session';
import { HOUR, MINUTE } from '../../../src/core/time/duration';
import { ALWAYS, harness } from './harness';

/** A heat or ice session saved by one run of the app and found by the next. */
const T0 = Date.parse('2026-11-24T10:00:00+01:00');
const ice15: SavedTherapySession = {
  kind: 'ice',
  minutes: 15,
  startedAt: T0,
  endsAt: T0 + 15 * MINUTE,
};

describe('a saved session when the app opens again', () => {
  it('whose end is still ahead runs on to that same end', () => {
    expect(sessionAfterRestart(ice15, T0 + 5 * MINUTE)).toEqual({
      name: 'resume',
      session: { kind: 'ice', minutes: 15, endsAt: T0 + 15 * MINUTE },
      adjusted: null,
      cappedTo: null,
    });
  });

  it('whose end has passed ended at its end, found late, while the app was closed', () => {
    expect(sessionAfterRestart(ice15, T0 + 40 * MINUTE)).toEqual({
      name: 'ended',
      session: { kind: 'ice', minutes: 15, endsAt: T0 + 15 * MINUTE },
      endedAt: T0 + 15 * MINUTE,
      lateBy: 25 * MINUTE,
      whileClosed: true,
      adjusted: null,
      cappedTo: null,
    });
  });

  it('an end exactly now has ended', () => {
    expect(sessionAfterRestart(ice15, T0 + 15 * MINUTE)).toMatchObject({
      name: 'ended',
      lateBy: 0,
    });
  });

  it('never runs longer than the 20-minute cap from its start, whatever the file says', () => {
    const tooLong = { ...ice15, minutes: 45, endsAt: T0 + 45 * MINUTE };
    const resumed = sessionAfterRestart(tooLong, T0 + 5 * MINUTE);
    expect(resumed).toMatchObject({
      name: 'resume',
      session: { minutes: 20, endsAt: T0 + 20 * MINUTE },
      adjusted: expect.stringContaining('cut back to the cap'),
    });
    const farEnd = { ...ice15, endsAt: T0 + 3 * HOUR };
    expect(sessionAfterRestart(farEnd, T0 + 5 * MINUTE)).toMatchObject({
      name: 'resume',
      session: { minutes: 15, endsAt: T0 + 15 * MINUTE },
      adjusted: expect.stringContaining('further than its length'),
    });
    expect(sessionAfterRestart(farEnd, T0 + 40 * MINUTE)).toMatchObject({
      name: 'ended',
      endedAt: T0 + 15 * MINUTE,
      lateBy: 25 * MINUTE,
    });
  });

  it('that started after now (the clock was set back while closed) is taken as ended now', () => {
    const now = T0 - HOUR;
    expect(sessionAfterRestart(ice15, now)).toEqual({
      name: 'ended',
      session: { kind: 'ice', minutes: 15, endsAt: T0 + 15 * MINUTE },
      endedAt: now,
      lateBy: 0,
      whileClosed: true,
      adjusted: expect.stringContaining('the clock was set back'),
      cappedTo: null,
    });
  });

  it('a start a moment ahead of the clock is a nudge of the clock, not a jump', () => {
    expect(sessionAfterRestart(ice15, T0 - SAVED_START_TOLERANCE_MS)).toMatchObject({
      name: 'resume',
      session: { endsAt: T0 + 15 * MINUTE },
    });
    expect(sessionAfterRestart(ice15, T0 - SAVED_START_TOLERANCE_MS - 1)).toMatchObject({
      name: 'ended',
    });
  });

  it('whose end the running app had told already asks again, not as ended while closed', () => {
    const told = { ...ice15, endNoticedAt: T0 + 16 * MINUTE };
    expect(sessionAfterRestart(told, T0 + 40 * MINUTE)).toEqual({
      name: 'ended',
      session: { kind: 'ice', minutes: 15, endsAt: T0 + 15 * MINUTE },
      endedAt: T0 + 15 * MINUTE,
      lateBy: MINUTE,
      whileClosed: false,
      adjusted: null,
      cappedTo: null,
    });
  });
});

describe('the flow on finding an ended session', () => {
  const found = {
    type: 'found-ended',
    session: { kind: 'ice', minutes: 15, endsAt: T0 + 15 * MINUTE },
    endedAt: T0 + 15 * MINUTE,
    lateBy: 25 * MINUTE,
    whileClosed: true,
  } as const;

  it('waits for the pack to come off, says it ended while closed, and starts the rest at its end', () => {
    const flow = transition(CHOOSING, found);
    expect(therapyView(flow, T0 + 40 * MINUTE, DEFAULT_SETTINGS.therapy)).toEqual({
      name: 'ended-awaiting-ack',
      kind: 'ice',
      minutes: 15,
      endedAt: T0 + 15 * MINUTE,
      outcome: 'completed',
      lateBy: 25 * MINUTE,
      lateNoticeMs: 60_000,
      whileClosed: true,
    });
    expect(flow.lastEndedAt).toEqual({ ice: T0 + 15 * MINUTE });
    const acknowledged = transition(flow, { type: 'acknowledged' });
    expect(therapyView(acknowledged, T0 + 40 * MINUTE, DEFAULT_SETTINGS.therapy)).toEqual({
      name: 'resting',
      kind: 'ice',
      nextPossibleAt: T0 + 75 * MINUTE,
    });
  });

  it('a session the running app told of has no "while closed"', () => {
    const flow = transition(CHOOSING, { ...found, whileClosed: false });
    expect(therapyView(flow, T0 + 40 * MINUTE, DEFAULT_SETTINGS.therapy)).not.toHaveProperty(
      'whileClosed',
    );
  });

  it('is ignored once something else is on, and never moves the last end back', () => {
    const running: TherapyFlow = transition(CHOOSING, {
      type: 'started',
      session: { kind: 'heat', minutes: 10, endsAt: T0 + 10 * MINUTE },
    });
    expect(transition(running, found)).toBe(running);
    const later = { ...CHOOSING, lastEndedAt: { ice: T0 + HOUR } };
    expect(transition(later, found).lastEndedAt).toEqual({ ice: T0 + HOUR });
  });
});

describe('running on a session in the core', () => {
  it('asks for no rest, keeps its length, and runs only what is left', () => {
    const resting = { ...NO_THERAPY, lastEndedAt: { ice: 0 } };
    const resumed = resumeTherapy(
      resting,
      { kind: 'ice', minutes: 15, remainingMs: 10 * MINUTE },
      MINUTE,
    );
    expect(resumed).toMatchObject({
      ok: true,
      session: { kind: 'ice', minutes: 15, startedAt: -4 * MINUTE, endsAt: 11 * MINUTE },
    });
  });

  it('never runs longer from now than the whole session, nor past the hard cap', () => {
    expect(
      resumeTherapy(NO_THERAPY, { kind: 'heat', minutes: 10, remainingMs: 3 * HOUR }, 0),
    ).toMatchObject({ ok: true, session: { endsAt: 10 * MINUTE } });
    expect(
      resumeTherapy(NO_THERAPY, { kind: 'heat', minutes: 21, remainingMs: MINUTE }, 0),
    ).toMatchObject({ ok: false, code: 'over-cap' });
  });

  it('refuses a session whose end has passed, and one while another runs', () => {
    expect(
      resumeTherapy(NO_THERAPY, { kind: 'ice', minutes: 15, remainingMs: 0 }, 0),
    ).toMatchObject({ ok: false });
    const on = resumeTherapy(NO_THERAPY, { kind: 'ice', minutes: 15, remainingMs: MINUTE }, 0);
    if (!on.ok) throw new Error(on.code);
    expect(
      resumeTherapy(on.state, { kind: 'heat', minutes: 5, remainingMs: MINUTE }, 0),
    ).toMatchObject({ ok: false, code: 'running' });
  });
});

describe('the timer service running on a session', () => {
  it('ends it at its original wall end, with a therapy-resumed event and one timer', () => {
    const { clock, service, of } = harness({ settings: ALWAYS });
    const endsAt = clock.now() + 10 * MINUTE;
    expect(service.resumeTherapy({ kind: 'ice', minutes: 15, endsAt })).toEqual({ ok: true });
    expect(of('therapy-resumed')).toEqual([
      expect.objectContaining({ kind: 'ice', minutes: 15, endsAt }),
    ]);
    expect(service.status().therapy).toEqual({ kind: 'ice', minutes: 15, endsAt });
    expect(clock.armedCount()).toBe(1);
    clock.advance(10 * MINUTE - 1);
    expect(of('therapy-end')).toEqual([]);
    clock.advance(1);
    expect(of('therapy-end')).toEqual([
      expect.objectContaining({ at: endsAt, kind: 'ice', outcome: 'completed' }),
    ]);
  });

  it('refuses an end that has passed and a second session, and can still be stopped', () => {
    const { clock, service, of } = harness({ settings: ALWAYS });
    expect(service.resumeTherapy({ kind: 'ice', minutes: 15, endsAt: clock.now() })).toMatchObject({
      ok: false,
    });
    service.resumeTherapy({ kind: 'heat', minutes: 15, endsAt: clock.now() + MINUTE });
    expect(
      service.resumeTherapy({ kind: 'ice', minutes: 15, endsAt: clock.now() + MINUTE }),
    ).toMatchObject({ ok: false });
    expect(service.stopTherapy()).toEqual({ ok: true });
    expect(of('therapy-end')).toEqual([expect.objectContaining({ outcome: 'stopped' })]);
  });
});
