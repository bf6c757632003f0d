import { html, nothing, svg } from 'lit-html';
import { createRef, ref } from 'lit-html/directives/ref.js';
import {
  BREATHING_PATTERNS,
  type BreathingPattern,
  type BreathingPatternId,
  breathingPatternKeys,
  MUSCLE_GROUPS,
  type MuscleGroup,
  muscleGroupKeys,
  PMR_CAUTION_KEYS,
  PMR_FULL_BODY,
  pacerAt,
  pmrSessionMs,
  pmrStepAt,
  pmrWithout,
  sessionRounds,
  shapeSize,
} from '../../../src/contract/guides';
import { litRoot } from '../lit-root';
import { formatCitations } from '../sources';
import type { MountedPage, PageContext } from './index';

type Choice = BreathingPatternId | 'pmr';

/** Where a session stands, in the words the page shows. */
interface Reading {
  /** Changes exactly when the phase does: the moment to announce. */
  step: string;
  cue: string;
  detail: string;
  secondsLeft: number;
  msLeftInPhase: number;
  /** 0–1 through the whole session. */
  progress: number;
  /** The breathing shape's size (SHAPE_MIN_SIZE–1); null when the exercise has no shape. */
  size: number | null;
  /** Box breathing: the side of the box being traced (0–3) and how far along it (0–1). */
  trace: { side: number; along: number } | null;
  done: boolean;
}

/** The box's corners in its 100×100 drawing, in the order the dot goes round them. */
const BOX_CORNERS = [
  [14, 86],
  [14, 14],
  [86, 14],
  [86, 86],
] as const;

/** Where the dot is on the box: up the left side breathing in, across the top holding… */
function pointOnBox(side: number, along: number): [number, number] {
  const [x1, y1] = BOX_CORNERS[side % 4]!;
  const [x2, y2] = BOX_CORNERS[(side + 1) % 4]!;
  return [x1 + (x2 - x1) * along, y1 + (y2 - y1) * along];
}

type Session =
  | { status: 'idle' }
  | { status: 'running'; before: number; since: number }
  | { status: 'paused'; before: number }
  | { status: 'done' };

/**
 * Guided breathing and progressive muscle relaxation. The page owns the animation:
 * each frame it asks the core's pure `pacerAt` / `pmrStepAt` where the session stands
 * at the elapsed time, so pausing, a slow frame or a hidden tab never drifts. With
 * reduced motion the shape is not drawn and the page looks again once a second; the
 * live region speaks only when the phase changes.
 */
/**
 * Scales the breathing shape through the CSSOM. Not a `style` attribute (lit's styleMap
 * writes one on its first render), which the strict CSP (`style-src 'self'`) refuses.
 */
const scaleTo = (size: number) => (element: Element | undefined) => {
  (element as HTMLElement | undefined)?.style.setProperty('transform', `scale(${size.toFixed(4)})`);
};

