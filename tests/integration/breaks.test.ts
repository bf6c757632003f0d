import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnhunchApp } from '../../src/app/app';
import { openApp } from '../../src/app/open';
import { createAppTranslator } from '../../src/app/translator';
import type { BreakPayload, BreakWarning, CallName } from '../../src/contract/contract';
import { dispatchCall } from '../../src/contract/dispatch';
import { refusalText } from '../../src/contract/i18n';
import { EXERCISES } from '../../src/core/content/exercises';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/** The real app over a real data folder on a virtual clock: what a break shows, and what it allows. */
const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const MINUTE = 60_000;
const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const MICRO_IDS = EXERCISES.filter((e) => e.breakKinds.includes('micro')).map((e) => e.id);

const dirs: string[] = [];
const apps: UnhunchApp[] = [];

function dataFolder(settings?: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-breaks-'));
  dirs.push(dir);
  if (settings) writeFileSync(join(dir, 'settings.json'), JSON.stringify({ settings }));
  return dir;
}

function start(dataDir: string, clock = new VirtualClock(MONDAY_0930_BERLIN)) {
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin' });
  apps.push(app);
  const breaks: BreakPayload[] = [];
  const warnings: BreakWarning[] = [];
  app.onEvent((event, payload) => {
    if (event === 'break') breaks.push(payload as BreakPayload);
    if (event === 'break-warning') warnings.push(payload as BreakWarning);
  });
  const call = async (name: CallName, input?: unknown) => {
    const reply = await dispatchCall(app.handlers, name, input);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as never;
  };
  return { app, clock, breaks, warnings, call };
}

/** Takes `count` breaks one after another, each run to its end; returns the ids shown. */
async function takeBreaks(session: ReturnType<typeof start>, count: number): Promise<string[][]> {
  const shown: string[][] = [];
  for (let i = 0; i < count; i++) {
    expect(await session.call('takeBreakNow')).toEqual({ ok: true });
    const started = session.breaks.at(-1)!;
    expect(started.phase).toBe('start');
    shown.push(started.exercises.map((exercise) => exercise.id));
    session.clock.advance(started.endsAt - started.startedAt + 1000);
    expect(session.breaks.at(-1)).toMatchObject({ phase: 'end', outcome: 'completed' });
  }
  return shown;
}

afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('what a break shows', () => {
  it('shows an exercise at the first micro break at 09:50, and a different one at the next', async () => {
    const session = start(dataFolder());
    const { clock, breaks, warnings, call } = session;

    clock.advance(19 * MINUTE + 30_000);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ kind: 'micro', inSeconds: 30 });

    clock.advance(30_000);
    expect(new Date(clock.now()).toISOString()).toBe('2026-11-23T08:50:00.000Z');
    expect(breaks).toHaveLength(1);
    const first = breaks[0]!;
    expect(first).toMatchObject({ phase: 'start', kind: 'micro', strictMode: false });
    expect(first.endsAt - first.startedAt).toBe(30_000);
    expect(first.exercises).toHaveLength(1);
    const exercise = first.exercises[0]!;
    expect(exercise.origin).toBe('built-in');
    expect(exercise.illustration).toBe(`${exercise.id}.svg`);
    expect(exercise.title).not.toBe(`${exercise.id}.title`);
    expect(exercise.steps.length).toBeGreaterThan(0);
    expect(exercise.seconds).toBeLessThanOrEqual(30);
    // The notification named the exercise the break then shows.
    expect(warnings[0]!.exercises).toEqual([{ id: exercise.id, title: exercise.title }]);
    expect(await call('getCurrentBreak')).toMatchObject({ phase: 'start', exercises: [exercise] });

    clock.advance(30_000);
    expect(breaks[1]).toMatchObject({ phase: 'end', outcome: 'completed' });
    expect(await call('getCurrentBreak')).toBeNull();

    clock.advance(20 * MINUTE);
    const second = breaks[2]!;
    expect(second.phase).toBe('start');
    expect(second.exercises[0]!.id).not.toBe(exercise.id);
  });

  it('shows no floor exercise in any break through a simulated week at the desk', async () => {
    const session = start(dataFolder());
    session.clock.advance(7 * 24 * 60 * MINUTE);
    const started = session.breaks.filter((shown) => shown.phase === 'start');
    // Five working days of micro breaks every 20 minutes and long ones every hour.
    expect(started.filter((shown) => shown.kind === 'long').length).toBeGreaterThanOrEqual(35);
    expect(started.filter((shown) => shown.kind === 'micro').length).toBeGreaterThanOrEqual(70);
    const floor = new Set(EXERCISES.filter((e) => e.place === 'floor').map((e) => e.id));
    const shown = started.flatMap((shown) => shown.exercises);
    expect(shown.filter((exercise) => floor.has(exercise.id))).toEqual([]);
    for (const exercise of shown) expect(['seated', 'standing']).toContain(exercise.place);
    // Every exercise done at the desk still takes its turn.
    const desk = EXERCISES.filter((e) => e.place !== 'floor').map((e) => e.id);
    expect(new Set(shown.map((exercise) => exercise.id))).toEqual(new Set(desk));
  });

  it('gives a long break a routine of several exercises that fits it', async () => {
    const session = start(dataFolder());
    session.clock.advance(60 * MINUTE);
    const long = session.breaks.find((shown) => shown.kind === 'long')!;
    expect(long.exercises.length).toBeGreaterThanOrEqual(3);
    const seconds = long.exercises.reduce((sum, exercise) => sum + exercise.seconds, 0);
    expect(seconds).toBeLessThanOrEqual((long.endsAt - long.startedAt) / 1000);
    expect(new Set(long.exercises.map((exercise) => exercise.id)).size).toBe(long.exercises.length);
  });

  it('repeats no exercise until every eligible one has been shown, across a restart', async () => {
    const dataDir = dataFolder({ workHours: null, longBreak: { enabled: false } });
    const half = Math.floor(MICRO_IDS.length / 2);
    const before = await takeBreaks(start(dataDir), half);
    apps.pop()!.dispose();

    const rest = await takeBreaks(start(dataDir), MICRO_IDS.length - half);
    const cycle = [...before, ...rest].flat();
    expect(cycle).toHaveLength(MICRO_IDS.length);
    expect(new Set(cycle)).toEqual(new Set(MICRO_IDS));
    expect(existsSync(join(dataDir, 'rotation.json'))).toBe(true);

    // A new cycle does not start with the exercise the last one ended with.
    const next = (await takeBreaks(start(dataDir), 1)).flat();
    expect(next).toHaveLength(1);
    expect(next[0]).not.toBe(cycle.at(-1));
  });

  it('never shows a hidden exercise, and remembers what is hidden', async () => {
    const dataDir = dataFolder({ workHours: null, longBreak: { enabled: false } });
    const session = start(dataDir);
    const shownIds = MICRO_IDS.slice(0, 3);
    for (const id of MICRO_IDS.slice(3)) {
      expect(await session.call('setExercisePreference', { id, hidden: true })).toEqual({
        ok: true,
      });
    }
    const shown = (await takeBreaks(session, 9)).flat();
    expect(new Set(shown)).toEqual(new Set(shownIds));

    const again = start(dataDir);
    const catalogue = (await again.call('listExercises')) as {
      exercises: { id: string; hidden: boolean }[];
    };
    const hidden = catalogue.exercises.filter((entry) => entry.hidden).map((entry) => entry.id);
    expect(hidden.sort()).toEqual(MICRO_IDS.slice(3).sort());
  });

  it('favourites an exercise in the settings file', async () => {
    const dataDir = dataFolder();
    const session = start(dataDir);
    await session.call('setExercisePreference', { id: 'chin-tuck', favourite: true });
    const file = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
    expect(file.settings.exercises).toEqual({ favourites: ['chin-tuck'], hidden: [] });
    expect(await session.call('setExercisePreference', { id: 'no-such', hidden: true })).toEqual({
      ok: false,
      code: 'exercise-unknown',
      params: { id: 'no-such' },
    });
  });
});

