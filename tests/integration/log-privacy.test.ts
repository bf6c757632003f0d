import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open';
import type { Logger } from '../../src/app/ports';
import { THERAPY_SESSION_FILE } from '../../src/app/therapy-session-store';
import { dispatchCall } from '../../src/contract/dispatch';
import { MINUTE } from '../../src/core/time/duration';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/**
 * Logs say what the app did, never what the person did (README "Privacy"): a busy day
 * of breaks, heat and ice, checklist answers and exercise choices, with everything
 * refused that can be refused, and not one log line tells which exercise, which answer,
 * which session or how a break went.
 */
const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function busyApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-logs-'));
  dirs.push(dataDir);
  // A session saved by an earlier run, over the cap: the restart cuts it back and logs that.
  writeFileSync(
    join(dataDir, THERAPY_SESSION_FILE),
    JSON.stringify({
      version: 1,
      kind: 'heat',
      minutes: 45,
      startedAt: MONDAY_0930_BERLIN - 5 * 60_000,
      endsAt: MONDAY_0930_BERLIN + 40 * 60_000,
    }),
  );
  const lines: string[] = [];
  const logger: Logger = {
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
  const clock = new VirtualClock(MONDAY_0930_BERLIN);
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin', logger });
  const call = (name: string, input?: unknown) => dispatchCall(app.handlers, name, input);
  return { app, clock, lines, call };
}

describe('the logs', () => {
  it('carry no health data through a busy day, refusals included', async () => {
    const { app, clock, lines, call } = busyApp();
    const catalogue = (await call('listExercises')) as {
      ok: true;
      value: { exercises: { id: string; title: string }[] };
    };
    const exercises = catalogue.value.exercises;
    const checklist = (await call('getChecklist')) as {
      ok: true;
      value: { items: { id: string }[] };
    };
    const itemIds = checklist.value.items.map((item) => item.id);

    // The saved session runs on for its capped length; the person acknowledges its end.
    clock.advance(20 * MINUTE);
    await call('acknowledgeTherapyEnd');

    // Breaks: taken, skipped, postponed, and refused when nothing is on screen.
    await call('updateSettings', { strictMode: true });
    await call('takeBreakNow');
    await call('skipBreak');
    await call('updateSettings', { strictMode: false });
    await call('pause', { minutes: 60 });
    await call('pause', { minutes: 60 });
    await call('resume');
    await call('takeBreakNow');
    clock.advance(MINUTE);
    await call('skipBreak');
    await call('skipBreak');
    await call('postponeBreak');
    await call('takeBreakNow');
    clock.advance(30 * MINUTE);

    // Heat and ice: one session, then one too soon, one too long, one stop of nothing.
    await call('startTherapy', { kind: 'ice', minutes: 15 });
    clock.advance(15 * MINUTE);
    await call('acknowledgeTherapyEnd');
    await call('startTherapy', { kind: 'ice', minutes: 10 });
    await call('startTherapy', { kind: 'heat', minutes: 20 });
    await call('startTherapy', { kind: 'heat', minutes: 19 });
    await call('stopTherapy');
    await call('dismissSafetySteps', { ids: ['wrap-in-towel', 'sore-shoulder-step'] });

    // The checklist: answered, then answered with items that do not exist.
    await call('submitChecklist', {
      answers: Object.fromEntries(itemIds.map((id, i) => [id, i % 2 ? 'yes' : 'no'])),
    });
    await call('submitChecklist', { answers: { 'my-aching-neck': 'no' } });

    // Exercises: favourites, hidden, unknown ids, an own exercise that does not validate.
    await call('setExercisePreference', { id: exercises[0]!.id, favourite: true });
    await call('setExercisePreference', { id: exercises[1]!.id, hidden: true });
    await call('setExercisePreference', { id: 'sciatica-relief', hidden: true });
    await call('saveCustomExercise', {
      exercise: { title: 'Stretch for my sore shoulder', steps: [] },
    });
    await call('getStats', { days: 7 });
    clock.advance(8 * 60 * MINUTE);
    app.dispose();

    const log = lines.join('\n');
    const forbidden: [string, RegExp][] = [
      ['a heat or ice session', /\b(heat|ice|pack|towel|skin)\b/i],
      ['how a break went', /\b(skipped|postponed|completed|took|taken)\b/i],
      ['the person’s own words', /sore|aching|sciatica|shoulder/i],
      ['when something happens', /\b\d{1,2}:\d{2}\b|\b1\d{12}\b/],
      ['what was refused', /\b(skip|postpone|pause|strict mode|therapy|session|checklist)\b/i],
      ['how long', /\b\d+[ -]?min(ute)?s?\b/i],
      ...exercises.map(({ id, title }): [string, RegExp] => [
        `exercise ${id}`,
        new RegExp(`${id}|${title}`, 'i'),
      ]),
      ...itemIds.map((id): [string, RegExp] => [`checklist item ${id}`, new RegExp(id)]),
    ];
    for (const [what, pattern] of forbidden) {
      expect(log, `the log tells ${what}`).not.toMatch(pattern);
    }
  });

  it('carry nothing of the weekly check-in: not that it is on, not the answers, not the advice', async () => {
    const { app, clock, lines, call } = busyApp();
    await call('setCheckinEnabled', { enabled: true });
    // To Friday 14:00, when the check-in's reminder fires, and past it.
    clock.advance(4 * 24 * 60 * MINUTE + 5 * 60 * MINUTE);
    const answers = { pain: 7, interference: 9, redFlags: { emergency: false, urgent: true } };
    await call('submitCheckin', answers);
    await call('submitCheckin', { ...answers, pain: 11 });
    await call('submitCheckin', { pain: 'severe', interference: 3 });
    clock.advance(7 * 24 * 60 * MINUTE);
    await call('dismissCheckinDue');
    await call('submitCheckin', { ...answers, redFlags: { emergency: true, urgent: false } });
    await call('getCheckin');
    await call('getCheckinTrend', { weeks: 4 });
    await call('getCheckinSummary', {});
    await call('exportStatsCsv', { days: 30, includeCheckins: true });
    await call('setCheckinEnabled', { enabled: false });
    app.dispose();

    const log = lines.join('\n');
    const forbidden: [string, RegExp][] = [
      ['that there is a check-in', /check-?in/i],
      ['a pain or interference score', /\b(pain|interference|severe)\b/i],
      ['a red-flag answer or the advice', /red.?flag|emergency|urgent|physio|\bGP\b/i],
      ['an answer’s value', /\b(7|9|11)\b/],
    ];
    for (const [what, pattern] of forbidden) {
      expect(log, `the log tells ${what}`).not.toMatch(pattern);
    }
  }, 60_000);
});
