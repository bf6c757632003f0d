import {
  type HandlersFor,
  THERAPY_START_REFUSALS,
  type TherapyStartRefusal,
  type TherapyView,
  type therapyCalls,
} from '../../contract/contract';
import { isPathLocked } from '../../contract/locks';
import type { TimelineEvent } from '../../core/breaks/api';
import {
  canDismissSafetyStep,
  safetyStepsFor,
  THERAPY_CAUTIONS,
  THERAPY_CHOICE_VALUES,
  THERAPY_CHOICES,
  type TherapyKind,
  therapySafetyValues,
} from '../../core/content/therapy-safety';
import {
  CHOOSING,
  checkTherapyStart,
  nextPossibleAt,
  type TherapyFlow,
  type TherapyFlowEvent,
  type TherapyPhase,
  type TherapyStartCheck,
  therapyView,
  transition,
} from '../../core/therapy/flow';
import { type SavedTherapySession, sessionAfterRestart } from '../../core/therapy/restart';
import { therapyCapMinutes } from '../../core/therapy/session';
import { MINUTE } from '../../core/time/duration';
import { localDateTime } from '../../core/time/zoned';
import type { AppContext } from '../context';
import { type HistoryRecord, logRefusal } from '../ports';
import type { TherapyPrefsStore } from '../therapy-prefs';
import { memoryTherapySessionStore, type TherapySessionStore } from '../therapy-session-store';

/**
 * Heat and ice sessions for the person at the desk. The timer service runs the session
 * and says when it ends; this feature keeps what the person lives through
 * (core/therapy/flow.ts): the end waiting to be acknowledged, the rest before the next
 * session of that kind, the safety steps they chose to hide. Sessions go into the
 * history, and the rest is read back from it, so a restart does not shorten it.
 *
 * The session on now is also kept on disk (`sessions`) from its start until it is
 * stopped or its end acknowledged. On opening, a session an earlier run left there is
 * run on to its original end, or, if that has passed, its end is recorded once and the
 * person asked to take the pack off (core/therapy/restart.ts decides which).
 */
export interface TherapyFeature {
  handlers: HandlersFor<typeof therapyCalls>;
  view(): TherapyView;
  dispose(): void;
}

export const THERAPY_HISTORY_TYPE = 'therapy-end';

function isKind(value: unknown): value is TherapyKind {
  return value === 'heat' || value === 'ice';
}

/** When each kind last ended, from the history's `therapy-end` records. */
export function lastEndedFromHistory(records: HistoryRecord[]): TherapyFlow['lastEndedAt'] {
  const last: TherapyFlow['lastEndedAt'] = {};
  for (const record of records) {
    if (record.type !== THERAPY_HISTORY_TYPE || !isKind(record.kind)) continue;
    last[record.kind] = Math.max(last[record.kind] ?? Number.NEGATIVE_INFINITY, record.at);
  }
  return last;
}

/** The later of two records of when each kind last ended. */
function latestEnds(
  a: TherapyFlow['lastEndedAt'],
  b: TherapyFlow['lastEndedAt'],
): TherapyFlow['lastEndedAt'] {
  const ends: TherapyFlow['lastEndedAt'] = { ...a };
  for (const kind of ['heat', 'ice'] as const) {
    const at = b[kind];
    if (at !== undefined) ends[kind] = Math.max(ends[kind] ?? at, at);
  }
  return ends;
}

/** The history's record of the end of a saved session, if an earlier run wrote one. */
export function recordedEndOf(
  records: HistoryRecord[],
  saved: Pick<SavedTherapySession, 'kind' | 'startedAt'>,
): HistoryRecord | undefined {
  return records.find(
    (record) =>
      record.type === THERAPY_HISTORY_TYPE &&
      record.kind === saved.kind &&
      record.startedAt === saved.startedAt,
  );
}

