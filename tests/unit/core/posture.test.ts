import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings';
import { harness, settingsWith } from './harness';

/** Sit-stand on; breaks off unless asked for, so the rhythm reads plainly. */
function sitStand(patch: Partial<Settings> = {}, rhythm: Partial<Settings['sitStand']> = {}) {
  return settingsWith({
    workHours: null,
    microBreak: { ...DEFAULT_SETTINGS.microBreak, enabled: false },
    longBreak: { ...DEFAULT_SETTINGS.longBreak, enabled: false },
    ...patch,
    sitStand: { ...DEFAULT_SETTINGS.sitStand, enabled: true, ...rhythm },
  });
}

const changes = (h: ReturnType<typeof harness>) =>
  h.of('posture-change').map((e) => `${+e.min.toFixed(3)} ${e.to}`);

describe('sit-stand rhythm', () => {
  it('is off by default', () => {
    const h = harness();
    h.runTo(120);
    expect(h.of('posture-change')).toEqual([]);
  });

  it('follows 20-8-2 every 30 minutes: stand after 20, move after 8, sit after 2', () => {
    const h = harness({ settings: sitStand() });
    h.runTo(61);
    expect(changes(h)).toEqual(['20 stand', '28 move', '30 sit', '50 stand', '58 move', '60 sit']);
    expect(h.of('posture-change')[0]).toMatchObject({ kind: 'posture', to: 'stand', minutes: 8 });
  });

  it('without moving minutes, stand and sit alternate', () => {
    const h = harness({
      settings: sitStand({}, { sitMinutes: 30, standMinutes: 15, moveMinutes: 0 }),
    });
    h.runTo(91);
    expect(changes(h)).toEqual(['30 stand', '45 sit', '75 stand', '90 sit']);
  });

  it('a change due during a break comes when the break ends', () => {
    const h = harness({ settings: sitStand({ microBreak: DEFAULT_SETTINGS.microBreak }) });
    h.runTo(31);
    expect(h.lines(['break-warning', 'break-start', 'break-end', 'posture-change'])).toEqual([
      '19.5 break-warning micro',
      '20 break-start micro',
      '20.5 break-end micro',
      '20.5 posture-change posture',
      '28.5 posture-change posture',
      '30.5 posture-change posture',
    ]);
  });

  it('prompts nothing while paused and starts again from sitting on resume', () => {
    const h = harness({ settings: sitStand() });
    h.runTo(10);
    h.service.pause({ for: 60 * 60_000 });
    const fired = h.clock.fired;
    h.runTo(69);
    expect(h.clock.fired).toBe(fired);
    h.runTo(91);
    expect(changes(h)).toEqual(['90 stand']);
  });

  it('prompts only within work hours, starting seated each morning', () => {
    const settings = sitStand({
      workHours: { days: ['tue', 'wed'], from: '09:00', to: '10:00' },
    });
    const h = harness({ settings, start: '2026-11-24T08:00:00+01:00' });
    h.runTo(26 * 60);
    const local = (e: { at: number }) =>
      new Date(e.at).toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin' }).slice(0, 5);
    const times = h.of('posture-change').map((e) => `${local(e)} ${e.to}`);
    expect(times).toEqual([
      '09:20 stand',
      '09:28 move',
      '09:30 sit',
      '09:50 stand',
      '09:58 move',
      '09:20 stand',
      '09:28 move',
      '09:30 sit',
      '09:50 stand',
      '09:58 move',
    ]);
  });

  it('a change due during a call waits for its end, at most deferral.maxMinutes', () => {
    const h = harness({ settings: sitStand() });
    h.runTo(15);
    h.service.signal({ type: 'focus', signal: 'camera', on: true });
    h.runTo(25);
    h.service.signal({ type: 'focus', signal: 'camera', on: false });
    h.runTo(34);
    expect(changes(h)).toEqual(['25 stand', '33 move']);
    expect(h.of('posture-change')[0]).toMatchObject({ deferredMs: 5 * 60_000 });

    const long = harness({ settings: sitStand() });
    long.runTo(15);
    long.service.signal({ type: 'focus', signal: 'meetingApps', on: true });
    long.runTo(51);
    expect(changes(long)).toEqual(['50 stand']);
  });

  it('after being away the rhythm starts again from sitting', () => {
    const h = harness({ settings: sitStand() });
    h.runTo(15);
    h.service.signal({ type: 'lock' });
    h.runTo(25);
    h.service.signal({ type: 'unlock' });
    h.runTo(46);
    expect(changes(h)).toEqual(['45 stand']);
  });

  it('asks the host for focus signals a minute before each change', () => {
    const h = harness({ settings: sitStand() });
    const wanted: number[] = [];
    h.service.onFocusWanted((on) => {
      if (on) wanted.push(+(h.clock.elapsed() / 60_000).toFixed(3));
    });
    h.runTo(31);
    expect(wanted).toEqual([19, 27, 29]);
  });
});
