import { describe, expect, it } from 'vitest';
import type { FocusSignal } from '../../../src/core/focus/signals';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import { MINUTE, SECOND } from '../../../src/core/time/duration';
import { ALWAYS, harness, settingsWith } from './harness';

/** A focus signal on from `from` to `to` real minutes, told to the service as a host would. */
function focusSpell(
  h: ReturnType<typeof harness>,
  signal: FocusSignal,
  from: number,
  to: number,
  thenRunTo: number,
) {
  h.runTo(from);
  h.service.signal({ type: 'focus', signal, on: true });
  h.runTo(to);
  h.service.signal({ type: 'focus', signal, on: false });
  h.runTo(thenRunTo);
}

const BREAK_EVENTS = [
  'break-warning',
  'break-deferred',
  'break-start',
  'break-gentle',
  'break-end',
];

describe('deferral: a break due during a call', () => {
  it('a break due during a 45-minute camera signal waits, then comes within a minute of its end', () => {
    const h = harness();
    focusSpell(h, 'camera', 2, 47, 49);
    expect(h.lines(BREAK_EVENTS)).toEqual([
      '20 break-deferred micro',
      '47 break-warning micro',
      '47.5 break-start micro',
      '48 break-end micro',
    ]);
    const deferred = h.of('break-deferred')[0];
    expect(deferred).toMatchObject({ signal: 'camera' });
    expect(deferred && deferred.showBy - deferred.at).toBe(30 * MINUTE);
    expect(h.of('break-start')[0]).toMatchObject({ deferredMs: 27.5 * MINUTE });
    const warning = h.of('break-warning')[0];
    expect(warning).toMatchObject({ deferred: true });
    expect(warning && warning.dueAt - warning.at).toBe(30 * SECOND);
  });

  it('held longer than deferral.maxMinutes, it is shown as a gentle notification instead', () => {
    const h = harness();
    focusSpell(h, 'camera', 10, 65, 71);
    // The long break was due within 10 minutes of it: the gentle one is the long one.
    expect(h.lines(BREAK_EVENTS)).toEqual([
      '20 break-deferred micro',
      '50 break-gentle long',
      '69.5 break-warning micro',
      '70 break-start micro',
      '70.5 break-end micro',
    ]);
    expect(h.of('break-gentle')[0]).toMatchObject({
      outcome: 'deferred',
      signal: 'camera',
      durationMs: 5 * MINUTE,
      deferredMs: 30 * MINUTE,
    });
  });

  it('the bound is deferral.maxMinutes, which a policy may set', () => {
    const settings = settingsWith({
      workHours: null,
      deferral: { ...DEFAULT_SETTINGS.deferral, maxMinutes: 10 },
    });
    const h = harness({ settings });
    focusSpell(h, 'microphone', 10, 40, 41);
    expect(h.lines(['break-deferred', 'break-gentle'])).toEqual([
      '20 break-deferred micro',
      '30 break-gentle micro',
    ]);
  });

  it('a signal turned off in the settings holds nothing', () => {
    const settings = settingsWith({
      workHours: null,
      deferral: { ...DEFAULT_SETTINGS.deferral, camera: false },
    });
    const h = harness({ settings });
    focusSpell(h, 'camera', 10, 55, 57);
    expect(h.lines(['break-deferred', 'break-start'])).toEqual([
      '20 break-start micro',
      '40.5 break-start micro',
    ]);
  });

  it('turning the signal off in the settings mid-call releases the held break', () => {
    const h = harness();
    h.runTo(10);
    h.service.signal({ type: 'focus', signal: 'fullscreen', on: true });
    h.runTo(25);
    h.service.updateSettings({
      ...ALWAYS,
      deferral: { ...ALWAYS.deferral, fullscreen: false },
    });
    h.runTo(27);
    expect(h.lines(['break-deferred', 'break-warning', 'break-start'])).toEqual([
      '20 break-deferred micro',
      '25 break-warning micro',
      '25.5 break-start micro',
    ]);
  });

  it('a meeting that ends during the warning does not delay the break', () => {
    const h = harness();
    h.runTo(19.6);
    h.service.signal({ type: 'focus', signal: 'meetingApps', on: true });
    h.runTo(19.8);
    h.service.signal({ type: 'focus', signal: 'meetingApps', on: false });
    h.runTo(21);
    expect(h.lines(BREAK_EVENTS)).toEqual([
      '19.5 break-warning micro',
      '20 break-start micro',
      '20.5 break-end micro',
    ]);
  });

  it('a meeting that starts during the warning holds the break at its due time', () => {
    const h = harness();
    focusSpell(h, 'screenSharing', 19.7, 30, 31);
    expect(h.lines(BREAK_EVENTS)).toEqual([
      '19.5 break-warning micro',
      '20 break-deferred micro',
      '30 break-warning micro',
      '30.5 break-start micro',
      '31 break-end micro',
    ]);
  });

  it('no warning is given during a call: the break waits at its due time', () => {
    const h = harness();
    focusSpell(h, 'doNotDisturb', 19, 19.9, 21);
    // Warned only once the call ended, for the time left.
    expect(h.lines(['break-warning', 'break-start'])).toEqual([
      '19.9 break-warning micro',
      '20 break-start micro',
    ]);
    const warning = h.of('break-warning')[0];
    expect(warning && (warning.dueAt - warning.at) / 1000).toBe(6);
  });

  it('a call that comes back during the release warning holds the break again, within the same bound', () => {
    const h = harness();
    h.runTo(10);
    h.service.signal({ type: 'focus', signal: 'camera', on: true });
    h.runTo(30);
    h.service.signal({ type: 'focus', signal: 'camera', on: false });
    h.runTo(30.2);
    h.service.signal({ type: 'focus', signal: 'camera', on: true });
    h.runTo(60);
    expect(h.lines(BREAK_EVENTS)).toEqual([
      '20 break-deferred micro',
      '30 break-warning micro',
      '30.5 break-deferred micro',
      '50 break-gentle long',
    ]);
    const held = h.of('break-deferred')[1];
    expect(held && (held.showBy - held.at) / 60_000).toBe(19.5);
  });

  it('new settings during a hold keep its bound', () => {
    const h = harness();
    h.runTo(10);
    h.service.signal({ type: 'focus', signal: 'camera', on: true });
    h.runTo(30);
    h.service.updateSettings({ ...ALWAYS, warningBeforeMs: 0 });
    h.runTo(51);
    expect(h.lines(['break-deferred', 'break-gentle'])).toEqual([
      '20 break-deferred micro',
      '50 break-gentle long',
    ]);
  });

  it('without a warning time a released break shows at once', () => {
    const h = harness({ settings: settingsWith({ workHours: null, warningBeforeMs: 0 }) });
    focusSpell(h, 'camera', 10, 25, 26);
    expect(h.lines(['break-warning', 'break-start'])).toEqual(['25 break-start micro']);
  });

  it('the user may still take, postpone or skip a held break', () => {
    const h = harness();
    h.runTo(10);
    h.service.signal({ type: 'focus', signal: 'camera', on: true });
    h.runTo(22);
    expect(h.service.status()).toMatchObject({ state: 'warning' });
    expect(h.service.skipBreak()).toEqual({ ok: true });
    h.runTo(50);
    expect(h.lines(['break-deferred', 'break-end', 'break-gentle'])).toEqual([
      '20 break-deferred micro',
      '22 break-end micro',
      '42 break-deferred micro',
    ]);
  });

  it('a held break is dropped at the end of work hours, never shown after them', () => {
    const h = harness({ settings: DEFAULT_SETTINGS, start: '2026-11-24T17:00:00+01:00' });
    focusSpell(h, 'camera', 5, 60, 90);
    expect(h.lines(['break-deferred', 'work-hours-end', 'break-start', 'break-gentle'])).toEqual([
      '20 break-deferred micro',
      '30 work-hours-end',
    ]);
  });
});

