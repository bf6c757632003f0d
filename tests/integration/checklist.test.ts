import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/app';
import { openApp } from '../../src/app/open';
import type { Logger } from '../../src/app/ports';
import type { EventName } from '../../src/contract/contract';
import { dispatchCall } from '../../src/contract/dispatch';
import type { Policy } from '../../src/contract/settings';
import { CHECKLIST_ITEMS } from '../../src/core/content/checklist';
import { HOUR, MINUTE } from '../../src/core/time/duration';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/** The checklist and health features over a real data folder, on a virtual clock. */
const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const dirs: string[] = [];
const apps: { dispose(): void }[] = [];

function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-checklist-'));
  dirs.push(dir);
  return dir;
}

function open(dataDir: string, extra: Partial<Omit<AppDeps, 'clock'>> = {}, start?: number) {
  const clock = new VirtualClock(start ?? MONDAY_0930_BERLIN);
  const warnings: string[] = [];
  const logger: Logger = {
    info() {},
    warn: (m) => warnings.push(m),
    error: (m) => warnings.push(m),
  };
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin', logger, ...extra });
  apps.push(app);
  return { app, clock, warnings };
}

/**
 * A policy whose organisation content has not been checked: the features read it
 * defensively, whatever the host validated before handing it over.
 */
const untrusted = (policy: unknown) => policy as Policy;

const everyItem = (answer: 'yes' | 'no' | 'not-applicable') =>
  Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item.id, answer]));

afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the workstation checklist over real files', () => {
  it('lists the built-in items with their areas and sources, and no words of their own', async () => {
    const { app } = open(dataFolder());
    const reply = await dispatchCall(app.handlers, 'getChecklist', undefined);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const { items } = reply.value as { items: { id: string; source: unknown[]; text?: unknown }[] };
    expect(items.map((item) => item.id)).toEqual(CHECKLIST_ITEMS.map((item) => item.id));
    for (const item of items) {
      expect(item.source.length).toBeGreaterThan(0);
      expect(item.text).toBeUndefined();
    }
  });

  it('scores submitted answers, lists a fix for every "no" and keeps the result after a restart', async () => {
    const dataDir = dataFolder();
    const first = open(dataDir);
    const answers = {
      ...everyItem('yes'),
      'screen-height': 'no',
      laptop: 'not-applicable',
      phone: 'no',
    } as const;
    const reply = await dispatchCall(first.app.handlers, 'submitChecklist', { answers });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        ok: true,
        result: {
          at: MONDAY_0930_BERLIN,
          score: {
            yes: 13,
            no: 2,
            notApplicable: 1,
            percent: 87,
            fixes: ['screen-height', 'phone'],
          },
          progress: null,
        },
      },
    });

    // The record the statistics read: exactly this shape, one line of history.jsonl.
    const lines = readFileSync(join(dataDir, 'history.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        at: MONDAY_0930_BERLIN,
        type: 'checklist-result',
        answers,
        score: { yes: 13, no: 2, notApplicable: 1, percent: 87 },
      },
    ]);
    first.app.dispose();

    const second = open(dataDir, {}, MONDAY_0930_BERLIN + 7 * 24 * HOUR);
    await dispatchCall(second.app.handlers, 'submitChecklist', {
      answers: { ...answers, 'screen-height': 'yes', breaks: 'no' },
    });
    const history = await dispatchCall(second.app.handlers, 'getChecklistHistory', undefined);
    expect(history).toMatchObject({
      ok: true,
      value: [
        {
          at: MONDAY_0930_BERLIN + 7 * 24 * HOUR,
          score: { percent: 87, fixes: ['phone', 'breaks'] },
          progress: { fixed: ['screen-height'], newProblems: ['breaks'] },
        },
        { at: MONDAY_0930_BERLIN, score: { percent: 87 }, progress: null },
      ],
    });
  });

  it('refuses an answer that is not yes, no or not applicable, naming its path', async () => {
    const { app } = open(dataFolder());
    const reply = await dispatchCall(app.handlers, 'submitChecklist', {
      answers: { 'screen-height': 'maybe' },
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toContain('input.answers.screen-height');
    expect(await dispatchCall(app.handlers, 'getChecklistHistory', undefined)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('refuses an answer to an item that is not on the checklist, naming its path to the person only', async () => {
    const { app, warnings } = open(dataFolder());
    const reply = await dispatchCall(app.handlers, 'submitChecklist', {
      answers: { 'screen-height': 'yes', 'desk-plant': 'no' },
    });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        ok: false,
        code: 'checklist-invalid-answers',
        params: { paths: 'answers.desk-plant' },
      },
    });
    // The log says it happened, not what was answered (docs/security.md).
    expect(warnings.join('\n')).toContain('request refused (unknown-items)');
    expect(warnings.join('\n')).not.toMatch(/screen-height|desk-plant/);
  });

  it('refuses an empty set of answers', async () => {
    const { app } = open(dataFolder());
    expect(await dispatchCall(app.handlers, 'submitChecklist', { answers: {} })).toMatchObject({
      ok: true,
      value: { ok: false, code: 'checklist-no-answers' },
    });
  });

  it("adds an organisation's items after the built-ins, and leaves out an invalid one with its path", async () => {
    const { app, warnings } = open(dataFolder(), {
      policy: untrusted({
        version: 1,
        checklist: [
          {
            id: 'desk-booking',
            question: 'Did you adjust the hot desk before starting?',
            why: 'Shared desks are set for someone else.',
            fix: 'Use the lever under the desk.',
          },
          { id: 'Bad Id', question: 'x', why: 'y', fix: 'z' },
        ],
      }),
    });
    const reply = await dispatchCall(app.handlers, 'getChecklist', undefined);
    const items = (reply as { ok: true; value: { items: { id: string }[] } }).value.items;
    expect(items.at(-1)).toMatchObject({
      id: 'org.desk-booking',
      area: 'organisation',
      origin: 'organisation',
      text: { question: 'Did you adjust the hot desk before starting?' },
    });
    expect(items).toHaveLength(CHECKLIST_ITEMS.length + 1);
    expect(warnings.join('\n')).toContain('checklist[1].id');

    const submitted = await dispatchCall(app.handlers, 'submitChecklist', {
      answers: { 'org.desk-booking': 'no' },
    });
    expect(submitted).toMatchObject({
      ok: true,
      value: { ok: true, result: { score: { fixes: ['org.desk-booking'] } } },
    });
  });
});

