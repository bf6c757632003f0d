import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnhunchApp } from '../../src/app/app';
import { openApp } from '../../src/app/open';
import { createAppTranslator } from '../../src/app/translator';
import { runSimulate } from '../../src/cli/commands/simulate';
import type { TherapyView } from '../../src/contract/contract';
import { dispatchCall } from '../../src/contract/dispatch';
import { refusalText } from '../../src/contract/i18n';
import type { Policy } from '../../src/contract/settings';
import { MINUTE } from '../../src/core/time/duration';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/** Heat and ice through the real app over real files, on a virtual clock. */
const TUESDAY_1000_BERLIN = Date.parse('2026-11-24T10:00:00+01:00');
const dirs: string[] = [];

function therapyApp(options: { dataDir?: string; policy?: Policy; settings?: object } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'unhunch-therapy-'));
  if (!options.dataDir) dirs.push(dataDir);
  if (options.settings) {
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ settings: options.settings }));
  }
  const clock = new VirtualClock(TUESDAY_1000_BERLIN);
  const app = openApp({
    dataDir,
    clock,
    timeZone: 'Europe/Berlin',
    ...(options.policy ? { policy: options.policy } : {}),
  });
  const pushed: TherapyView[] = [];
  app.onEvent((event, payload) => {
    if (event === 'therapy') pushed.push(payload as TherapyView);
  });
  const call = (name: string, input?: unknown) => dispatchCall(app.handlers, name, input);
  return { app, clock, dataDir, pushed, call };
}

const stateOf = (app: UnhunchApp) => app.therapy().state;

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a heat or ice session in the app', () => {
  it('a 15-minute ice session ends by itself, with an event, and goes into the history', async () => {
    const { app, clock, dataDir, pushed, call } = therapyApp();
    expect(await call('startTherapy', { kind: 'ice', minutes: 15 })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(pushed.at(-1)?.state).toEqual({
      name: 'running',
      kind: 'ice',
      minutes: 15,
      startedAt: TUESDAY_1000_BERLIN,
      endsAt: TUESDAY_1000_BERLIN + 15 * MINUTE,
    });
    clock.advance(15 * MINUTE);
    expect(pushed.at(-1)?.state).toEqual({
      name: 'ended-awaiting-ack',
      kind: 'ice',
      minutes: 15,
      endedAt: TUESDAY_1000_BERLIN + 15 * MINUTE,
      outcome: 'completed',
      lateBy: 0,
      lateNoticeMs: MINUTE,
    });
    // It stays until acknowledged.
    clock.advance(30 * MINUTE);
    expect(stateOf(app).name).toBe('ended-awaiting-ack');
    expect(await call('acknowledgeTherapyEnd')).toEqual({ ok: true, value: { ok: true } });
    expect(pushed.at(-1)?.state).toEqual({
      name: 'resting',
      kind: 'ice',
      nextPossibleAt: TUESDAY_1000_BERLIN + 75 * MINUTE,
    });
    const history = readFileSync(join(dataDir, 'history.jsonl'), 'utf8').trim().split('\n');
    expect(history.map((line) => JSON.parse(line))).toContainEqual({
      at: TUESDAY_1000_BERLIN + 15 * MINUTE,
      type: 'therapy-end',
      kind: 'ice',
      minutes: 15,
      startedAt: TUESDAY_1000_BERLIN,
      outcome: 'completed',
    });
  });

  it('sleeping past the end gives the prompt on waking, with how late it came', async () => {
    const { app, clock, call } = therapyApp();
    await call('startTherapy', { kind: 'ice', minutes: 15 });
    clock.advance(10 * MINUTE);
    app.timer.signal({ type: 'suspend' });
    clock.sleep(17 * MINUTE);
    app.timer.signal({ type: 'resume' });
    expect(stateOf(app)).toEqual({
      name: 'ended-awaiting-ack',
      kind: 'ice',
      minutes: 15,
      endedAt: TUESDAY_1000_BERLIN + 15 * MINUTE,
      outcome: 'completed',
      lateBy: 12 * MINUTE,
      lateNoticeMs: MINUTE,
    });
  });

  it('a second ice session within the hour is refused with the next possible time; heat is allowed', async () => {
    const { app, clock, call } = therapyApp();
    await call('startTherapy', { kind: 'ice', minutes: 15 });
    clock.advance(15 * MINUTE);
    await call('acknowledgeTherapyEnd');
    clock.advance(5 * MINUTE);
    expect(await call('startTherapy', { kind: 'ice', minutes: 10 })).toEqual({
      ok: true,
      value: {
        ok: false,
        code: 'resting',
        params: { kind: 'ice', minutes: 10, cap: 20, time: '11:15' },
        nextPossibleAt: TUESDAY_1000_BERLIN + 75 * MINUTE,
      },
    });
    expect(await call('startTherapy', { kind: 'heat', minutes: 10 })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(stateOf(app)).toMatchObject({ name: 'running', kind: 'heat' });
    expect(await call('stopTherapy')).toEqual({ ok: true, value: { ok: true } });
    expect(app.therapy().nextPossibleAt).toEqual({
      heat: TUESDAY_1000_BERLIN + 80 * MINUTE,
      ice: TUESDAY_1000_BERLIN + 75 * MINUTE,
    });
    clock.advance(56 * MINUTE);
    expect(await call('startTherapy', { kind: 'ice', minutes: 10 })).toEqual({
      ok: true,
      value: { ok: true },
    });
  });

  it('keeps the rest across a restart, from the history', async () => {
    const first = therapyApp();
    await first.call('startTherapy', { kind: 'heat', minutes: 5 });
    await first.call('stopTherapy');
    first.app.dispose();
    const again = therapyApp({ dataDir: first.dataDir });
    expect(stateOf(again.app)).toEqual({
      name: 'resting',
      kind: 'heat',
      nextPossibleAt: TUESDAY_1000_BERLIN + 60 * MINUTE,
    });
    expect(await again.call('startTherapy', { kind: 'heat', minutes: 5 })).toMatchObject({
      value: { ok: false, code: 'resting' },
    });
  });
});

