import type { BreakPayload } from '../../../src/contract/contract';
import { formatClockTime, formatCountdown, refusalText } from '../../../src/contract/i18n';
import { el } from '../dom';
import { type CardExercise, exerciseCard } from '../exercise-view';
import type { MountedPage, PageContext } from './index';

/**
 * The break (#break): in Electron each display's break window loads it; in a browser
 * the shell comes here when a break starts. The app picks the exercises and owns the
 * break's length; this page counts down on its own animation frame, steps through a
 * long break's routine, and offers Postpone and Skip unless strict mode is on.
 */

/**
 * The screen reader hears the time left at round marks, never every second: each
 * whole minute, then every 10 seconds in the last minute; and not within a few
 * seconds of the break's start or a new exercise, so their names are heard whole.
 */
const ANNOUNCE_EVERY_MS = 10_000;
const ANNOUNCE_EVERY_LONG_MS = 60_000;
const ANNOUNCE_QUIET_MS = 5_000;

/** The mark the time left `ms` has reached: 4:00 while 4:00 to 3:01 is left, then 0:50… */
function markOf(ms: number): number {
  const every = ms > ANNOUNCE_EVERY_LONG_MS ? ANNOUNCE_EVERY_LONG_MS : ANNOUNCE_EVERY_MS;
  return Math.ceil(ms / every) * every;
}
const RING_RADIUS = 44;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;
const SVG_NS = 'http://www.w3.org/2000/svg';

function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Each exercise's share of the break: its own time plus an even share of the rest. */
function routineSlots(exercises: readonly CardExercise[], totalMs: number): number[] {
  const dosesMs = exercises.reduce((sum, exercise) => sum + exercise.seconds * 1000, 0);
  const spare = Math.max(0, totalMs - dosesMs) / Math.max(1, exercises.length);
  return exercises.map((exercise) => exercise.seconds * 1000 + spare);
}

function ring(): { element: SVGSVGElement; progress: SVGCircleElement } {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 100 100');
  svg.setAttribute('class', 'break-ring');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const circle = (cls: string) => {
    const c = document.createElementNS(SVG_NS, 'circle');
    c.setAttribute('cx', '50');
    c.setAttribute('cy', '50');
    c.setAttribute('r', String(RING_RADIUS));
    c.setAttribute('class', cls);
    return c;
  };
  const progress = circle('break-ring-progress');
  progress.setAttribute('stroke-dasharray', String(RING_LENGTH));
  svg.append(circle('break-ring-track'), progress);
  return { element: svg, progress };
}