export function mount(root: HTMLElement, { t }: PageContext): MountedPage {
  const out = litRoot(root);
  const th = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ns: 'health', ...values });
  const motion = window.matchMedia('(prefers-reduced-motion: reduce)');

  let choice: Choice = 'diaphragmatic';
  let requested: number | undefined;
  const skipped = new Set<MuscleGroup>();
  let session: Session = { status: 'idle' };
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastStep = '';
  /** What the pacer shows now; the live region's words change only with the phase. */
  let shown = { cue: '', count: '', detail: '', progress: 0, size: 1, dot: pointOnBox(0, 0) };
  let announce = '';
  const startButton = createRef<HTMLButtonElement>();
  const pauseButton = createRef<HTMLButtonElement>();
  const stopButton = createRef<HTMLButtonElement>();

  const pattern = (): BreathingPattern | undefined =>
    choice === 'pmr' ? undefined : BREATHING_PATTERNS.find((p) => p.id === choice);

  const read = (elapsed: number): Reading => {
    const breathing = pattern();
    if (!breathing) {
      const sequence = pmrWithout(PMR_FULL_BODY, [...skipped]);
      const state = pmrStepAt(sequence, elapsed);
      const phase = th(`pmr.phase.${state.phase}`);
      return {
        step: `${state.stepIndex}:${state.phase}`,
        cue: th(state.cue),
        detail: `${state.group ? th('pmr.groupPhase', { phase, group: th(muscleGroupKeys(state.group).name) }) : phase} · ${th('pmr.step', { step: state.stepIndex + 1, steps: state.steps })}`,
        secondsLeft: state.secondsLeftInPhase,
        msLeftInPhase: state.msLeftInPhase,
        progress: Math.min(1, elapsed / pmrSessionMs(sequence)),
        size: null,
        trace: null,
        done: state.done,
      };
    }
    const state = pacerAt(breathing, elapsed, requested);
    const total = state.rounds * breathing.phases.reduce((sum, p) => sum + p.seconds * 1000, 0);
    return {
      step: String(state.step),
      cue: th(state.cue),
      detail: th('breathing.round', { round: state.round, rounds: state.rounds }),
      secondsLeft: state.secondsLeftInPhase,
      msLeftInPhase: state.msLeftInPhase,
      progress: Math.min(1, elapsed / total),
      size: breathing.id === 'box' ? null : shapeSize(state),
      trace: breathing.id === 'box' ? { side: state.phaseIndex, along: state.phaseProgress } : null,
      done: state.done,
    };
  };

  const elapsed = (): number => {
    if (session.status === 'running') return session.before + (performance.now() - session.since);
    if (session.status === 'paused') return session.before;
    return 0;
  };

  const cancelLoop = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };

  // --- the page ---------------------------------------------------------------------
  const option = (value: Choice, name: string, summary: string) => html`
    <label class="breathing-option">
      <input type="radio" name="breathing-choice" value=${value} data-testid="choose-${value}"
        .checked=${value === choice} @change=${() => choose(value)} />
      <span><strong>${name}</strong><span class="detail">${summary}</span></span>
    </label>`;

  const lengthOptions = (breathing: BreathingPattern) => {
    const { length } = breathing;
    const chosen =
      length.unit === 'rounds'
        ? sessionRounds(breathing, requested)
        : (requested ?? length.default);
    return Array.from({ length: length.max - length.min + 1 }, (_, i) => {
      const value = length.min + i;
      const label = th(
        length.unit === 'rounds' ? 'breathing.lengthRounds' : 'breathing.lengthMinutes',
        { count: value },
      );
      return html`<option value=${value} .selected=${value === chosen}>${label}</option>`;
    });
  };

  const exercise = () => {
    const breathing = pattern();
    if (breathing) {
      const keys = breathingPatternKeys(breathing.id);
      return {
        heading: th(keys.name),
        howTo: th(keys.steps),
        cautions: [th(keys.caution)],
        source: formatCitations(t, breathing.source, 'health:sources.secondary'),
      };
    }
    return {
      heading: th('pmr.title'),
      howTo: th('pmr.intro'),
      cautions: PMR_CAUTION_KEYS.map((key) => th(key)),
      source: formatCitations(t, PMR_FULL_BODY.source, 'health:sources.secondary'),
    };
  };

  const draw = () => {
    const breathing = pattern();
    const about = exercise();
    const still = motion.matches;
    const active = session.status === 'running' || session.status === 'paused';
    const [dotX, dotY] = shown.dot;
    out.draw(html`
      <section class="card" aria-labelledby="breathing-heading">
        <h2 id="breathing-heading">${th('breathing.title')}</h2>
        <p>${th('breathing.intro')}</p>
        <fieldset class="breathing-choices">
          <legend>${th('breathing.choose')}</legend>
          ${BREATHING_PATTERNS.map((each) => {
            const keys = breathingPatternKeys(each.id);
            return option(each.id, th(keys.name), th(keys.summary));
          })}
          ${option('pmr', th('pmr.title'), th('pmr.summary'))}
        </fieldset>
      </section>
      <section class="card breathing-session" aria-labelledby="breathing-exercise-heading">
        <h2 id="breathing-exercise-heading">${about.heading}</h2>
        <h3>${th('breathing.howTo')}</h3>
        <p>${about.howTo}</p>
        <div class="cautions" role="note">
          <h3>${th('breathing.safety')}</h3>
          <ul class="cautions-list" data-testid="breathing-cautions">
            ${about.cautions.map((caution) => html`<li>${caution}</li>`)}
          </ul>
        </div>
        <p class="breathing-length" ?hidden=${!breathing}>
          <label for="breathing-length">${th('breathing.length')} </label>
          <select id="breathing-length" data-testid="breathing-length" @change=${chooseLength}>
            ${breathing ? lengthOptions(breathing) : nothing}
          </select>
        </p>
        <details class="pmr-skip" ?hidden=${!!breathing}>
          <summary>${th('pmr.skip')}</summary>
          <p class="detail">${th('pmr.skipHint')}</p>
          <div class="pmr-skip-groups">
            ${MUSCLE_GROUPS.map(
              (group) => html`<label><input type="checkbox" value=${group}
                .checked=${skipped.has(group)} @change=${(event: Event) =>
                  skip(group, (event.target as HTMLInputElement).checked)} />
                ${th(muscleGroupKeys(group).name)}</label>`,
            )}
          </div>
        </details>
        <div class="pacer" data-testid="pacer">
          <div class="pacer-stage" aria-hidden="true" ?hidden=${still || !breathing}>
            <div class="pacer-shape" data-testid="breathing-shape" ?hidden=${choice === 'box'}
              ${ref(scaleTo(shown.size))}></div>
            ${svg`<svg viewBox="0 0 100 100" class="pacer-box" data-testid="breathing-box"
              ?hidden=${choice !== 'box'}>
              <rect x="14" y="14" width="72" height="72" rx="3"></rect>
              <circle r="7" data-testid="breathing-box-dot" cx=${dotX.toFixed(2)}
                cy=${dotY.toFixed(2)}></circle>
            </svg>`}
          </div>
          <p class="pacer-cue" data-testid="breathing-cue">${shown.cue}</p>
          <p class="pacer-count" data-testid="breathing-seconds">${shown.count}</p>
          <p class="detail" data-testid="breathing-detail">${shown.detail}</p>
          <progress max="1" .value=${shown.progress} aria-label=${th('breathing.progressLabel')}
            data-testid="breathing-progress"></progress>
          <p class="detail" ?hidden=${!(still && breathing)}>${th('breathing.reducedMotion')}</p>
        </div>
        <p class="visually-hidden" aria-live="polite" data-testid="breathing-announce">${announce}</p>
        <div class="pacer-controls">
          <button type="button" data-testid="breathing-start" ?disabled=${active}
            ${ref(startButton)} @click=${start}>
            ${th(session.status === 'done' ? 'breathing.again' : 'breathing.start')}
          </button>
          <button type="button" data-testid="breathing-pause" ?disabled=${!active}
            ${ref(pauseButton)} @click=${pauseOrResume}>
            ${th(session.status === 'paused' ? 'breathing.resume' : 'breathing.pause')}
          </button>
          <button type="button" class="secondary" data-testid="breathing-stop"
            ?disabled=${!active} ${ref(stopButton)} @click=${stopAndReturn}>
            ${th('breathing.stop')}
          </button>
        </div>
        <p class="detail">${th('breathing.source', { source: about.source })}</p>
      </section>
    `);
  };

  // --- the session ------------------------------------------------------------------
  const tick = () => {
    const reading = read(elapsed());
    if (reading.done) {
      finish();
      return;
    }
    shown = {
      cue: reading.cue,
      count: th('breathing.secondsLeft', { count: reading.secondsLeft }),
      detail: reading.detail,
      progress: reading.progress,
      size: reading.size ?? shown.size,
      dot: reading.trace ? pointOnBox(reading.trace.side, reading.trace.along) : shown.dot,
    };
    if (reading.step !== lastStep) {
      lastStep = reading.step;
      announce = choice === 'pmr' ? `${reading.detail}. ${reading.cue}` : reading.cue;
    }
    draw();
    if (session.status !== 'running') return;
    if (motion.matches) {
      // Look again just after the countdown's next whole second.
      const untilNextSecond = reading.msLeftInPhase % 1000 || 1000;
      timer = setTimeout(tick, untilNextSecond + 5);
    } else {
      frame = requestAnimationFrame(tick);
    }
  };

  const idle = (text: string) => {
    cancelLoop();
    lastStep = '';
    shown = { cue: text, count: '', detail: '', progress: 0, size: 1, dot: pointOnBox(0, 0) };
  };

  function finish() {
    // Pause and Stop are about to be disabled: keep a keyboard user's place on the page.
    const focused = document.activeElement;
    const hadFocus = focused === pauseButton.value || focused === stopButton.value;
    session = { status: 'done' };
    const done = th(choice === 'pmr' ? 'pmr.done' : 'breathing.done');
    idle(done);
    shown.progress = 1;
    announce = done;
    draw();
    if (hadFocus) startButton.value?.focus();
  }

  function stop() {
    const wasActive = session.status === 'running' || session.status === 'paused';
    session = { status: 'idle' };
    idle(th(wasActive ? 'breathing.stopped' : 'breathing.ready'));
    if (wasActive) announce = th('breathing.stopped');
    draw();
  }

  const choose = (value: Choice) => {
    choice = value;
    requested = undefined;
    stop();
  };
  const chooseLength = (event: Event) => {
    requested = Number((event.target as HTMLSelectElement).value);
    stop();
  };
  const skip = (group: MuscleGroup, on: boolean) => {
    if (on) skipped.add(group);
    else skipped.delete(group);
    stop();
  };

  const start = () => {
    cancelLoop();
    lastStep = '';
    session = { status: 'running', before: 0, since: performance.now() };
    tick();
    pauseButton.value?.focus();
  };
  const pauseOrResume = () => {
    if (session.status === 'running') {
      const before = elapsed();
      cancelLoop();
      session = { status: 'paused', before };
      announce = th('breathing.paused');
    } else if (session.status === 'paused') {
      session = { status: 'running', before: session.before, since: performance.now() };
      lastStep = '';
    }
    tick();
  };
  const stopAndReturn = () => {
    stop();
    startButton.value?.focus();
  };

  const onMotionChange = () => {
    cancelLoop();
    if (session.status === 'running') tick();
    else draw();
  };
  motion.addEventListener('change', onMotionChange);

  stop();
  root.setAttribute('aria-busy', 'false');

  return {
    unmount() {
      cancelLoop();
      motion.removeEventListener('change', onMotionChange);
      out.clear();
    },
  };
}
