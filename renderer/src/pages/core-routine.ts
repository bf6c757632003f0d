import type { ResolvedExercise } from '../../../src/contract/content';
import { resolveExercise } from '../../../src/contract/exercise-words';
import { DEFAULT_SECONDS_PER_REP, type Dose, EXERCISES } from '../../../src/contract/guides';
import { el } from '../dom';
import { drawing, loadEveryDrawing } from '../exercise-view';
import type { MountedPage, PageContext } from './index';

/** The core-strength routine: every exercise done on the floor, in the catalogue's order. */
const ROUTINE = EXERCISES.filter((exercise) => exercise.place === 'floor');

/** One of our drawings, decorative here: the steps beside it say the same. */
async function inlinePicture(file: string): Promise<SVGSVGElement | null> {
  const picture = await drawing(file);
  picture?.setAttribute('aria-hidden', 'true');
  picture?.setAttribute('focusable', 'false');
  return picture;
}

/** How a dose is timed: as holds or repetitions, one after another. */
interface Segments {
  kind: 'hold' | 'rep' | 'timed';
  count: number;
  ms: number;
  /** Long holds wait for the person to rest and start the next (the plank's "lower, rest, repeat"). */
  restBetween: boolean;
}

/** Holds this long or longer are separated by a rest the person ends themselves. */
const REST_AFTER_HOLD_SECONDS = 10;

function segmentsOf(dose: Dose): Segments {
  const sides = 'perSide' in dose && dose.perSide ? 2 : 1;
  switch (dose.kind) {
    case 'hold':
      return {
        kind: 'hold',
        count: dose.reps * sides,
        ms: dose.seconds * 1000,
        restBetween: dose.seconds >= REST_AFTER_HOLD_SECONDS && dose.reps * sides > 1,
      };
    case 'reps':
      return {
        kind: 'rep',
        count: dose.reps * sides,
        ms: (dose.secondsPerRep ?? DEFAULT_SECONDS_PER_REP) * 1000,
        restBetween: false,
      };
    case 'timed':
      return { kind: 'timed', count: 1, ms: dose.seconds * 1000, restBetween: false };
  }
}

type TimerState =
  | { status: 'ready'; from: number }
  | { status: 'running'; from: number; before: number; since: number }
  | { status: 'paused'; from: number; before: number }
  | { status: 'resting'; from: number }
  | { status: 'done' };

