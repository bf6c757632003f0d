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
import { el } from '../dom';
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

const SVG_NS = 'http://www.w3.org/2000/svg';
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
export function mount(root: HTMLElement, { t }: PageContext): MountedPage {
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

  // --- the choice -------------------------------------------------------------------
  const option = (value: Choice, name: string, summary: string) =>
    el(
      'label',
      { class: 'breathing-option' },
      el('input', {
        type: 'radio',
        name: 'breathing-choice',
        value,
        'data-testid': `choose-${value}`,
        ...(value === choice ? { checked: '' } : {}),
      }),
      el('span', {}, el('strong', {}, name), el('span', { class: 'detail' }, summary)),
    );
  const choices = el(
    'fieldset',
    { class: 'breathing-choices' },
    el('legend', {}, th('breathing.choose')),
    ...BREATHING_PATTERNS.map((pattern) => {
      const keys = breathingPatternKeys(pattern.id);
      return option(pattern.id, th(keys.name), th(keys.summary));
    }),
    option('pmr', th('pmr.title'), th('pmr.summary')),
  );

  // --- the chosen exercise ----------------------------------------------------------
  const heading = el('h2', { id: 'breathing-exercise-heading' });
  const howTo = el('p');
  const cautions = el('ul', { class: 'cautions-list', 'data-testid': 'breathing-cautions' });
  const source = el('p', { class: 'detail' });
  const lengthSelect = el('select', { id: 'breathing-length', 'data-testid': 'breathing-length' });
  const lengthRow = el(
    'p',
    { class: 'breathing-length' },
    el('label', { for: 'breathing-length' }, `${th('breathing.length')} `),
    lengthSelect,
  );
  const skipList = el(
    'details',
    { class: 'pmr-skip' },
    el('summary', {}, th('pmr.skip')),
    el('p', { class: 'detail' }, th('pmr.skipHint')),
    el(
      'div',
      { class: 'pmr-skip-groups' },
      ...MUSCLE_GROUPS.map((group) => {
        const box = el('input', { type: 'checkbox', value: group });
        box.addEventListener('change', () => {
          if (box.checked) skipped.add(group);
          else skipped.delete(group);
          stop();
        });
        return el('label', {}, box, ` ${th(muscleGroupKeys(group).name)}`);
      }),
    ),
  );

  // --- the pacer --------------------------------------------------------------------
  const shape = el('div', { class: 'pacer-shape', 'data-testid': 'breathing-shape' });
  // Box breathing draws a box, and a dot that traces its four sides, one a phase.
  const box = document.createElementNS(SVG_NS, 'svg');
  box.setAttribute('viewBox', '0 0 100 100');
  box.setAttribute('class', 'pacer-box');
  box.setAttribute('data-testid', 'breathing-box');
  const boxSides = document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of [
    ['x', '14'],
    ['y', '14'],
    ['width', '72'],
    ['height', '72'],
    ['rx', '3'],
  ]) {
    boxSides.setAttribute(name!, value!);
  }
  const boxDot = document.createElementNS(SVG_NS, 'circle');
  boxDot.setAttribute('r', '7');
  boxDot.setAttribute('data-testid', 'breathing-box-dot');
  box.append(boxSides, boxDot);
  const stage = el('div', { class: 'pacer-stage', 'aria-hidden': 'true' }, shape);
  stage.append(box);
  const placeDot = (side: number, along: number) => {
    const [x, y] = pointOnBox(side, along);
    boxDot.setAttribute('cx', x.toFixed(2));
    boxDot.setAttribute('cy', y.toFixed(2));
  };
  placeDot(0, 0);
  const cue = el('p', { class: 'pacer-cue', 'data-testid': 'breathing-cue' });
  const count = el('p', { class: 'pacer-count', 'data-testid': 'breathing-seconds' });
  const detail = el('p', { class: 'detail', 'data-testid': 'breathing-detail' });
  const bar = el('progress', {
    max: '1',
    value: '0',
    'aria-label': th('breathing.progressLabel'),
    'data-testid': 'breathing-progress',
  });
  const motionNote = el('p', { class: 'detail' }, th('breathing.reducedMotion'));
  const live = el('p', {
    class: 'visually-hidden',
    'aria-live': 'polite',
    'data-testid': 'breathing-announce',
  });
  const startButton = el('button', { type: 'button', 'data-testid': 'breathing-start' });
  const pauseButton = el('button', { type: 'button', 'data-testid': 'breathing-pause' });
  const stopButton = el(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'breathing-stop' },
    th('breathing.stop'),
  );

  root.append(
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'breathing-heading' },
      el('h2', { id: 'breathing-heading' }, th('breathing.title')),
      el('p', {}, th('breathing.intro')),
      choices,
    ),
    el(
      'section',
      { class: 'card breathing-session', 'aria-labelledby': 'breathing-exercise-heading' },
      heading,
      el('h3', {}, th('breathing.howTo')),
      howTo,
      el(
        'div',
        { class: 'cautions', role: 'note' },
        el('h3', {}, th('breathing.safety')),
        cautions,
      ),
      lengthRow,
      skipList,
      el(
        'div',
        { class: 'pacer', 'data-testid': 'pacer' },
        stage,
        cue,
        count,
        detail,
        bar,
        motionNote,
      ),
      live,
      el('div', { class: 'pacer-controls' }, startButton, pauseButton, stopButton),
      source,
    ),
  );

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

  const setText = (node: HTMLElement, text: string) => {
    if (node.textContent !== text) node.textContent = text;
  };

  const elapsed = (): number => {
    if (session.status === 'running') return session.before + (performance.now() - session.since);
    if (session.status === 'paused') return session.before;
    return 0;
  };

  const showControls = () => {
    const active = session.status === 'running' || session.status === 'paused';
    setText(startButton, th(session.status === 'done' ? 'breathing.again' : 'breathing.start'));
    startButton.disabled = active;
    setText(pauseButton, th(session.status === 'paused' ? 'breathing.resume' : 'breathing.pause'));
    pauseButton.disabled = !active;
    stopButton.disabled = !active;
  };

  const showMotion = () => {
    const still = motion.matches;
    const hasShape = pattern() !== undefined;
    stage.hidden = still || !hasShape;
    shape.hidden = choice === 'box';
    box.toggleAttribute('hidden', choice !== 'box');
    motionNote.hidden = !(still && hasShape);
  };

  const cancelLoop = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };

  const render = () => {
    const reading = read(elapsed());
    if (reading.done) {
      finish();
      return;
    }
    setText(cue, reading.cue);
    setText(count, th('breathing.secondsLeft', { count: reading.secondsLeft }));
    setText(detail, reading.detail);
    bar.value = reading.progress;
    if (reading.size !== null) shape.style.transform = `scale(${reading.size.toFixed(4)})`;
    if (reading.trace) placeDot(reading.trace.side, reading.trace.along);
    if (reading.step !== lastStep) {
      lastStep = reading.step;
      live.textContent = choice === 'pmr' ? `${reading.detail}. ${reading.cue}` : reading.cue;
    }
    if (session.status !== 'running') return;
    if (motion.matches) {
      // Look again just after the countdown's next whole second.
      const untilNextSecond = reading.msLeftInPhase % 1000 || 1000;
      timer = setTimeout(render, untilNextSecond + 5);
    } else {
      frame = requestAnimationFrame(render);
    }
  };

  const idle = (text: string) => {
    cancelLoop();
    lastStep = '';
    setText(cue, text);
    setText(count, '');
    setText(detail, '');
    bar.value = 0;
    shape.style.transform = 'scale(1)';
    placeDot(0, 0);
    showControls();
  };

  function finish() {
    // Pause and Stop are about to be disabled: keep a keyboard user's place on the page.
    const hadFocus =
      document.activeElement === pauseButton || document.activeElement === stopButton;
    session = { status: 'done' };
    const done = th(choice === 'pmr' ? 'pmr.done' : 'breathing.done');
    idle(done);
    bar.value = 1;
    live.textContent = done;
    if (hadFocus) startButton.focus();
  }

  function stop() {
    const wasActive = session.status === 'running' || session.status === 'paused';
    session = { status: 'idle' };
    idle(th(wasActive ? 'breathing.stopped' : 'breathing.ready'));
    if (wasActive) live.textContent = th('breathing.stopped');
  }

  const showChoice = () => {
    const breathing = pattern();
    if (breathing) {
      const keys = breathingPatternKeys(breathing.id);
      heading.textContent = th(keys.name);
      howTo.textContent = th(keys.steps);
      cautions.replaceChildren(el('li', {}, th(keys.caution)));
      source.textContent = th('breathing.source', {
        source: formatCitations(t, breathing.source, 'health:sources.secondary'),
      });
      const { length } = breathing;
      const current = sessionRounds(breathing, requested);
      const chosen = length.unit === 'rounds' ? current : (requested ?? length.default);
      lengthSelect.replaceChildren(
        ...Array.from({ length: length.max - length.min + 1 }, (_, i) => {
          const value = length.min + i;
          const label = th(
            length.unit === 'rounds' ? 'breathing.lengthRounds' : 'breathing.lengthMinutes',
            { count: value },
          );
          return el(
            'option',
            { value: String(value), ...(value === chosen ? { selected: '' } : {}) },
            label,
          );
        }),
      );
      lengthRow.hidden = false;
      skipList.hidden = true;
    } else {
      heading.textContent = th('pmr.title');
      howTo.textContent = th('pmr.intro');
      cautions.replaceChildren(...PMR_CAUTION_KEYS.map((key) => el('li', {}, th(key))));
      source.textContent = th('breathing.source', {
        source: formatCitations(t, PMR_FULL_BODY.source, 'health:sources.secondary'),
      });
      lengthRow.hidden = true;
      skipList.hidden = false;
    }
    showMotion();
  };

  choices.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    choice = input.value as Choice;
    requested = undefined;
    stop();
    showChoice();
  });
  lengthSelect.addEventListener('change', () => {
    requested = Number(lengthSelect.value);
    stop();
  });

  startButton.addEventListener('click', () => {
    cancelLoop();
    lastStep = '';
    session = { status: 'running', before: 0, since: performance.now() };
    showControls();
    render();
    pauseButton.focus();
  });
  pauseButton.addEventListener('click', () => {
    if (session.status === 'running') {
      const before = elapsed();
      cancelLoop();
      session = { status: 'paused', before };
      live.textContent = th('breathing.paused');
    } else if (session.status === 'paused') {
      session = { status: 'running', before: session.before, since: performance.now() };
      lastStep = '';
    }
    showControls();
    render();
  });
  stopButton.addEventListener('click', () => {
    stop();
    startButton.focus();
  });

  const onMotionChange = () => {
    showMotion();
    cancelLoop();
    if (session.status === 'running') render();
  };
  motion.addEventListener('change', onMotionChange);

  showChoice();
  stop();
  root.setAttribute('aria-busy', 'false');

  return {
    unmount() {
      cancelLoop();
      motion.removeEventListener('change', onMotionChange);
    },
  };
}