describe('the re-check reminder', () => {
  it('pushes checklist-due when the checklist-recheck routine fires on Monday at 10:00', async () => {
    const { app, clock } = open(dataFolder());
    const pushed: { event: EventName; payload: unknown; at: number }[] = [];
    app.onEvent((event, payload) => {
      if (event === 'checklist-due') pushed.push({ event, payload, at: clock.now() });
    });
    clock.advance(29 * MINUTE);
    expect(pushed).toEqual([]);
    clock.advance(2 * MINUTE);
    const ten = Date.parse('2026-11-23T10:00:00+01:00');
    expect(pushed).toEqual([
      { event: 'checklist-due', payload: { due: true, since: ten }, at: ten },
    ]);
    expect(await dispatchCall(app.handlers, 'getChecklistDue', undefined)).toEqual({
      ok: true,
      value: { due: true, since: ten },
    });

    // Doing the check clears it.
    await dispatchCall(app.handlers, 'submitChecklist', { answers: everyItem('yes') });
    expect(pushed.at(-1)?.payload).toEqual({ due: false, since: null });
    expect(await dispatchCall(app.handlers, 'getChecklistDue', undefined)).toEqual({
      ok: true,
      value: { due: false, since: null },
    });
  });

  it('does not fire on the other days of the week', () => {
    const { app, clock } = open(dataFolder(), {}, Date.parse('2026-11-24T09:30:00+01:00'));
    const pushed: unknown[] = [];
    app.onEvent((event, payload) => {
      if (event === 'checklist-due') pushed.push(payload);
    });
    clock.advance(6 * 24 * HOUR); // Monday 09:30
    expect(pushed).toEqual([]);
    clock.advance(HOUR);
    expect(pushed).toEqual([{ due: true, since: Date.parse('2026-11-30T10:00:00+01:00') }]);
  });

  it('"Later" hides the reminder until the routine fires again', async () => {
    const { app, clock } = open(dataFolder());
    clock.advance(HOUR);
    expect(await dispatchCall(app.handlers, 'dismissChecklistDue', undefined)).toEqual({
      ok: true,
      value: { due: false, since: null },
    });
  });
});

describe('organisation links and opening them', () => {
  const policy = untrusted({
    version: 1,
    links: [
      { label: 'Book a physio', url: 'https://intranet.example.com/physio' },
      { label: 'Plain http', url: 'http://intranet.example.com/ohs' },
    ],
  });

  it('offers the valid links of the policy and logs the invalid ones with their path', async () => {
    const { app, warnings } = open(dataFolder(), { policy });
    expect(await dispatchCall(app.handlers, 'getOrganisationLinks', undefined)).toEqual({
      ok: true,
      value: [{ label: 'Book a physio', url: 'https://intranet.example.com/physio' }],
    });
    expect(warnings.join('\n')).toContain('links[1].url');
  });

  it('offers no links without a policy', async () => {
    const { app } = open(dataFolder());
    expect(await dispatchCall(app.handlers, 'getOrganisationLinks', undefined)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('opens an organisation link or a health source through the host, and nothing else', async () => {
    const opened: string[] = [];
    const { app } = open(dataFolder(), { policy, openExternal: (url) => opened.push(url) });
    const openLink = (url: string) => dispatchCall(app.handlers, 'openExternalLink', { url });

    expect(await openLink('https://intranet.example.com/physio')).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(await openLink('https://www.nhs.uk/conditions/back-pain/')).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(await openLink('https://evil.example.com/')).toMatchObject({
      ok: true,
      value: { ok: false },
    });
    expect(await openLink('https://intranet.example.com/other')).toMatchObject({
      ok: true,
      value: { ok: false },
    });
    const insecure = await openLink('http://www.nhs.uk/');
    expect(insecure.ok).toBe(false);
    if (!insecure.ok) expect(insecure.error).toContain('input.url');
    expect(opened).toEqual([
      'https://intranet.example.com/physio',
      'https://www.nhs.uk/conditions/back-pain/',
    ]);
  });

  it('says so when the host cannot open links (the web host)', async () => {
    const { app } = open(dataFolder(), { policy });
    expect(
      await dispatchCall(app.handlers, 'openExternalLink', {
        url: 'https://intranet.example.com/physio',
      }),
    ).toMatchObject({
      ok: true,
      value: {
        ok: false,
        code: 'links-unavailable',
        params: { url: 'https://intranet.example.com/physio' },
      },
    });
  });
});