function clock(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Plank, bird dog, glute bridge and dead bug, each with its own countdown. */
export function mount(root: HTMLElement, { t }: PageContext): MountedPage {
  const th = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'health', ...values });
  const stoppers: (() => void)[] = [];
  let alive = true;

  const exerciseCard = (exercise: ResolvedExercise) => {
    const segments = segmentsOf(exercise.dose);
    const picture = el('div', { class: 'exercise-picture' });
    const display = el('p', { class: 'timer-display', 'data-testid': `timer-${exercise.id}` });
    const label = el('p', { class: 'detail', 'data-testid': `timer-label-${exercise.id}` });
    const live = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    const primary = el('button', { type: 'button', 'data-testid': `timer-start-${exercise.id}` });
    const reset = el('button', { type: 'button', class: 'secondary' }, th('coreRoutine.reset'));
    let state: TimerState = { status: 'ready', from: 0 };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastLabel = '';

    const segmentLabel = (index: number) =>
      segments.kind === 'timed'
        ? th('coreRoutine.timed')
        : th(segments.kind === 'hold' ? 'coreRoutine.hold' : 'coreRoutine.rep', {
            index: index + 1,
            count: segments.count,
          });

    const announce = (text: string) => {
      if (text !== lastLabel) live.textContent = text;
      lastLabel = text;
    };

    const render = () => {
      clearTimeout(timer);
      if (state.status === 'running' || state.status === 'paused') {
        const ran =
          state.status === 'running'
            ? state.before + (performance.now() - state.since)
            : state.before;
        const position = state.from * segments.ms + ran;
        const index = Math.floor(position / segments.ms);
        if (index >= segments.count) state = { status: 'done' };
        else if (segments.restBetween && index > state.from)
          state = { status: 'resting', from: index };
        else {
          const left = segments.ms - (position % segments.ms);
          display.textContent = clock(left);
          label.textContent = segmentLabel(index);
          announce(label.textContent);
          primary.textContent = th(
            state.status === 'running' ? 'coreRoutine.pause' : 'coreRoutine.resume',
          );
          if (state.status === 'running') timer = setTimeout(render, (left % 1000 || 1000) + 5);
          return;
        }
      }
      if (state.status === 'resting') {
        display.textContent = clock(segments.ms);
        const next = { index: state.from + 1, count: segments.count };
        label.textContent = th('coreRoutine.restThenStart', next);
        primary.textContent = th('coreRoutine.nextHold', next);
        announce(label.textContent);
      } else if (state.status === 'done') {
        display.textContent = clock(0);
        label.textContent = th('coreRoutine.done');
        primary.textContent = th('coreRoutine.start');
        announce(label.textContent);
      } else if (state.status === 'ready') {
        display.textContent = clock(segments.ms * (segments.restBetween ? 1 : segments.count));
        label.textContent = th('coreRoutine.ready');
        primary.textContent = th('coreRoutine.start');
        lastLabel = '';
      }
    };

    primary.addEventListener('click', () => {
      const now = performance.now();
      if (state.status === 'running') {
        state = { status: 'paused', from: state.from, before: state.before + (now - state.since) };
      } else if (state.status === 'paused') {
        state = { status: 'running', from: state.from, before: state.before, since: now };
      } else {
        const from = state.status === 'resting' ? state.from : 0;
        state = { status: 'running', from, before: 0, since: now };
      }
      render();
    });
    reset.addEventListener('click', () => {
      state = { status: 'ready', from: 0 };
      render();
    });
    stoppers.push(() => clearTimeout(timer));
    render();

    if (exercise.illustration) {
      void inlinePicture(exercise.illustration).then((svg) => {
        if (svg && alive) picture.replaceChildren(svg);
      });
    }

    const titleId = `exercise-${exercise.id}`;
    return el(
      'article',
      {
        class: 'card exercise',
        'aria-labelledby': titleId,
        'data-testid': `exercise-${exercise.id}`,
      },
      el('h3', { id: titleId }, exercise.title),
      el(
        'div',
        { class: 'exercise-body' },
        picture,
        el(
          'div',
          {},
          el('p', { class: 'exercise-dose' }, exercise.doseText),
          el('ol', {}, ...exercise.steps.map((step) => el('li', {}, step))),
        ),
      ),
      el('p', { class: 'exercise-safety', role: 'note' }, exercise.safety),
      ...(exercise.caution ? [el('p', { class: 'exercise-safety' }, exercise.caution)] : []),
      ...(exercise.why
        ? [el('p', { class: 'detail' }, th('coreRoutine.why', { why: exercise.why }))]
        : []),
      el(
        'div',
        {
          class: 'exercise-timer',
          role: 'group',
          'aria-label': th('coreRoutine.timerLabel', { title: exercise.title }),
        },
        display,
        label,
        el('div', { class: 'pacer-controls' }, primary, reset),
        live,
      ),
      el('p', { class: 'detail' }, th('coreRoutine.source', { source: exercise.source })),
    );
  };

  // Five drawings on one page: one request for all of them, not five.
  void loadEveryDrawing();
  const exercises = ROUTINE.map((exercise) => resolveExercise(t, exercise));

  root.append(
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'core-routine-heading' },
      el('h2', { id: 'core-routine-heading' }, th('coreRoutine.title')),
      el('p', {}, th('coreRoutine.intro')),
      el('p', { class: 'exercise-safety', role: 'note' }, t('general.stop', { ns: 'exercises' })),
    ),
    ...exercises.map(exerciseCard),
  );
  root.setAttribute('aria-busy', 'false');

  return {
    unmount() {
      alive = false;
      for (const stop of stoppers) stop();
    },
  };
}