export function createTherapyFeature(
  ctx: AppContext,
  prefs: TherapyPrefsStore,
  sessions: TherapySessionStore = memoryTherapySessionStore(),
): TherapyFeature {
  let dismissed = prefs.load().dismissedSafetySteps;
  let flow: TherapyFlow = CHOOSING;
  let past: HistoryRecord[] = [];
  try {
    past = ctx.history.read();
  } catch (error) {
    ctx.logger.warn(`therapy: could not read past sessions (${(error as Error).message})`);
  }
  // The last ends are kept with the session record too: clearing the history lifts no rest.
  flow = { ...CHOOSING, lastEndedAt: latestEnds(lastEndedFromHistory(past), sessions.lastEnds()) };

  const limits = () => ctx.settings.effective().therapy;
  const capManaged = () => isPathLocked('therapy.capMinutes', ctx.settings.locked());

  /**
   * The timer reads a running session's end on the wall clock as it is now, so a clock
   * set back or forward shows at once, not only when the timer next wakes.
   */
  const followClockChanges = () => {
    const running = ctx.timer.status().therapy;
    if (running && flow.phase.name === 'running' && flow.phase.session.endsAt !== running.endsAt) {
      flow = transition(flow, { type: 'rescheduled', endsAt: running.endsAt });
    }
  };

  const view = (): TherapyView => {
    followClockChanges();
    const now = ctx.clock.now();
    const therapy = limits();
    const hidden = new Set(dismissed);
    const steps = (kind: TherapyKind) =>
      safetyStepsFor(kind, hidden).map(({ id, alwaysShown }) => ({ id, alwaysShown }));
    const cautions = (kind: TherapyKind) =>
      THERAPY_CAUTIONS.filter((c) => (c.appliesTo as readonly TherapyKind[]).includes(kind)).map(
        ({ id, action }) => ({ id, action }),
      );
    const values = therapySafetyValues(therapy);
    return {
      state: therapyView(flow, now, therapy),
      nextPossibleAt: {
        heat: nextPossibleAt(flow, 'heat', now, therapy),
        ice: nextPossibleAt(flow, 'ice', now, therapy),
      },
      capMinutes: therapyCapMinutes(therapy),
      capManaged: capManaged(),
      defaultMinutes: values.defaultMinutes,
      restMinutes: values.restMinutes,
      safety: {
        steps: { heat: steps('heat'), ice: steps('ice') },
        cautions: { heat: cautions('heat'), ice: cautions('ice') },
        choices: THERAPY_CHOICES.map(({ id, kind }) => ({ id, kind })),
        values: { ...values, ...THERAPY_CHOICE_VALUES },
        dismissed: [...dismissed],
      },
      now,
    };
  };

  const publish = () => ctx.emit('therapy', view());

  /** One `therapy-end` line in the history; a failure to write it is logged, never thrown. */
  const recordEnd = (end: {
    at: number;
    kind: TherapyKind;
    minutes: number;
    startedAt: number;
    outcome: 'completed' | 'stopped';
    lateBy: number;
    whileClosed?: true;
  }) => {
    const { lateBy, whileClosed, ...rest } = end;
    try {
      ctx.history.append({
        ...rest,
        type: THERAPY_HISTORY_TYPE,
        ...(lateBy > 0 ? { lateBy } : {}),
        ...(whileClosed ? { whileClosed } : {}),
      });
    } catch (error) {
      ctx.logger.error(`therapy: could not record the session (${(error as Error).message})`);
    }
  };

  const record = (event: Extract<TherapyFlowEvent, { type: 'ended' }>, before: TherapyFlow) => {
    if (before.phase.name !== 'running') return;
    const { session } = before.phase;
    const after = flow.phase;
    const lateBy = after.name === 'ended' ? after.lateBy : 0;
    const endedAt = after.name === 'ended' ? after.endedAt : event.at;
    recordEnd({
      at: endedAt,
      kind: session.kind,
      minutes: session.minutes,
      startedAt: session.endsAt - session.minutes * MINUTE,
      outcome: event.outcome,
      lateBy,
    });
  };

  /** The session on disk follows the phase: written while on, gone once over and acknowledged. */
  const keepOnDisk = (before: TherapyPhase, after: TherapyPhase) => {
    try {
      if (after.name === 'running') {
        const { kind, minutes, endsAt } = after.session;
        sessions.save({ kind, minutes, startedAt: endsAt - minutes * MINUTE, endsAt });
      } else if (after.name === 'ended' && before.name === 'running') {
        // Told now: a restart before it is acknowledged asks again, without "while closed".
        const { kind, minutes, endsAt } = after.session;
        const startedAt = endsAt - minutes * MINUTE;
        const endNoticedAt = after.endedAt + after.lateBy;
        sessions.save({ kind, minutes, startedAt, endsAt, endNoticedAt });
      } else if (after.name === 'choosing') {
        sessions.clear();
      }
    } catch (error) {
      const message = (error as Error).message;
      ctx.logger.error(`therapy: could not keep the session on disk (${message})`);
      ctx.notices.add({ id: 'storage-failed', detail: message });
    }
  };

  /** The last end of each kind goes with the session record, whatever happens to the history. */
  const keepLastEnds = (before: TherapyFlow) => {
    if (before.lastEndedAt === flow.lastEndedAt) return;
    try {
      sessions.saveLastEnds(flow.lastEndedAt);
    } catch (error) {
      ctx.logger.error(`therapy: could not keep the last end (${(error as Error).message})`);
    }
  };

  const apply = (event: TherapyFlowEvent) => {
    const before = flow;
    flow = transition(flow, event);
    if (flow === before) return;
    if (event.type === 'ended') record(event, before);
    keepOnDisk(before.phase, flow.phase);
    keepLastEnds(before);
    publish();
  };

  /** A session an earlier run of the app left on disk: run it on, or ask for the pack off. */
  const restore = () => {
    const found = sessions.load();
    if (found.status === 'none') return;
    if (found.status === 'unreadable') {
      // The store has logged why; the person hears that a pack may still be on.
      ctx.notices.add({ id: 'therapy-session-unreadable', detail: found.movedTo ?? found.reason });
      return;
    }
    const saved = found.session;
    const recorded = recordedEndOf(past, saved);
    if (recorded?.outcome === 'stopped') {
      // Stopped, and the app closed before the file went: nothing is on the skin.
      keepOnDisk(flow.phase, CHOOSING.phase);
      return;
    }
    const now = ctx.clock.now();
    let next = sessionAfterRestart(saved, now, therapyCapMinutes(limits()));
    // A code, not the saved kind or length: the log is not a record of the person's sessions.
    if (next.adjusted) {
      const code = saved.startedAt > now ? 'clock-set-back' : 'cut-back';
      ctx.logger.warn(`restart: a saved timer was adjusted (${code})`);
    }
    if (next.cappedTo !== null) {
      ctx.notices.add({ id: 'therapy-capped-on-restart', detail: String(next.cappedTo) });
    }
    if (next.name === 'resume') {
      if (!recorded) {
        const resumed = ctx.timer.resumeTherapy(next.session);
        if (resumed.ok) {
          ctx.logger.info('restart: a saved timer runs on');
          return;
        }
        ctx.logger.warn('restart: a saved timer could not run on; it ends now');
      }
      // Whatever stopped it from running on, the safe answer is: take the pack off now.
      next = { ...next, name: 'ended', endedAt: now, lateBy: 0, whileClosed: true };
    }
    const { session, endedAt, lateBy, whileClosed } = next;
    apply({ type: 'found-ended', session, endedAt, lateBy, whileClosed });
    if (recorded || !whileClosed) return;
    recordEnd({
      at: endedAt,
      kind: session.kind,
      minutes: session.minutes,
      startedAt: saved.startedAt,
      outcome: 'completed',
      lateBy,
      whileClosed: true,
    });
  };

  /** The timer service's timeline is the source of truth for start and end. */
  const onTimeline = (event: TimelineEvent) => {
    const running = ctx.timer.status().therapy ?? null;
    if ((event.type === 'therapy-start' || event.type === 'therapy-resumed') && running) {
      apply({
        type: 'started',
        session: { kind: running.kind, minutes: running.minutes, endsAt: running.endsAt },
      });
    } else if (event.type === 'therapy-end') {
      apply({
        type: 'ended',
        outcome: event.outcome === 'stopped' ? 'stopped' : 'completed',
        at: event.at,
      });
    } else if (
      running &&
      flow.phase.name === 'running' &&
      flow.phase.session.endsAt !== running.endsAt
    ) {
      // A clock change or a wake from sleep moves the end on the wall clock.
      apply({ type: 'rescheduled', endsAt: running.endsAt });
    }
  };

  /** A refusal as a code and the numbers its words need (locales `refusals.therapy-<code>`). */
  const refusal = (
    check: Extract<TherapyStartCheck, { ok: false }>,
    kind: TherapyKind,
    minutes: number,
  ) => {
    const cap = therapyCapMinutes(limits());
    const params: Record<string, string | number> = { kind, minutes, cap };
    if (check.code === 'resting' && check.nextPossibleAt !== undefined) {
      const local = localDateTime(check.nextPossibleAt, ctx.timeZone);
      params.time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
    }
    const code: TherapyStartRefusal =
      check.code === 'over-cap' && capManaged() ? 'over-policy-cap' : check.code;
    return { code, params };
  };

  const unsubscribers = [
    ctx.timer.onEvent(onTimeline),
    // The cap, the default and the rest follow the settings.
    ctx.settings.onChange(publish),
  ];
  try {
    restore();
  } catch (error) {
    // Never a reason not to open; the file stays for the next start to try again.
    ctx.logger.error(`therapy: could not look for a saved session (${(error as Error).message})`);
  }

  const handlers: HandlersFor<typeof therapyCalls> = {
    getTherapy: () => view(),
    startTherapy: ({ kind, minutes }) => {
      const check = checkTherapyStart(flow, { kind, minutes }, ctx.clock.now(), limits());
      if (!check.ok) {
        // The person is told why; the log keeps no kind, length or time (docs/security.md).
        logRefusal(ctx.logger, check.code);
        return {
          ok: false,
          ...refusal(check, kind, minutes),
          ...(check.nextPossibleAt !== undefined ? { nextPossibleAt: check.nextPossibleAt } : {}),
        };
      }
      // The service checks again on its own clock: it is the one that runs the session.
      const started = ctx.timer.startTherapy({ kind, minutes: check.minutes });
      if (started.ok) return started;
      logRefusal(ctx.logger, 'timer-rule');
      // Rare: the check above passed a moment ago. The timer's codes are `therapy-<code>`.
      const code = THERAPY_START_REFUSALS.find((c) => started.code === `therapy-${c}`) ?? 'running';
      return { ok: false, code, params: { kind, minutes, ...started.params } };
    },
    stopTherapy: () => ctx.timer.stopTherapy(),
    acknowledgeTherapyEnd: () => {
      if (flow.phase.name !== 'ended') {
        return { ok: false, code: 'therapy-nothing-to-acknowledge' };
      }
      apply({ type: 'acknowledged' });
      return { ok: true };
    },
    dismissSafetySteps: ({ ids }) => {
      const refused = ids.filter((id) => !canDismissSafetyStep(id));
      if (refused.length > 0) {
        return {
          ok: false,
          code: 'therapy-step-always-shown',
          params: { steps: refused.join(', ') },
        };
      }
      const next = [...new Set([...dismissed, ...ids])];
      try {
        prefs.save({ dismissedSafetySteps: next });
      } catch (error) {
        ctx.logger.error(`therapy: could not save preferences (${(error as Error).message})`);
        return { ok: false, code: 'save-failed' };
      }
      dismissed = next;
      publish();
      return { ok: true };
    },
    showAllSafetySteps: () => {
      try {
        prefs.save({ dismissedSafetySteps: [] });
      } catch (error) {
        ctx.logger.error(`therapy: could not save preferences (${(error as Error).message})`);
        return { ok: false, code: 'save-failed' };
      }
      dismissed = [];
      publish();
      return { ok: true };
    },
  };

  return {
    handlers,
    view,
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}
