import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/app';
import { openApp } from '../../src/app/open';
import { settingLeaves } from '../../src/app/policy/shape';
import type { EventName } from '../../src/contract/contract';
import { dispatchCall } from '../../src/contract/dispatch';
import { type Policy, parsePolicy } from '../../src/contract/settings';
import { HOUR, MINUTE } from '../../src/core/time/duration';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/** The weekly check-in over a real data folder, on a virtual clock (docs/checkin.md). */
const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const FRIDAY_1400_BERLIN = Date.parse('2026-11-27T14:00:00+01:00');
const DAY = 24 * HOUR;
const dirs: string[] = [];
const apps: { dispose(): void }[] = [];

afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(extra: Partial<Omit<AppDeps, 'clock'>> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-checkin-'));
  dirs.push(dataDir);
  const clock = new VirtualClock(MONDAY_0930_BERLIN);
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin', ...extra });
  apps.push(app);
  const events: { event: EventName; payload: unknown }[] = [];
  app.onEvent((event, payload) => events.push({ event, payload }));
  const call = async (name: string, input?: unknown) => {
    const reply = await dispatchCall(app.handlers, name, input);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as never;
  };
  return { app, clock, dataDir, events, call };
}

const answers = (pain: number, interference = 0, urgent = false) => ({
  pain,
  interference,
  redFlags: { emergency: false, urgent },
});

