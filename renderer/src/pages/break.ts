import { html, nothing } from 'lit-html';
import { createRef, ref } from 'lit-html/directives/ref.js';
import type { BreakPayload } from '../../../src/contract/contract';
import { formatCountdown, refusalText } from '../../../src/contract/i18n';
import { parseDuration } from '../../../src/contract/settings-limits';
import { type CardExercise, exerciseCard } from '../exercise-view';
import { countdown, createTimeFormat } from '../format';
import { litRoot } from '../lit-root';
import type { MountedPage, PageContext } from './index';

/**
 * The break (#break): in Electron each display's break window loads it; in a browser
 * the shell comes here when a break starts. The app picks the exercises and owns the
 * break's length; this page counts down on its own animation frame (only while it is
 * visible), steps through a long break's routine, and offers Postpone and Skip,
 * quietly, unless strict mode is on. The break itself is the main thing: the
 * exercise's heading has the focus, so a key meant for the work window does nothing.
 */

/**
 * The screen reader hears the time left at round marks, never every second: each
 * whole minute, then every 10 seconds in the last minute; and not within a few
 * seconds of the break's start or a new exercise, so their names are heard whole.
 */
const ANNOUNCE_EVERY_MS = 10_000;
const ANNOUNCE_EVERY_LONG_MS = 60_000;
const ANNOUNCE_QUIET_MS = 5_000;
/** Two announcements never come closer than this: the second would cut the first short. */
const ANNOUNCE_GAP_MS = 1_500;
/**
 * How long after a break appears its access keys and keyboard-pressed buttons wait:
 * someone typing in their work window when the break takes the focus must not
 * postpone or skip it by the next letter they type.
 */
export const ARM_AFTER_MS = 1500;

/** The mark the time left `ms` has reached: 4:00 while 4:00 to 3:01 is left, then 0:50… */
function markOf(ms: number): number {
  const every = ms > ANNOUNCE_EVERY_LONG_MS ? ANNOUNCE_EVERY_LONG_MS : ANNOUNCE_EVERY_MS;
  return Math.ceil(ms / every) * every;
}
const RING_RADIUS = 44;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

/** Each exercise's share of the break: its own time plus an even share of the rest. */
function routineSlots(exercises: readonly CardExercise[], totalMs: number): number[] {
  const dosesMs = exercises.reduce((sum, exercise) => sum + exercise.seconds * 1000, 0);
  const spare = Math.max(0, totalMs - dosesMs) / Math.max(1, exercises.length);
  return exercises.map((exercise) => exercise.seconds * 1000 + spare);
}

type Screen =
  | { name: 'idle' }
  | { name: 'active'; shown: BreakPayload }
  | { name: 'ended'; outcome: 'completed' | 'skipped' | 'postponed'; text: string };