describe('deferral: the host reads focus signals only around a prompt', () => {
  function watched(settings = ALWAYS) {
    const h = harness({ settings });
    const changes: string[] = [];
    h.service.onFocusWanted((wanted) =>
      changes.push(`${+(h.clock.elapsed() / MINUTE).toFixed(3)} ${wanted ? 'on' : 'off'}`),
    );
    return { h, changes };
  }

  it('from a minute before the warning until the break is on screen', () => {
    const { h, changes } = watched();
    h.runTo(45);
    expect(changes).toEqual(['18.5 on', '20 off', '39 on', '40.5 off']);
  });

  it('throughout a hold, and not after it', () => {
    const { h, changes } = watched();
    focusSpell(h, 'camera', 10, 30, 31);
    expect(changes).toEqual(['18.5 on', '30.5 off']);
    expect(h.service.status().wantsFocusSignals).toBe(false);
  });

  it('never while paused, asleep or outside work hours', () => {
    const { h, changes } = watched(DEFAULT_SETTINGS);
    h.service.pause({ indefinitely: true });
    h.runTo(120);
    expect(changes).toEqual([]);
    h.service.resume();
    h.runTo(138.7);
    h.service.signal({ type: 'suspend' });
    h.clock.sleep(10 * MINUTE);
    expect(changes).toEqual(['138.5 on', '138.7 off']);
  });

  it('not at all when no signal may hold a break', () => {
    const { h, changes } = watched(
      settingsWith({ workHours: null, deferral: { ...ALWAYS.deferral, maxMinutes: 0 } }),
    );
    h.runTo(60);
    expect(changes).toEqual([]);
  });

  it('the wake a minute before the warning costs at most one per prompt', () => {
    const plain = harness({ idle: false });
    plain.runTo(8 * 60);
    const { h } = watched();
    const noIdle = harness({ idle: false });
    noIdle.service.onFocusWanted(() => {});
    noIdle.runTo(8 * 60);
    h.runTo(8 * 60);
    const prompts = noIdle.of('break-warning').length;
    expect(noIdle.clock.fired - plain.clock.fired).toBeLessThanOrEqual(prompts);
    // With idle sampling every 30 s the extra wake lands on a sample: no cost.
    expect(h.clock.fired).toBeLessThanOrEqual(960);
  });
});