// A virtual week of breaks on a slow machine takes seconds.
describe('the weekly check-in', { timeout: 30_000 }, () => {
  it('is off until the person turns it on: no reminder on Friday afternoon', async () => {
    const { clock, events, call } = open();
    expect((await call('getCheckin')) as { enabled: boolean }).toMatchObject({ enabled: false });
    clock.advance(FRIDAY_1400_BERLIN + HOUR - clock.now());
    expect(events.filter((e) => e.event === 'checkin-due')).toEqual([]);
  });

  it('once turned on, reminds on Friday at 14:00 and an answer puts the reminder away', async () => {
    const { clock, events, call } = open();
    await call('setCheckinEnabled', { enabled: true });
    clock.advance(FRIDAY_1400_BERLIN - MINUTE - clock.now());
    expect(events.some((e) => e.event === 'checkin-due')).toBe(false);
    clock.advance(FRIDAY_1400_BERLIN + MINUTE - clock.now());
    expect(events.filter((e) => e.event === 'checkin-due').at(-1)?.payload).toEqual({
      due: true,
      since: FRIDAY_1400_BERLIN,
    });
    await call('submitCheckin', answers(2, 1));
    expect(events.filter((e) => e.event === 'checkin-due').at(-1)?.payload).toMatchObject({
      due: false,
    });
  });

  it('keeps the answers in the local history and reads them back after a restart', async () => {
    const first = open();
    await first.call('setCheckinEnabled', { enabled: true });
    await first.call('submitCheckin', answers(4, 3));
    const line = readFileSync(join(first.dataDir, 'history.jsonl'), 'utf8');
    expect(line).toContain('"type":"weekly-checkin"');
    first.app.dispose();
    const again = openApp({
      dataDir: first.dataDir,
      clock: new VirtualClock(MONDAY_0930_BERLIN + HOUR),
      timeZone: 'Europe/Berlin',
    });
    apps.push(again);
    const reply = await dispatchCall(again.handlers, 'getCheckin', undefined);
    expect(reply).toMatchObject({
      ok: true,
      value: { enabled: true, latest: { pain: 4, interference: 3 } },
    });
  });

  it('falls under the history’s retention like everything else', async () => {
    const first = open();
    await first.call('submitCheckin', answers(4));
    await first.call('updateSettings', { history: { keepDays: 7 } });
    first.clock.advance(6 * DAY);
    first.app.context.history.append({ at: first.clock.now(), type: 'break-taken', kind: 'micro' });
    first.app.dispose();
    // Opened again 8 days after the answer: the start-up compaction drops it.
    const again = openApp({
      dataDir: first.dataDir,
      clock: new VirtualClock(MONDAY_0930_BERLIN + 8 * DAY),
      timeZone: 'Europe/Berlin',
    });
    apps.push(again);
    await again.context.history.whenLoaded();
    const reply = await dispatchCall(again.handlers, 'getCheckin', undefined);
    expect(reply).toMatchObject({ ok: true, value: { latest: null } });
    expect(readFileSync(join(first.dataDir, 'history.jsonl'), 'utf8')).not.toContain(
      'weekly-checkin',
    );
  });

  it('points to a GP or physiotherapist with the organisation’s own link when pain has not improved', async () => {
    const policy = {
      version: 1,
      links: [{ label: 'Book the company physio', url: 'https://intranet.example.com/physio' }],
    } as Policy;
    const { clock, call } = open({ policy });
    await call('submitCheckin', answers(3));
    clock.advance(7 * DAY);
    await call('submitCheckin', answers(3));
    clock.advance(7 * DAY);
    const reply = (await call('submitCheckin', answers(3))) as { advice: unknown };
    expect(reply.advice).toEqual({
      kind: 'see-professional',
      reason: 'not-improving',
      source: [{ publisher: 'NHS Inform' }, { publisher: 'NHS' }],
      links: [{ label: 'Book the company physio', url: 'https://intranet.example.com/physio' }],
    });
  });

  it('refuses a score outside 0–10 naming the field and the range', async () => {
    const { app } = open();
    const reply = await dispatchCall(app.handlers, 'submitCheckin', answers(11));
    expect(reply).toMatchObject({ ok: false });
    expect(!reply.ok && reply.error).toMatch(
      /input\.pain: pain must be a whole number from 0 to 10/,
    );
  });

  it('leaves the answers out of the CSV export unless the person ticks them in', async () => {
    const { call } = open();
    await call('submitCheckin', answers(6, 4, true));
    const plain = (await call('exportStatsCsv', { days: 7 })) as string;
    expect(plain).not.toMatch(/checkin/);
    const ticked = (await call('exportStatsCsv', { days: 7, includeCheckins: true })) as string;
    expect(ticked.split('\r\n')[0]).toMatch(/,checkin_pain,checkin_interference,checkin_red_flag$/);
    expect(ticked).toContain('2026-11-23,');
    expect(ticked).toMatch(/,6,4,yes\r\n/);
  });

  it('shows the trend beside the breaks kept and the heat, week by week', async () => {
    const { app, clock, call } = open();
    await call('submitCheckin', answers(5, 2));
    app.context.history.append({
      at: clock.now(),
      type: 'therapy-end',
      kind: 'heat',
      minutes: 12,
      outcome: 'completed',
    });
    clock.advance(7 * DAY);
    await call('submitCheckin', answers(3, 1));
    const weeks = (await call('getCheckinTrend', { weeks: 2 })) as {
      weekStart: string;
      pain: number;
      heatMinutes: number;
    }[];
    expect(weeks.map((w) => [w.weekStart, w.pain, w.heatMinutes])).toEqual([
      ['2026-11-23', 5, 12],
      ['2026-11-30', 3, 0],
    ]);
  });
});

describe('no policy can reach the check-in', () => {
  it('a policy that sets or locks it is refused, saying why', () => {
    for (const layer of ['defaults', 'locked'] as const) {
      const parsed = parsePolicy({ version: 1, [layer]: { checkin: { enabled: true } } });
      expect(parsed).toEqual({
        ok: false,
        issues: [
          `policy.${layer}.checkin: unknown key "checkin": the weekly check-in is each person’s own choice: a policy cannot turn it on, lock it or read it`,
        ],
      });
    }
  });

  it('a policy cannot arm the check-in’s reminder through the routines either', () => {
    const parsed = parsePolicy({
      version: 1,
      defaults: { routines: [{ id: 'weekly-checkin', cron: '0 9 * * 1' }] },
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues[0]).toMatch(
      /^policy\.defaults\.routines\[0\]\.id: "weekly-checkin" is the weekly check-in's own reminder/,
    );
  });

  it('is not among the settings the registry, ADMX and profiles offer', () => {
    expect(settingLeaves().filter((leaf) => leaf.path.startsWith('checkin'))).toEqual([]);
    expect(settingLeaves().some((leaf) => leaf.path === 'theme')).toBe(true);
  });
});
