import { html, nothing } from 'lit-html';
import type { ResolvedExercise } from '../../../src/contract/content';
import { resolveExercise } from '../../../src/contract/exercise-words';
import { DEFAULT_SECONDS_PER_REP, type Dose, EXERCISES } from '../../../src/contract/guides';
import { drawing, loadEveryDrawing } from '../exercise-view';
import { countdown } from '../format';
import { litRoot } from '../lit-root';
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

/** What one exercise's timer shows. */
interface TimerView {
  display: string;
  label: string;
  primary: string;
}

interface Card {
  exercise: ResolvedExercise;
  segments: Segments;
  state: TimerState;
  timer: ReturnType<typeof setTimeout> | undefined;
  view: TimerView;
  /** What the live region says: set only when the label changes, so it is read once. */
  live: string;
  lastLabel: string;
  picture: SVGSVGElement | null;
}

/** Plank, bird dog, glute bridge and dead bug, each with its own countdown. */
export function mount(root: HTMLElement, { t }: PageContext): MountedPage {
  const out = litRoot(root);
  const th = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'health', ...values });
  let alive = true;

  const segmentLabel = (segments: Segments, index: number) =>
    segments.kind === 'timed'
      ? th('coreRoutine.timed')
      : th(segments.kind === 'hold' ? 'coreRoutine.hold' : 'coreRoutine.rep', {
          index: index + 1,
          count: segments.count,
        });

  const announce = (card: Card, text: string) => {
    if (text !== card.lastLabel) card.live = text;
    card.lastLabel = text;
  };

  /** Moves the card's timer on to now, and arms it for the next second it shows. */
  const update = (card: Card) => {
    const { segments } = card;
    clearTimeout(card.timer);
    let state = card.state;
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
        const label = segmentLabel(segments, index);
        card.view = {
          display: countdown(left),
          label,
          primary: th(state.status === 'running' ? 'coreRoutine.pause' : 'coreRoutine.resume'),
        };
        announce(card, label);
        if (state.status === 'running') {
          card.timer = setTimeout(
            () => {
              update(card);
              draw();
            },
            (left % 1000 || 1000) + 5,
          );
        }
        return;
      }
      card.state = state;
    }
    if (state.status === 'resting') {
      const next = { index: state.from + 1, count: segments.count };
      card.view = {
        display: countdown(segments.ms),
        label: th('coreRoutine.restThenStart', next),
        primary: th('coreRoutine.nextHold', next),
      };
      announce(card, card.view.label);
    } else if (state.status === 'done') {
      card.view = {
        display: countdown(0),
        label: th('coreRoutine.done'),
        primary: th('coreRoutine.start'),
      };
      announce(card, card.view.label);
    } else if (state.status === 'ready') {
      card.view = {
        display: countdown(segments.ms * (segments.restBetween ? 1 : segments.count)),
        label: th('coreRoutine.ready'),
        primary: th('coreRoutine.start'),
      };
      card.lastLabel = '';
    }
  };

  const press = (card: Card) => {
    const now = performance.now();
    const state = card.state;
    if (state.status === 'running') {
      card.state = {
        status: 'paused',
        from: state.from,
        before: state.before + (now - state.since),
      };
    } else if (state.status === 'paused') {
      card.state = { status: 'running', from: state.from, before: state.before, since: now };
    } else {
      const from = state.status === 'resting' ? state.from : 0;
      card.state = { status: 'running', from, before: 0, since: now };
    }
    update(card);
    draw();
  };

  const reset = (card: Card) => {
    card.state = { status: 'ready', from: 0 };
    update(card);
    draw();
  };

  const cardView = (card: Card) => {
    const { exercise, view } = card;
    const titleId = `exercise-${exercise.id}`;
    return html`
      <article class="card exercise" aria-labelledby=${titleId} data-testid=${`exercise-${exercise.id}`}>
        <h3 id=${titleId}>${exercise.title}</h3>
        <div class="exercise-body">
          <div class="exercise-picture">${card.picture ?? nothing}</div>
          <div>
            <p class="exercise-dose">${exercise.doseText}</p>
            <ol>${exercise.steps.map((step) => html`<li>${step}</li>`)}</ol>
          </div>
        </div>
        <p class="exercise-safety" role="note">${exercise.safety}</p>
        ${exercise.caution ? html`<p class="exercise-safety">${exercise.caution}</p>` : nothing}
        ${exercise.why ? html`<p class="detail">${th('coreRoutine.why', { why: exercise.why })}</p>` : nothing}
        <div class="exercise-timer" role="group"
          aria-label=${th('coreRoutine.timerLabel', { title: exercise.title })}>
          <p class="timer-display" data-testid=${`timer-${exercise.id}`}>${view.display}</p>
          <p class="detail" data-testid=${`timer-label-${exercise.id}`}>${view.label}</p>
          <div class="pacer-controls">
            <button type="button" data-testid=${`timer-start-${exercise.id}`}
              @click=${() => press(card)}>${view.primary}</button>
            <button type="button" class="secondary" @click=${() => reset(card)}>${th('coreRoutine.reset')}</button>
          </div>
          <p class="visually-hidden" aria-live="polite">${card.live}</p>
        </div>
        <p class="detail">${th('coreRoutine.source', { source: exercise.source })}</p>
      </article>`;
  };

  // Five drawings on one page: one request for all of them, not five.
  void loadEveryDrawing();
  const cards: Card[] = ROUTINE.map((exercise) => {
    const resolved = resolveExercise(t, exercise);
    const card: Card = {
      exercise: resolved,
      segments: segmentsOf(resolved.dose),
      state: { status: 'ready', from: 0 },
      timer: undefined,
      view: { display: '', label: '', primary: '' },
      live: '',
      lastLabel: '',
      picture: null,
    };
    update(card);
    if (resolved.illustration) {
      void inlinePicture(resolved.illustration).then((svg) => {
        if (!svg || !alive) return;
        card.picture = svg;
        draw();
      });
    }
    return card;
  });

  function draw() {
    out.draw(html`
      <section class="card" aria-labelledby="core-routine-heading">
        <h2 id="core-routine-heading">${th('coreRoutine.title')}</h2>
        <p>${th('coreRoutine.intro')}</p>
        <p class="exercise-safety" role="note">${t('general.stop', { ns: 'exercises' })}</p>
      </section>
      ${cards.map(cardView)}`);
  }
  draw();
  root.setAttribute('aria-busy', 'false');

  return {
    unmount() {
      alive = false;
      for (const card of cards) clearTimeout(card.timer);
      out.clear();
    },
  };
}