describe('the 20-minute cap at every door', () => {
  const bad: unknown[] = [21, 0, -1, 1.5, 1e9, '15', null];

  it.each(bad)(
    'the contract refuses %j minutes at the IPC door, and nothing starts',
    async (minutes) => {
      const { app, call } = therapyApp();
      const reply = await call('startTherapy', { kind: 'ice', minutes });
      expect(reply).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^invalid input for startTherapy: input\.minutes: /),
      });
      expect(stateOf(app)).toEqual({ name: 'idle' });
      expect(app.timer.status().therapy).toBeNull();
    },
  );

  it('says what is wrong in words a person understands', async () => {
    const { call } = therapyApp();
    const errorFor = async (minutes: unknown) => {
      const reply = await call('startTherapy', { kind: 'ice', minutes });
      return reply.ok ? '' : reply.error;
    };
    expect(await errorFor(21)).toContain('a session lasts at most 20 minutes');
    expect(await errorFor(0)).toContain('a session lasts at least 1 minute');
    expect(await errorFor(1.5)).toContain('a session lasts whole minutes');
    expect(await errorFor('15')).toContain('minutes must be a number');
  });

  it('refuses a kind that is neither heat nor ice, and any extra key', async () => {
    const { call } = therapyApp();
    expect(await call('startTherapy', { kind: 'lava', minutes: 10 })).toMatchObject({ ok: false });
    expect(await call('startTherapy', { kind: 'ice', minutes: 10, capMinutes: 60 })).toMatchObject({
      ok: false,
    });
  });

  it('a policy cap of 10 refuses 11 with a reason naming the organisation, and lowers the slider', async () => {
    const { app, call } = therapyApp({
      policy: { version: 1, locked: { therapy: { capMinutes: 10 } } },
    });
    expect(await call('startTherapy', { kind: 'ice', minutes: 11 })).toEqual({
      ok: true,
      value: {
        ok: false,
        code: 'over-policy-cap',
        params: { kind: 'ice', minutes: 11, cap: 10 },
      },
    });
    // The words come from the locale files: English here, German on a German screen.
    const words = (t: typeof app.t) =>
      refusalText(t, { code: 'therapy-over-policy-cap', params: { minutes: 11, cap: 10 } });
    expect(words(app.t)).toBe('11 minutes is over the 10-minute limit your organization set');
    expect(words(createAppTranslator('de').t)).toBe(
      '11 Minuten sind mehr als die 10 Minuten, die deine Organisation erlaubt',
    );
    expect(app.therapy()).toMatchObject({ capMinutes: 10, capManaged: true, defaultMinutes: 10 });
    expect(await call('startTherapy', { kind: 'ice', minutes: 10 })).toMatchObject({
      value: { ok: true },
    });
    expect(await call('updateSettings', { therapy: { capMinutes: 20 } })).toMatchObject({
      value: { ok: false, code: 'settings-managed', params: { paths: 'therapy.capMinutes' } },
    });
  });

  it.each([21, 0, -1, 1.5, 1e9, '15'])(
    'a settings file with capMinutes %j is not used: the cap stays 20',
    async (capMinutes) => {
      const { app, call } = therapyApp({ settings: { therapy: { capMinutes } } });
      expect(app.therapy().capMinutes).toBe(20);
      // Refused by the file's schema: moved aside or ignored, and the person is told either way.
      expect(await call('getNotices')).toMatchObject({
        value: [{ id: expect.stringMatching(/^settings-(invalid|unreadable)$/) }],
      });
      expect(await call('updateSettings', { therapy: { capMinutes } })).toMatchObject({
        ok: false,
        error: expect.stringContaining('therapy.capMinutes'),
      });
    },
  );

  it.each([21, 1e9, '15'])('a policy with capMinutes %j is invalid', async (capMinutes) => {
    const { parsePolicy } = await import('../../src/contract/settings');
    expect(parsePolicy({ version: 1, locked: { therapy: { capMinutes } } })).toMatchObject({
      ok: false,
      issues: [expect.stringMatching(/^policy\.locked\.therapy\.capMinutes: /)],
    });
  });

  it.each([21, 0, -1, 1.5, 1e9])(
    '`unhunch simulate` rejects a %s-minute session with therapy-rejected and a reason',
    async (minutes) => {
      const out: string[] = [];
      const scenario = {
        start: '2026-11-24T10:00:00+01:00',
        duration: '30m',
        inputs: [{ at: '1m', therapy: { kind: 'ice', minutes } }],
      };
      const io = {
        readFile: async () => JSON.stringify(scenario),
        stdout: (text: string) => out.push(text),
        stderr: (text: string) => out.push(text),
      };
      expect(await runSimulate({ file: 'scenario.json' }, io)).toBe(0);
      const events = JSON.parse(out.join('')).events as { type: string; reason?: string }[];
      expect(events.map((e) => e.type)).not.toContain('therapy-start');
      expect(events.find((e) => e.type === 'therapy-rejected')?.reason).toMatch(
        /limit|at least 1 minute|whole minutes/,
      );
    },
  );

  it('`unhunch simulate` refuses "15" as a malformed scenario, exit 2', async () => {
    const err: string[] = [];
    const io = {
      readFile: async () =>
        JSON.stringify({
          start: '2026-11-24T10:00:00+01:00',
          duration: '30m',
          inputs: [{ at: '1m', therapy: { kind: 'ice', minutes: '15' } }],
        }),
      stdout: () => {},
      stderr: (text: string) => err.push(text),
    };
    expect(await runSimulate({ file: 'scenario.json' }, io)).toBe(2);
    expect(err.join('')).toContain('inputs[0].therapy.minutes');
  });
});

