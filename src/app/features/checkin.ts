import type {
  CheckinAdviceView,
  CheckinDue,
  CheckinView,
  checkinCalls,
  HandlersFor,
} from '../../contract/contract';
import {
  CHECKIN_RECORD,
  checkinReport,
  checkinsFromHistory,
  daysForWeeks,
} from '../../core/checkin/records';
import { CHECKIN_ROUTINE_ID } from '../../core/checkin/routine';
import type { DatedCheckin } from '../../core/checkin/trend';
import {
  type CheckinAdvice,
  checkAnswers,
  checkinRedFlagSigns,
  triageCheckin,
} from '../../core/checkin/triage';
import { formatLocalDate, localDateTime } from '../../core/time/zoned';
import type { AppContext } from '../context';
import { organisationLinks } from './health';

export const DEFAULT_CHECKIN_WEEKS = 12;

const view = (checkin: DatedCheckin): CheckinView => ({
  at: checkin.at,
  date: checkin.date,
  pain: checkin.pain,
  interference: checkin.interference,
  redFlags: { ...checkin.redFlags },
});

/**
 * The weekly upper-back check-in. Its answers go to the local history only, under the
 * same retention as the rest, and never to the log: not the scores, not the red-flag
 * answers, not that a check-in was answered. The reminder is the timer service's
 * `weekly-checkin` routine, armed only while the person has it on; it pushes
 * `checkin-due`, which the UI shows as a banner.
 */
export function checkinHandlers(ctx: AppContext): HandlersFor<typeof checkinCalls> {
  let due: CheckinDue = { due: false, since: null };
  const setDue = (next: CheckinDue) => {
    due = next;
    ctx.emit('checkin-due', due);
  };
  const enabled = () => ctx.settings.effective().checkin.enabled;
  ctx.timer.onEvent((event) => {
    if (event.type === 'routine' && event.id === CHECKIN_ROUTINE_ID && enabled()) {
      setDue({ due: true, since: event.at });
    }
  });

  const stored = () => checkinsFromHistory(ctx.history.read(), ctx.timeZone);
  const adviceView = (advice: CheckinAdvice): CheckinAdviceView =>
    advice.kind === 'see-professional'
      ? { ...advice, source: [...advice.source], links: organisationLinks(ctx) }
      : advice.kind === 'red-flag'
        ? { ...advice, source: [...advice.source] }
        : advice;
  const report = async (weeks = DEFAULT_CHECKIN_WEEKS) => {
    const stats = await ctx.history.stats(daysForWeeks(ctx.clock.now(), ctx.timeZone, weeks));
    return checkinReport(stats.daily, ctx.history.read(), ctx.timeZone);
  };

  return {
    getCheckin: () => {
      const checkins = stored();
      const latest = checkins.at(-1);
      return {
        enabled: enabled(),
        due,
        questions: {
          emergency: checkinRedFlagSigns('emergency'),
          urgent: checkinRedFlagSigns('urgent'),
        },
        latest: latest ? view(latest) : null,
        advice: adviceView(triageCheckin(checkins)),
      };
    },

    setCheckinEnabled: ({ enabled: on }) => {
      const result = ctx.settings.update({ checkin: { enabled: on } });
      if (result.ok && !on && due.due) setDue({ due: false, since: null });
      return result;
    },

    submitCheckin: (answers) => {
      const check = checkAnswers(answers);
      if (!check.ok) return { ok: false, reason: check.error };
      const at = ctx.clock.now();
      const record = {
        at,
        type: CHECKIN_RECORD,
        pain: answers.pain,
        interference: answers.interference,
        redFlags: { ...answers.redFlags },
      };
      try {
        ctx.history.append(record);
      } catch {
        // The history has logged and noticed the disk's error; the answers stay out of the log.
        return {
          ok: false,
          reason: 'your answers could not be saved; check there is free disk space and try again',
        };
      }
      if (due.due) setDue({ due: false, since: null });
      const checkin: DatedCheckin = {
        ...record,
        date: formatLocalDate(localDateTime(at, ctx.timeZone)),
      };
      // Everything kept, with this answer even if the store reads it back later.
      const others = stored().filter((c) => c.at !== at);
      return {
        ok: true,
        checkin: view(checkin),
        advice: adviceView(triageCheckin([...others, checkin])),
      };
    },

    dismissCheckinDue: () => {
      if (due.due) setDue({ due: false, since: null });
      return due;
    },

    getCheckinTrend: async ({ weeks }) => (await report(weeks)).weeks,

    getCheckinSummary: async ({ weeks }) => {
      const { weeks: rows, checkins, latestChecklist } = await report(weeks);
      return {
        generatedAt: ctx.clock.now(),
        timeZone: ctx.timeZone,
        enabled: enabled(),
        weeks: rows,
        checkins: checkins.map(view),
        latestChecklist,
      };
    },
  };
}