describe('what a person may do about a break', () => {
  it('allows two postpones of a break, then refuses with the reason', async () => {
    const session = start(dataFolder());
    const { clock, breaks, call } = session;
    clock.advance(20 * MINUTE);
    expect(breaks.at(-1)).toMatchObject({ phase: 'start', postponesLeft: 2 });

    expect(await call('postponeBreak')).toEqual({ ok: true });
    expect(breaks.at(-1)).toMatchObject({ phase: 'end', outcome: 'postponed' });
    expect(session.app.status().state).toBe('postponed');
    const postponed = breaks.at(-2)!.exercises;

    clock.advance(5 * MINUTE);
    // The postponed break comes back with the same exercise, one postpone fewer.
    expect(breaks.at(-1)).toMatchObject({ phase: 'start', postponesLeft: 1, exercises: postponed });
    expect(await call('postponeBreak')).toEqual({ ok: true });

    clock.advance(5 * MINUTE);
    expect(breaks.at(-1)).toMatchObject({ phase: 'start', postponesLeft: 0 });
    const refused = await call('postponeBreak');
    expect(refused).toEqual({ ok: false, code: 'postpone-limit', params: { count: 2 } });
    // The words come from the locale files, in the language of the screen.
    expect(refusalText(session.app.t, refused)).toBe(
      'this break was already postponed 2 times, the most allowed',
    );
    const german = createAppTranslator('de').t;
    expect(refusalText(german, refused)).toBe(
      'diese Pause wurde schon 2-mal verschoben, öfter geht nicht',
    );
    expect(session.app.status().state).toBe('in-break');
  });

  it('refuses postpone and skip in strict mode, saying so', async () => {
    const session = start(dataFolder({ workHours: null, strictMode: true }));
    await session.call('takeBreakNow');
    expect(session.breaks.at(-1)).toMatchObject({ phase: 'start', strictMode: true });
    expect(await session.call('postponeBreak')).toEqual({ ok: false, code: 'strict-postpone' });
    expect(await session.call('skipBreak')).toEqual({ ok: false, code: 'strict-skip' });
    expect(session.app.status().state).toBe('in-break');
  });

  it('skips a break, then refuses a skip past the daily limit', async () => {
    const session = start(dataFolder({ workHours: null, skip: { maxPerDay: 1 } }));
    await session.call('takeBreakNow');
    expect(session.breaks.at(-1)).toMatchObject({ skipsLeft: 1 });
    expect(await session.call('skipBreak')).toEqual({ ok: true });
    expect(session.breaks.at(-1)).toMatchObject({ phase: 'end', outcome: 'skipped' });
    await session.call('takeBreakNow');
    expect(session.breaks.at(-1)).toMatchObject({ phase: 'start', skipsLeft: 0 });
    const refused = await session.call('skipBreak');
    expect(refused).toEqual({ ok: false, code: 'no-skips-left', params: { max: 1 } });
    expect(refusalText(createAppTranslator('es').t, refused)).toBe(
      'hoy no te quedan pausas que saltar (1 al día)',
    );
  });

  it('refuses to take a break outside work hours, saying why', async () => {
    const session = start(dataFolder(), new VirtualClock(Date.parse('2026-11-22T12:00:00+01:00')));
    expect(await session.call('takeBreakNow')).toEqual({ ok: false, code: 'outside-work-hours' });
    expect(session.breaks).toEqual([]);
  });
});

