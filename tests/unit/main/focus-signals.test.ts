import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../src/app/open';
import { dispatchCall } from '../../../src/contract/dispatch';
import { createTranslator } from '../../../src/contract/i18n';
import { MINUTE } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';
import { electronFake, FakeNotification } from './electron-fake';

vi.mock('electron', () => electronFake());

const { notifyPostureChanges } = await import('../../../src/main/posture-notifications');
const { notifyGentleBreaks } = await import('../../../src/main/gentle-break-notifications');
const { t } = await createTranslator('en');

const dirs: string[] = [];

/** The real app over a temp folder, at 10:00 on a Tuesday, with its settings. */
function appWith(settings: object) {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-focus-'));
  dirs.push(dataDir);
  const clock = new VirtualClock(Date.parse('2026-11-24T10:00:00+01:00'));
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin' });
  return { app, clock, ready: dispatchCall(app.handlers, 'updateSettings', settings) };
}

beforeEach(() => {
  FakeNotification.shown.length = 0;
  FakeNotification.supported = true;
});

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sit-stand prompts and gentle breaks in the Electron host', () => {
  it('a posture change is a notification saying what to do and for how long', async () => {
    const { app, clock, ready } = appWith({
      sitStand: { enabled: true },
      microBreak: { enabled: false },
      longBreak: { enabled: false },
    });
    expect(await ready).toMatchObject({ ok: true });
    notifyPostureChanges(app, { t });
    clock.advance(20 * MINUTE);
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['Time to stand']);
    expect(FakeNotification.shown[0]?.options.body).toMatch(/stand for about 8 minutes/);
    clock.advance(8 * MINUTE);
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual([
      'Time to stand',
      'Time to move',
    ]);
    expect(FakeNotification.shown[0]?.closed).toBe(true);
  });

  it('a break held through a long call comes as a quiet notification, not the break window', async () => {
    const { app, clock, ready } = appWith({ notifications: { sound: false } });
    expect(await ready).toMatchObject({ ok: true });
    notifyGentleBreaks(app, { t });
    const pushed: string[] = [];
    app.onEvent((event, _payload) => {
      pushed.push(event);
    });
    app.timer.signal({ type: 'focus', signal: 'camera', on: true });
    clock.advance(51 * MINUTE);
    expect(pushed).toContain('break-gentle');
    expect(pushed).not.toContain('break');
    expect(FakeNotification.shown.map((n) => n.options)).toEqual([
      expect.objectContaining({ title: 'A long break, when you can', silent: true }),
    ]);
    expect(FakeNotification.shown[0]?.options.body).toMatch(/5 minutes is enough/);
  });

  it('the status page learns which signals this machine can read', async () => {
    const { app } = appWith({});
    const before = await dispatchCall(app.handlers, 'getFocusSignals', undefined);
    expect(before).toMatchObject({
      ok: true,
      value: {
        signals: expect.arrayContaining([
          { signal: 'camera', readable: 'unchecked', enabled: true },
        ]),
      },
    });
    const told: unknown[] = [];
    app.onEvent((event, payload) => {
      if (event === 'focus-signals') told.push(payload);
    });
    app.focus.reportSupport({
      camera: 'readable',
      microphone: 'readable',
      screenSharing: 'unreadable',
      fullscreen: 'readable',
      meetingApps: 'readable',
      doNotDisturb: 'unreadable',
    });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      signals: expect.arrayContaining([
        { signal: 'screenSharing', readable: 'unreadable', enabled: true },
      ]),
    });
  });
});