export function mount(root: HTMLElement, { api, t, language, navigate }: PageContext): MountedPage {
  document.body.classList.add('break-page');
  const out = litRoot(root);
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const time = createTimeFormat(language);
  // The access keys are the first letters of the words in this language (P/S, V/Ü…).
  const postponeKey = t('breaks:keys.postpone');
  const skipKey = t('breaks:keys.skip');

  let screen: Screen = { name: 'idle' };
  let error = '';
  let index = 0;
  let slots: number[] = [];
  let stepStartedAt = 0;
  let skew = 0;
  let armed = false;
  let armTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let ticker: ReturnType<typeof setTimeout> | undefined;
  let lastAnnounced = 0;
  /** A new exercise's name that came too soon after the time left, said once the gap has passed. */
  let pendingAnnouncement: string | null = null;
  let lastMark = 0;
  let lastSecond = -1;
  const cards = new Map<string, HTMLElement>();

  const heading = createRef<HTMLElement>();
  const progress = createRef<SVGCircleElement>();
  const timeText = createRef<HTMLElement>();
  const liveRegion = createRef<HTMLElement>();

  const hostNow = () => Date.now() + skew;
  const current = () => (screen.name === 'active' ? screen.shown : null);
  const exercises = (): CardExercise[] => current()?.exercises ?? [];

  const card = (exercise: CardExercise) => {
    let shown = cards.get(exercise.id);
    if (!shown) {
      shown = exerciseCard(exercise, t);
      cards.set(exercise.id, shown);
    }
    return shown;
  };

  const announce = (text: string) => {
    // Cleared first so the same words are read again; only the live region changes.
    const region = liveRegion.value;
    if (!region) return;
    region.textContent = '';
    requestAnimationFrame(() => {
      region.textContent = text;
    });
  };

  const describe = (exercise: CardExercise | undefined, start: boolean): string => {
    const shown = current();
    if (!shown) return '';
    const kind = t(`breaks:kind.${shown.kind}`);
    if (!exercise) return t('breaks:announce.startNone', { kind });
    const values = { kind, title: exercise.title, dose: exercise.doseText };
    return start ? t('breaks:announce.start', values) : t('breaks:announce.next', values);
  };

  const remainingText = (ms: number) => {
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    return seconds >= 60
      ? t('breaks:announce.remainingMinutes', { count: Math.ceil(seconds / 60) })
      : t('breaks:announce.remaining', { count: seconds });
  };

  const keysHint = (shown: BreakPayload) => {
    const routine = shown.exercises.length > 1;
    if (shown.strictMode) return routine ? t('breaks:break.keysStrict') : '';
    return t(routine ? 'breaks:break.keysRoutine' : 'breaks:break.keys', {
      postponeKey: postponeKey.toUpperCase(),
      skipKey: skipKey.toUpperCase(),
    });
  };

  const activeView = (shown: BreakPayload) => {
    const list = shown.exercises;
    const exercise = list[index];
    const routine = list.length > 1;
    const hint = keysHint(shown);
    return html`
      <div class="break-head">
        <div class="break-title">
          <h1 class="break-kind" id="break-kind" tabindex="-1" data-testid="break-kind" ${ref(heading)}>${t(`breaks:kind.${shown.kind}`)}</h1>
          ${routine ? html`<p class="break-step" data-testid="break-step">${t('breaks:break.exerciseOf', { index: index + 1, total: list.length })}</p>` : nothing}
        </div>
        <div class="break-timer" role="timer" aria-label=${t('breaks:break.remainingLabel')}><svg viewBox="0 0 100 100" class="break-ring" aria-hidden="true" focusable="false"><circle cx="50" cy="50" r=${RING_RADIUS} class="break-ring-track"></circle><circle cx="50" cy="50" r=${RING_RADIUS} class="break-ring-progress" stroke-dasharray=${RING_LENGTH} ${ref(progress)}></circle></svg><p class="break-time" data-testid="break-time" ${ref(timeText)}></p></div>
      </div>
      <div class="break-exercise" data-testid="break-exercise">
        ${exercise ? card(exercise) : html`<p class="break-none">${t('breaks:break.noExercise')}</p>`}
      </div>
      ${
        routine
          ? html`<div class="break-routine-nav">
              <button type="button" class="secondary" data-testid="break-previous"
                ?disabled=${index === 0} @click=${() => step(index - 1)}>${t('breaks:actions.previous')}</button>
              <button type="button" class="secondary" data-testid="break-next"
                ?disabled=${index >= list.length - 1} @click=${() => step(index + 1)}>${t('breaks:actions.next')}</button>
            </div>`
          : nothing
      }
      <div class="break-footer">
        ${
          shown.strictMode
            ? html`<p class="break-note" data-testid="break-strict">${t('breaks:break.strictNote')}</p>`
            : html`<div class="break-actions break-quiet" data-testid="break-actions" data-armed=${armed}>
                <button type="button" class="quiet" data-testid="break-postpone"
                  aria-keyshortcuts=${postponeKey.toUpperCase()} ?disabled=${shown.postponesLeft <= 0}
                  @click=${guarded('postponeBreak')}>${
                    shown.postponesLeft > 0
                      ? t('breaks:actions.postpone', { count: shown.postponesLeft })
                      : t('breaks:actions.postponeNone')
                  }</button>
                <button type="button" class="quiet" data-testid="break-skip"
                  aria-keyshortcuts=${`${skipKey.toUpperCase()} Escape`}
                  @click=${guarded('skipBreak')}>${t('breaks:actions.skip')}</button>
              </div>`
        }
        ${hint ? html`<p class="break-keys">${hint}</p>` : nothing}
      </div>`;
  };

  const idleView = () => html`
    <div class="break-end" data-testid="break-idle">
      <h1 class="break-end-title" tabindex="-1" ${ref(heading)}>${t('breaks:break.none')}</h1>
      <p class="break-idle-hint">${t('breaks:break.noneHint')}</p>
      <div class="break-end-actions">
        <button type="button" data-testid="break-take-now" @click=${() => void act('takeBreakNow')}>
          ${t('breaks:actions.takeNow')}
        </button>
        <button type="button" class="secondary" data-testid="break-back" @click=${() => navigate('status')}>
          ${t('breaks:actions.back')}
        </button>
      </div>
    </div>`;

  const endedView = (ended: Extract<Screen, { name: 'ended' }>) => html`
    <div class="break-end" data-testid="break-idle" data-outcome=${ended.outcome}>
      <h1 class="break-end-title" tabindex="-1" ${ref(heading)}>${t(`breaks:end.${ended.outcome}`)}</h1>
      <p class="break-message" role="status" data-testid="break-message">${ended.text}</p>
      <div class="break-end-actions">
        <button type="button" data-testid="break-back" @click=${() => navigate('status')}>
          ${t('breaks:actions.back')}
        </button>
      </div>
    </div>`;

  const draw = () => {
    out.draw(
      html`<section class="break-screen" aria-labelledby="break-kind" data-testid="break"
        data-screen=${screen.name}>
        ${screen.name === 'active' ? activeView(screen.shown) : screen.name === 'ended' ? endedView(screen) : idleView()}
        <p class="error" role="alert" data-testid="break-error">${error}</p>
        <p class="visually-hidden" aria-live="polite" data-testid="break-live" ${ref(liveRegion)}></p>
      </section>`,
    );
  };

  const step = (to: number, announceIt = true) => {
    const list = exercises();
    index = Math.min(Math.max(0, to), Math.max(0, list.length - 1));
    stepStartedAt = hostNow();
    draw();
    if (announceIt) {
      const text = describe(list[index], false);
      // The time left waits its turn, so it does not cut the exercise's name short; and
      // a name that falls right after the time left waits for the gap.
      if (hostNow() - lastAnnounced >= ANNOUNCE_GAP_MS) {
        announce(text);
        lastAnnounced = hostNow();
      } else pendingAnnouncement = text;
    }
  };

  /** One look at the clock: ring, text, the routine's step and the occasional announcement. */
  const update = () => {
    const shown = current();
    if (!shown) return;
    const now = hostNow();
    const total = Math.max(1, shown.endsAt - shown.startedAt);
    const left = Math.max(0, shown.endsAt - now);
    progress.value?.style.setProperty(
      'stroke-dashoffset',
      String(RING_LENGTH * (1 - left / total)),
    );
    const second = Math.ceil(left / 1000);
    if (second !== lastSecond && timeText.value) {
      lastSecond = second;
      timeText.value.textContent = reducedMotion.matches
        ? t('breaks:break.endsAt', { time: time(shown.endsAt) })
        : countdown(left);
    }
    const slot = slots[index];
    if (slot !== undefined && index < exercises().length - 1 && now - stepStartedAt >= slot) {
      const started = stepStartedAt + slot;
      step(index + 1);
      stepStartedAt = started;
    }
    if (pendingAnnouncement !== null && now - lastAnnounced >= ANNOUNCE_GAP_MS) {
      announce(pendingAnnouncement);
      pendingAnnouncement = null;
      lastAnnounced = now;
    }
    const mark = markOf(left);
    if (mark !== lastMark) {
      if (mark > 0 && pendingAnnouncement === null && now - lastAnnounced >= ANNOUNCE_QUIET_MS) {
        lastMark = mark;
        lastAnnounced = now;
        announce(remainingText(mark));
      } else if (mark <= ANNOUNCE_EVERY_LONG_MS) {
        // A mark of the last minute (10 s apart) that falls on a new exercise's name is
        // let go: the next comes soon, and saying it late would crowd the next one.
        lastMark = mark;
      }
      // A mark of 2 minutes or more waits until the name has been heard, and is said then
      // ("4 minutes left" holds until 3:00): a routine whose exercises change on the
      // minute would otherwise never say how long is left.
    }
  };

  const stopClock = () => {
    cancelAnimationFrame(frame);
    clearTimeout(ticker);
  };

  const startClock = () => {
    stopClock();
    // Nothing ticks while the break is not on screen (a hidden window, another tab).
    if (!current() || document.visibilityState === 'hidden') return;
    if (reducedMotion.matches) {
      // No moving ring: the text changes, at most once a second.
      const tick = () => {
        update();
        ticker = setTimeout(tick, 1000 - (hostNow() % 1000) + 5);
      };
      tick();
    } else {
      const loop = () => {
        update();
        frame = requestAnimationFrame(loop);
      };
      frame = requestAnimationFrame(loop);
    }
  };

  const focusHeading = () => heading.value?.focus({ preventScroll: true });

  const showBreak = (shown: BreakPayload) => {
    const wasShowing = current()?.startedAt === shown.startedAt;
    screen = { name: 'active', shown };
    skew = shown.now - Date.now();
    error = '';
    slots = routineSlots(shown.exercises, shown.endsAt - shown.startedAt);
    stepStartedAt = shown.startedAt;
    // Joining a routine midway (a window opened late): find the exercise due now.
    let due = 0;
    while (due < slots.length - 1 && hostNow() - stepStartedAt >= slots[due]!) {
      stepStartedAt += slots[due]!;
      due++;
    }
    index = due;
    if (!wasShowing) {
      armed = false;
      clearTimeout(armTimer);
      armTimer = setTimeout(() => {
        armed = true;
        draw();
      }, ARM_AFTER_MS);
    }
    draw();
    lastSecond = -1;
    pendingAnnouncement = null;
    lastAnnounced = hostNow();
    lastMark = markOf(shown.endsAt - lastAnnounced);
    announce(describe(exercises()[index], true));
    startClock();
    focusHeading();
  };

  /** After a postpone: when the break comes back (the postpone setting), and how many postpones remain. */
  const describePostponed = async (): Promise<string> => {
    const [status, settings] = await Promise.all([api.call('getStatus'), api.call('getSettings')]);
    const postpone = settings.effective.postpone as { duration?: unknown } | undefined;
    const parsed = parseDuration(String(postpone?.duration ?? ''));
    const ms = parsed.ok ? parsed.ms : (status.nextBreak?.dueAt ?? status.now) - status.now;
    const duration = formatCountdown(t, ms);
    return status.postponesLeft > 0
      ? t('breaks:break.postponed', { count: status.postponesLeft, duration })
      : t('breaks:break.postponedLast', { duration });
  };

  const showEnd = (shown: BreakPayload) => {
    stopClock();
    clearTimeout(armTimer);
    const outcome = shown.outcome ?? 'completed';
    const text =
      outcome === 'skipped'
        ? t('breaks:break.skipped')
        : outcome === 'completed'
          ? t('breaks:break.completed')
          : '';
    screen = { name: 'ended', outcome, text };
    draw();
    focusHeading();
    if (outcome === 'postponed') {
      void describePostponed().then((words) => {
        if (screen.name === 'ended' && screen.outcome === 'postponed') {
          screen = { ...screen, text: words };
          draw();
        }
      });
    }
  };

  const act = async (name: 'postponeBreak' | 'skipBreak' | 'takeBreakNow') => {
    error = '';
    draw();
    try {
      const result = await api.call(name);
      if (!result.ok) error = t('breaks:break.refused', { reason: refusalText(t, result) });
      else if (name === 'takeBreakNow' && !current()) {
        const shown = await api.call('getCurrentBreak');
        if (shown) showBreak(shown);
      }
    } catch (failure) {
      error = t('breaks:break.refused', { reason: (failure as Error).message });
    }
    draw();
  };

  /** A click by mouse always counts; one by Enter or Space only once the break is armed. */
  function guarded(name: 'postponeBreak' | 'skipBreak') {
    return (event: MouseEvent) => {
      const byKeyboard = event.detail === 0;
      if (byKeyboard && !armed) return;
      void act(name);
    };
  }

  const onKey = (event: KeyboardEvent) => {
    const shown = current();
    if (!shown || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const strict = shown.strictMode;
    const routine = shown.exercises.length > 1;
    if (key === 'escape' || key === skipKey) {
      event.preventDefault();
      // Strict mode: Escape does not dismiss the break.
      if (!strict && armed) void act('skipBreak');
    } else if (key === postponeKey) {
      event.preventDefault();
      if (!strict && armed && shown.postponesLeft > 0) void act('postponeBreak');
    } else if (key === 'arrowright' && routine && index < shown.exercises.length - 1) {
      event.preventDefault();
      step(index + 1);
    } else if (key === 'arrowleft' && routine && index > 0) {
      event.preventDefault();
      step(index - 1);
    }
  };
  document.addEventListener('keydown', onKey);

  const onBreak = (shown: BreakPayload) => {
    if (shown.phase === 'start') showBreak(shown);
    else if (current()) showEnd(shown);
  };
  const unsubscribe = api.on('break', onBreak);
  const onClockChange = () => {
    lastSecond = -1;
    startClock();
  };
  reducedMotion.addEventListener('change', onClockChange);
  document.addEventListener('visibilitychange', onClockChange);

  draw();
  void api.call('getCurrentBreak').then((shown) => {
    if (shown && !current()) showBreak(shown);
  });

  return {
    unmount() {
      stopClock();
      clearTimeout(armTimer);
      unsubscribe();
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onClockChange);
      reducedMotion.removeEventListener('change', onClockChange);
      document.body.classList.remove('break-page', 'break-on');
      out.clear();
    },
  };
}