describe("a person's own exercises", () => {
  const ownExercise = {
    title: 'Desk push-away',
    steps: ['Hands on the desk edge.', 'Push your chair back slowly, then pull in.'],
    dose: { kind: 'reps', reps: 5 },
    target: 'upper-back',
    breakKinds: ['micro', 'long'],
  };

  it('stores one with its picture in the data folder, and shows it in a break', async () => {
    const dataDir = dataFolder({ workHours: null, longBreak: { enabled: false } });
    const session = start(dataDir);
    const saved = await session.call('saveCustomExercise', {
      exercise: ownExercise,
      picture: { dataUrl: PNG_1PX },
    });
    expect(saved).toEqual({ ok: true, id: 'own-desk-push-away' });

    const folder = join(dataDir, 'exercises');
    const pictures = readdirSync(folder).filter((name) => name.endsWith('.png'));
    expect(pictures).toHaveLength(1);
    expect(pictures[0]).toMatch(/^[0-9a-f-]{36}\.png$/);
    const stored = JSON.parse(readFileSync(join(folder, 'custom.json'), 'utf8'));
    expect(stored.exercises[0]).toMatchObject({ id: 'own-desk-push-away', picture: pictures[0] });
    expect(await session.call('getExercisePicture', { id: 'own-desk-push-away' })).toEqual({
      dataUrl: PNG_1PX,
    });

    // Hide every built-in micro exercise: the rotation can only show the new one.
    for (const id of MICRO_IDS) await session.call('setExercisePreference', { id, hidden: true });
    await session.call('takeBreakNow');
    const [shown] = session.breaks.at(-1)!.exercises;
    expect(shown).toMatchObject({
      id: 'own-desk-push-away',
      origin: 'person',
      title: 'Desk push-away',
      picture: PNG_1PX,
      doseText: '5 slow repetitions',
    });

    // Still there after a restart, and it takes its turn with the others.
    const again = start(dataDir);
    await again.call('setExercisePreference', { id: MICRO_IDS[0]!, hidden: false });
    const ids = (await takeBreaks(again, 4)).flat();
    expect(ids.filter((id) => id === 'own-desk-push-away').length).toBeGreaterThanOrEqual(1);
    expect(new Set(ids)).toEqual(new Set(['own-desk-push-away', MICRO_IDS[0]]));
  });

  it('names the field that is wrong', async () => {
    const session = start(dataFolder());
    expect(
      await session.call('saveCustomExercise', { exercise: { ...ownExercise, title: '  ' } }),
    ).toEqual({
      ok: false,
      errors: [{ field: 'title', code: 'text-too-short', params: { min: 1, count: 1 } }],
    });
    const tooLong = await session.call('saveCustomExercise', {
      exercise: { ...ownExercise, dose: { kind: 'hold', seconds: 20, reps: 3 } },
    });
    expect(tooLong).toMatchObject({
      ok: false,
      errors: [{ field: 'breakKinds', code: 'exercise-dose-over-micro', params: { micro: 30 } }],
    });
  });

  it('accepts only a PNG, JPEG or WebP picture of at most 1 MB that is what it claims', async () => {
    const session = start(dataFolder());
    const save = (dataUrl: string) =>
      session.call('saveCustomExercise', { exercise: ownExercise, picture: { dataUrl } });
    expect(await save('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toEqual({
      ok: false,
      errors: [{ field: 'picture', code: 'picture-wrong-type' }],
    });
    expect(await save(PNG_1PX.replace('image/png', 'image/jpeg'))).toMatchObject({
      ok: false,
      errors: [{ field: 'picture', code: 'picture-not-what-it-claims', params: { type: 'JPG' } }],
    });
    const big = Buffer.alloc(1024 * 1024 + 1);
    Buffer.from(PNG_1PX.split(',')[1]!, 'base64').copy(big);
    const bigUrl = `data:image/png;base64,${big.toString('base64')}`;
    // Over the limit: refused by the contract's size check or the app's, never stored.
    const reply = await dispatchCall(session.app.handlers, 'saveCustomExercise', {
      exercise: ownExercise,
      picture: { dataUrl: bigUrl },
    });
    expect(JSON.stringify(reply)).toMatch(/picture-too-big|too_big|Too big/);
    expect((await session.call('listExercises')) as { exercises: { origin: string }[] }).toEqual(
      expect.objectContaining({
        exercises: expect.not.arrayContaining([expect.objectContaining({ origin: 'person' })]),
      }),
    );
  });

  it('edits one, replacing its picture, and removes it with its picture', async () => {
    const dataDir = dataFolder();
    const session = start(dataDir);
    await session.call('saveCustomExercise', {
      exercise: ownExercise,
      picture: { dataUrl: PNG_1PX },
    });
    const folder = join(dataDir, 'exercises');
    const firstPicture = readdirSync(folder).find((name) => name.endsWith('.png'))!;

    expect(
      await session.call('saveCustomExercise', {
        id: 'own-desk-push-away',
        exercise: { ...ownExercise, title: 'Desk push-away, slower' },
      }),
    ).toEqual({ ok: true, id: 'own-desk-push-away' });
    // Edited without a new picture: the picture stays.
    expect(existsSync(join(folder, firstPicture))).toBe(true);

    await session.call('saveCustomExercise', {
      id: 'own-desk-push-away',
      exercise: ownExercise,
      picture: { dataUrl: PNG_1PX },
    });
    expect(existsSync(join(folder, firstPicture))).toBe(false);

    expect(await session.call('removeCustomExercise', { id: 'own-desk-push-away' })).toEqual({
      ok: true,
    });
    expect(readdirSync(folder).filter((name) => name.endsWith('.png'))).toEqual([]);
    expect(await session.call('removeCustomExercise', { id: 'own-desk-push-away' })).toMatchObject({
      ok: false,
    });
  });
});