describe('safety steps the person hides', () => {
  it('are kept across a restart; the towel reminder can never be hidden', async () => {
    const first = therapyApp();
    expect(await first.call('dismissSafetySteps', { ids: ['check-skin', 'never-sleep'] })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(await first.call('dismissSafetySteps', { ids: ['ice-wrapped'] })).toMatchObject({
      value: { ok: false, code: 'therapy-step-always-shown', params: { steps: 'ice-wrapped' } },
    });
    first.app.dispose();

    const again = therapyApp({ dataDir: first.dataDir });
    const { safety } = again.app.therapy();
    expect(safety.dismissed.sort()).toEqual(['check-skin', 'never-sleep']);
    expect(safety.steps.ice.map((s) => s.id)).not.toContain('check-skin');
    expect(safety.steps.ice[0]).toEqual({ id: 'ice-wrapped', alwaysShown: true });

    expect(await again.call('showAllSafetySteps')).toEqual({ ok: true, value: { ok: true } });
    expect(again.app.therapy().safety.steps.ice.map((s) => s.id)).toContain('check-skin');
  });

  it('a hand-edited file cannot hide the towel reminder', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-therapy-'));
    dirs.push(dataDir);
    writeFileSync(
      join(dataDir, 'therapy.json'),
      JSON.stringify({ dismissedSafetySteps: ['ice-wrapped', 'heat-wrapped', 'check-skin'] }),
    );
    const { app } = therapyApp({ dataDir });
    expect(app.therapy().safety.steps.heat[0]).toEqual({ id: 'heat-wrapped', alwaysShown: true });
    expect(app.therapy().safety.steps.ice[0]).toEqual({ id: 'ice-wrapped', alwaysShown: true });
    expect(app.therapy().safety.dismissed).toEqual(['check-skin']);
    expect(existsSync(join(dataDir, 'therapy.json'))).toBe(true);
  });
});