export function mount(root: HTMLElement, { api, t, language, navigate }: PageContext): MountedPage {
  document.body.classList.add('break-page');
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  // The break window's own title: the shell's header is hidden here.
  const kindLabel = el('h1', {
    class: 'break-kind',
    id: 'break-kind',
    'data-testid': 'break-kind',
  });
  const stepLabel = el('p', { class: 'break-step', 'data-testid': 'break-step' });
  const exerciseSlot = el('div', { class: 'break-exercise', 'data-testid': 'break-exercise' });
  const { element: ringElement, progress } = ring();
  const timeText = el('p', { class: 'break-time', 'data-testid': 'break-time' });
  const timer = el(
    'div',
    { class: 'break-timer', role: 'timer', 'aria-label': t('breaks:break.remainingLabel') },
    ringElement,
    timeText,
  );
  const previous = el('button', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'break-previous',
  });
  previous.textContent = t('breaks:actions.previous');
  const next = el('button', { type: 'button', class: 'secondary', 'data-testid': 'break-next' });
  next.textContent = t('breaks:actions.next');
  const postpone = el('button', {
    type: 'button',
    'data-testid': 'break-postpone',
    'aria-keyshortcuts': 'P',
  });
  const skip = el('button', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'break-skip',
    'aria-keyshortcuts': 'S Escape',
  });
  skip.textContent = t('breaks:actions.skip');
  const strictNote = el('p', { class: 'break-note', 'data-testid': 'break-strict' });
  strictNote.textContent = t('breaks:break.strictNote');
  const keys = el('p', { class: 'break-keys' });
  const routineNav = el('div', { class: 'break-routine-nav' }, previous, next);
  const actions = el('div', { class: 'break-actions' }, postpone, skip);
  const message = el('p', {
    class: 'break-message',
    role: 'status',
    'data-testid': 'break-message',
  });
  const error = el('p', { class: 'error', role: 'alert', 'data-testid': 'break-error' });
  const live = el('p', {
    class: 'visually-hidden',
    'aria-live': 'polite',
    'data-testid': 'break-live',
  });

  const takeNow = el('button', { type: 'button', 'data-testid': 'break-take-now' });
  takeNow.textContent = t('breaks:actions.takeNow');
  const back = el('button', { type: 'button', class: 'secondary', 'data-testid': 'break-back' });
  back.textContent = t('breaks:actions.back');
  const idleText = el('p', { class: 'break-idle-text' });
  const idleHint = el('p', { class: 'break-idle-hint' }, t('breaks:break.noneHint'));
  const idle = el(
    'div',
    { class: 'break-idle', 'data-testid': 'break-idle' },
    idleText,
    idleHint,
    el('div', { class: 'break-actions' }, takeNow, back),
  );

  const active = el(
    'div',
    { class: 'break-active' },
    el('div', { class: 'break-head' }, el('div', {}, kindLabel, stepLabel), timer),
    exerciseSlot,
    routineNav,
    actions,
    strictNote,
    keys,
  );
  const screen = el(
    'section',
    { class: 'break-screen', 'aria-labelledby': 'break-kind', 'data-testid': 'break' },
    active,
    idle,
    message,
    error,
    live,
  );
  root.append(screen);

  let current: BreakPayload | null = null;
  let skew = 0;
  let index = 0;
  let slots: number[] = [];
  let stepStartedAt = 0;
  let frame = 0;
  let ticker: ReturnType<typeof setTimeout> | undefined;
  let lastAnnounced = 0;
  let lastMark = 0;
  let lastSecond = -1;

  const hostNow = () => Date.now() + skew;

  const announce = (text: string) => {
    // Cleared first so the same words are read again.
    live.textContent = '';
    requestAnimationFrame(() => {
      live.textContent = text;
    });
  };

  const exercises = (): CardExercise[] => current?.exercises ?? [];

  const describe = (exercise: CardExercise | undefined, start: boolean): string => {
    if (!current) return '';
    const kind = t(`breaks:kind.${current.kind}`);
    if (!exercise) return t('breaks:announce.startNone', { kind });
    const values = { kind, title: exercise.title, dose: exercise.doseText };
    return start ? t('breaks:announce.start', values) : t('breaks:announce.next', values);
  };

  const showStep = (to: number, { announceIt }: { announceIt: boolean }) => {
    const list = exercises();
    index = Math.min(Math.max(0, to), Math.max(0, list.length - 1));
    const exercise = list[index];
    exerciseSlot.replaceChildren(
      exercise
        ? exerciseCard(exercise, t, { heading: 'h2' })
        : el('p', { class: 'break-none' }, t('breaks:break.noExercise')),
    );
    stepLabel.textContent =
      list.length > 1 ? t('breaks:break.exerciseOf', { index: index + 1, total: list.length }) : '';
    previous.disabled = index === 0;
    next.disabled = index >= list.length - 1;
    if (announceIt) {
      announce(describe(exercise, false));
      // The time left waits its turn, so it does not cut the exercise's name short.
      lastAnnounced = hostNow();
    }
  };

  const remainingText = (ms: number) => {
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    return seconds >= 60
      ? t('breaks:announce.remainingMinutes', { count: Math.ceil(seconds / 60) })
      : t('breaks:announce.remaining', { count: seconds });
  };

  /** One look at the clock: ring, text, the routine's step and the occasional announcement. */
  const update = () => {
    if (current?.phase !== 'start') return;
    const now = hostNow();
    const total = Math.max(1, current.endsAt - current.startedAt);
    const left = Math.max(0, current.endsAt - now);
    progress.style.strokeDashoffset = String(RING_LENGTH * (1 - left / total));
    const second = Math.ceil(left / 1000);
    if (second !== lastSecond) {
      lastSecond = second;
      timeText.textContent = reducedMotion.matches
        ? t('breaks:break.endsAt', { time: formatClockTime(current.endsAt, language) })
        : clock(left);
    }
    const slot = slots[index];
    if (slot !== undefined && index < exercises().length - 1 && now - stepStartedAt >= slot) {
      stepStartedAt += slot;
      showStep(index + 1, { announceIt: true });
    }
    const mark = markOf(left);
    if (mark !== lastMark) {
      lastMark = mark;
      if (mark > 0 && now - lastAnnounced >= ANNOUNCE_QUIET_MS) {
        lastAnnounced = now;
        announce(remainingText(mark));
      }
    }
  };

  const loop = () => {
    update();
    frame = requestAnimationFrame(loop);
  };

  const stopClock = () => {
    cancelAnimationFrame(frame);
    clearTimeout(ticker);
  };

  const startClock = () => {
    stopClock();
    if (reducedMotion.matches) {
      // No moving ring: the text changes, at most once a second.
      const tick = () => {
        update();
        ticker = setTimeout(tick, 1000);
      };
      tick();
    } else {
      frame = requestAnimationFrame(loop);
    }
  };

  const firstAction = (): HTMLElement | null =>
    [postpone, skip, next].find((button) => !button.hidden && !button.disabled) ?? null;

  const showIdle = (text: string, { offerBreak }: { offerBreak: boolean }) => {
    stopClock();
    document.body.classList.remove('break-on');
    active.hidden = true;
    idle.hidden = false;
    idleText.textContent = text;
    idleText.hidden = text === '';
    idleHint.hidden = !offerBreak;
    takeNow.hidden = !offerBreak;
  };

  const showBreak = (shown: BreakPayload) => {
    current = shown;
    skew = shown.now - Date.now();
    document.body.classList.add('break-on');
    active.hidden = false;
    idle.hidden = true;
    message.textContent = '';
    error.textContent = '';
    kindLabel.textContent = t(`breaks:kind.${shown.kind}`);
    slots = routineSlots(shown.exercises, shown.endsAt - shown.startedAt);
    stepStartedAt = shown.startedAt;
    // Joining a routine midway (a window opened late): find the exercise due now.
    let step = 0;
    while (step < slots.length - 1 && hostNow() - stepStartedAt >= slots[step]!) {
      stepStartedAt += slots[step]!;
      step++;
    }
    routineNav.hidden = shown.exercises.length < 2;
    showStep(step, { announceIt: false });

    postpone.hidden = shown.strictMode;
    skip.hidden = shown.strictMode;
    strictNote.hidden = !shown.strictMode;
    postpone.disabled = shown.postponesLeft <= 0;
    postpone.textContent =
      shown.postponesLeft > 0
        ? t('breaks:actions.postpone', { count: shown.postponesLeft })
        : t('breaks:actions.postponeNone');
    const routine = shown.exercises.length > 1;
    keys.textContent = t(
      shown.strictMode
        ? 'breaks:break.keysStrict'
        : routine
          ? 'breaks:break.keysRoutine'
          : 'breaks:break.keys',
    );
    keys.hidden = shown.strictMode && !routine;

    lastSecond = -1;
    lastAnnounced = hostNow();
    lastMark = markOf(shown.endsAt - lastAnnounced);
    announce(describe(exercises()[index], true));
    startClock();
    (firstAction() ?? screen).focus();
  };

  /** After a postpone: when the break comes back, and how many postpones remain. */
  const describePostponed = async (): Promise<string> => {
    const status = await api.call('getStatus');
    const duration = formatCountdown(t, (status.nextBreak?.dueAt ?? status.now) - status.now);
    return status.postponesLeft > 0
      ? t('breaks:break.postponed', { count: status.postponesLeft, duration })
      : t('breaks:break.postponedLast', { duration });
  };

  const showEnd = (shown: BreakPayload) => {
    current = null;
    showIdle('', { offerBreak: false });
    message.textContent =
      shown.outcome === 'skipped'
        ? t('breaks:break.skipped')
        : shown.outcome === 'completed'
          ? t('breaks:break.completed')
          : '';
    if (shown.outcome === 'postponed') {
      void describePostponed().then((text) => {
        if (!current) message.textContent = text;
      });
    }
    back.focus();
  };

  const act = async (name: 'postponeBreak' | 'skipBreak' | 'takeBreakNow') => {
    error.textContent = '';
    try {
      const result = await api.call(name);
      if (!result.ok)
        error.textContent = t('breaks:break.refused', { reason: refusalText(t, result) });
      else if (name === 'takeBreakNow' && !current) {
        const shown = await api.call('getCurrentBreak');
        if (shown) showBreak(shown);
      }
    } catch (failure) {
      error.textContent = t('breaks:break.refused', { reason: (failure as Error).message });
    }
  };

  postpone.addEventListener('click', () => void act('postponeBreak'));
  skip.addEventListener('click', () => void act('skipBreak'));
  takeNow.addEventListener('click', () => void act('takeBreakNow'));
  back.addEventListener('click', () => navigate('status'));
  previous.addEventListener('click', () => {
    stepStartedAt = hostNow();
    showStep(index - 1, { announceIt: true });
  });
  next.addEventListener('click', () => {
    stepStartedAt = hostNow();
    showStep(index + 1, { announceIt: true });
  });

  const onKey = (event: KeyboardEvent) => {
    if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const strict = current.strictMode;
    if (key === 'escape' || key === 's') {
      // Strict mode: Escape does not dismiss the break.
      if (strict) return event.preventDefault();
      event.preventDefault();
      void act('skipBreak');
    } else if (key === 'p' && !strict && !postpone.disabled) {
      event.preventDefault();
      void act('postponeBreak');
    } else if (key === 'arrowright' && !next.disabled && !routineNav.hidden) {
      event.preventDefault();
      next.click();
    } else if (key === 'arrowleft' && !previous.disabled && !routineNav.hidden) {
      event.preventDefault();
      previous.click();
    }
  };
  document.addEventListener('keydown', onKey);

  const onBreak = (shown: BreakPayload) => {
    if (shown.phase === 'start') showBreak(shown);
    else if (current) showEnd(shown);
  };
  const unsubscribe = api.on('break', onBreak);
  const onMotionChange = () => {
    lastSecond = -1;
    if (current) startClock();
  };
  reducedMotion.addEventListener('change', onMotionChange);

  showIdle(t('breaks:break.none'), { offerBreak: true });
  void api.call('getCurrentBreak').then((shown) => {
    if (shown && !current) showBreak(shown);
  });

  return {
    unmount() {
      stopClock();
      unsubscribe();
      document.removeEventListener('keydown', onKey);
      reducedMotion.removeEventListener('change', onMotionChange);
      document.body.classList.remove('break-page', 'break-on');
    },
  };
}
