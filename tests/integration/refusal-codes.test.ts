import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open';
import { dispatchCall } from '../../src/contract/dispatch';
import { REFUSAL_CODES } from '../../src/contract/refusals';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/**
 * Every call that can refuse, made to refuse through the real app and the contract:
 * the reply carries a code the locales word (`refusals.<code>`) and params, never an
 * English `reason` or `message` (issue 21: no English string crosses the contract).
 */
const MONDAY_1000_BERLIN = Date.parse('2026-11-23T10:00:00+01:00');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function refusingApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-refusals-'));
  dirs.push(dataDir);
  const app = openApp({
    dataDir,
    clock: new VirtualClock(MONDAY_1000_BERLIN),
    timeZone: 'Europe/Berlin',
    policy: { version: 1, locked: { strictMode: true, exercises: { hidden: [] } } },
  });
  return {
    app,
    value: async (name: string, input?: unknown) => {
      const reply = await dispatchCall(app.handlers, name, input);
      expect(reply, `${name} answers through the contract`).toMatchObject({ ok: true });
      return (reply as { value: Record<string, unknown> }).value;
    },
  };
}

/** A refusal as the contract carries it: a known code, no words. */
function expectCoded(name: string, value: unknown) {
  expect(value, name).toMatchObject({ ok: false });
  const refusal = value as Record<string, unknown>;
  expect(REFUSAL_CODES, `${name}: ${JSON.stringify(refusal)}`).toContain(refusal.code);
  expect(refusal, name).not.toHaveProperty('reason');
  expect(refusal, name).not.toHaveProperty('message');
}

describe('refusals cross the contract as codes', () => {
  it('every refusing call answers with a code and params, never English words', async () => {
    const { app, value } = refusingApp();
    const refusals: [string, unknown?][] = [
      ['updateSettings', { strictMode: false }],
      ['acknowledgeTherapyEnd'],
      ['stopTherapy'],
      ['dismissSafetySteps', { ids: ['ice-wrapped'] }],
      ['showAllSafetySteps'],
      ['setExercisePreference', { id: 'no-such', hidden: true }],
      ['setExercisePreference', { id: 'chin-tuck', hidden: true }],
      ['removeCustomExercise', { id: 'not-mine' }],
      ['submitChecklist', { answers: {} }],
      ['submitChecklist', { answers: { 'no-such-item': 'yes' } }],
      ['openExternalLink', { url: 'https://example.com/not-offered' }],
      ['resume'],
      ['skipBreak'],
    ];
    const codes: string[] = [];
    for (const [name, input] of refusals) {
      const reply = await value(name, input);
      // `showAllSafetySteps` succeeds when the disk does: only its shape matters here.
      if (name === 'showAllSafetySteps' && reply.ok) continue;
      expectCoded(name, reply);
      codes.push(reply.code as string);
    }
    expect(codes).toEqual([
      'settings-managed',
      'therapy-nothing-to-acknowledge',
      'no-therapy-running',
      'therapy-step-always-shown',
      'exercise-unknown',
      'settings-managed',
      'exercise-not-own',
      'checklist-no-answers',
      'checklist-invalid-answers',
      'link-not-offered',
      'not-paused',
      'strict-skip',
    ]);
    app.dispose();
  });

  it('settings issues, of a change and of a file, are codes with their numbers', async () => {
    const { app, value } = refusingApp();
    const locked = await value('validateSettings', { strictMode: false });
    const checked = await value('validateSettings', {
      microBreak: { every: '5h' },
      notifications: { volume: 120 },
    });
    const imported = await value('importSettings', {
      text: JSON.stringify({ settings: { microBreak: { every: '1s' }, colour: 'red' } }),
    });
    const notJson = await value('importSettings', { text: '{ nope' });
    for (const reply of [locked, checked, imported, notJson]) {
      expect(reply.ok).toBe(false);
      for (const issue of reply.issues as Record<string, unknown>[]) {
        expectCoded(`issue ${JSON.stringify(issue)}`, { ok: false, ...issue });
      }
    }
    expect(locked.issues).toEqual([{ path: 'strictMode', code: 'setting-locked' }]);
    expect(checked.issues).toEqual(
      expect.arrayContaining([
        { path: 'microBreak.every', code: 'setting-range', params: { min: '1m', max: '4h' } },
        { path: 'notifications.volume', code: 'setting-too-big', params: { max: 100 } },
      ]),
    );
    expect(notJson.issues).toEqual([{ path: '(file)', code: 'file-not-json' }]);
    app.dispose();
  });
});
