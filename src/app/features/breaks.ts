import type { BreakPayload, breakCalls, HandlersFor, ShownExercise } from '../../contract/contract';
import type { ActionResult, BreakKind, TimelineEvent } from '../../core/breaks/api';
import type { AppContext } from '../context';
import { logRefusal } from '../ports';

/**
 * The break as a person meets it: the timer service decides when, this feature picks
 * what to show (the rotation, through the exercise library) and tells every window.
 * The exercises are picked at the warning, so the notification can name them, and
 * kept through a postpone, so a postponed break comes back with the same stretch.
 */
export interface BreakFeature {
  handlers: HandlersFor<typeof breakCalls>;
  dispose(): void;
}

interface Picked {
  kind: BreakKind;
  exercises: ShownExercise[];
}

export function createBreakFeature(ctx: AppContext): BreakFeature {
  let upcoming: Picked | null = null;
  let current: Omit<BreakPayload, 'now'> | null = null;

  const exercisesFor = (kind: BreakKind): ShownExercise[] => {
    if (
      upcoming?.kind === kind &&
      ctx.exercises.stillEligible(upcoming.exercises.map((exercise) => exercise.id))
    ) {
      return upcoming.exercises;
    }
    const budgetSeconds = Math.floor(ctx.settings.effective().longBreak.durationMs / 1000);
    upcoming = { kind, exercises: ctx.exercises.pick(kind, budgetSeconds) };
    return upcoming.exercises;
  };

  const choices = () => {
    const status = ctx.timer.status();
    return {
      postponesLeft: status.postponesLeft,
      skipsLeft: status.skipsLeftToday,
      strictMode: ctx.settings.effective().strictMode,
    };
  };

  const ended = (outcome: NonNullable<BreakPayload['outcome']>) => {
    if (!current) return;
    const payload: BreakPayload = { ...current, phase: 'end', outcome, now: ctx.clock.now() };
    current = null;
    ctx.emit('break', payload);
  };

  /** Someone set the clock: the break on screen ends when it did, at another wall time. */
  const clockSet = () => {
    const running = ctx.timer.status().currentBreak;
    const now = ctx.clock.now();
    // A break due to end now ends at once; telling its new times first would only flicker.
    if (!current || !running || running.endsAt === current.endsAt || running.endsAt <= now) return;
    current = { ...current, startedAt: running.startedAt, endsAt: running.endsAt };
    ctx.emit('break', { ...current, now });
  };

  const onTimerEvent = (event: TimelineEvent) => {
    switch (event.type) {
      case 'clock-jump':
        return clockSet();
      case 'break-warning': {
        const exercises = exercisesFor(event.kind);
        ctx.emit('break-warning', {
          kind: event.kind,
          dueAt: event.dueAt,
          inSeconds: Math.max(0, Math.round((event.dueAt - event.at) / 1000)),
          exercises: exercises.map(({ id, title }) => ({ id, title })),
          postponesLeft: choices().postponesLeft,
          strictMode: choices().strictMode,
        });
        return;
      }
      case 'break-start': {
        current = {
          phase: 'start',
          kind: event.kind,
          startedAt: event.at,
          endsAt: event.endsAt,
          exercises: exercisesFor(event.kind),
          ...choices(),
        };
        ctx.emit('break', { ...current, now: ctx.clock.now() });
        return;
      }
      case 'break-postponed':
        // The same exercises wait for the postponed break.
        if (current) upcoming = { kind: current.kind, exercises: current.exercises };
        ended('postponed');
        return;
      case 'break-end':
        upcoming = null;
        ended(event.outcome === 'skipped' ? 'skipped' : 'completed');
        return;
    }
  };
  const unsubscribe = ctx.timer.onEvent(onTimerEvent);

  // The log keeps a code, never which break action was refused (docs/security.md).
  const act = (action: () => ActionResult): ActionResult => {
    const result = action();
    if (!result.ok) logRefusal(ctx.logger, 'timer-rule');
    ctx.publishStatus();
    return result;
  };

  return {
    handlers: {
      getCurrentBreak: () => {
        // A break the timer has already ended (the host slept through it) is not current.
        const running = ctx.timer.status().currentBreak;
        if (!current || running === null) return null;
        // Its times on the wall clock as it reads now, in case someone has set it since.
        const { startedAt, endsAt } = running;
        return { ...current, startedAt, endsAt, ...choices(), now: ctx.clock.now() };
      },
      takeBreakNow: () => act(() => ctx.timer.takeBreak()),
      postponeBreak: () => act(() => ctx.timer.postponeBreak()),
      skipBreak: () => act(() => ctx.timer.skipBreak()),
    },
    dispose: unsubscribe,
  };
}
