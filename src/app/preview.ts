import type { BreakKind } from '../core/breaks/api';
import { createTimerService } from '../core/breaks/service';
import { weekdayName, workIntervalOn } from '../core/schedule/work-hours';
import type { Settings, Weekday } from '../core/settings/settings';
import { formatDuration } from '../core/time/duration';
import { VirtualClock } from '../core/time/virtual-clock';
import {
  addDays,
  formatLocalDate,
  formatLocalIso,
  type LocalDate,
  localDateTime,
  localToEpoch,
  repeatedWallTimePass,
} from '../core/time/zoned';

/**
 * `unhunch preview`: the breaks a configuration plans for one working day, from the
 * real timer service on a virtual clock, for a user who works throughout and takes
 * every break when it is shown.
 */
export interface PlannedDayBreak {
  at: string;
  /**
   * HH:MM on the wall clock; in the hour repeated when clocks fall back, followed by
   * "(first time)" or "(second time)" so the two are told apart.
   */
  time: string;
  kind: BreakKind;
  duration: string;
}

export interface DayPlan {
  date: string;
  weekday: Weekday;
  timeZone: string;
  /** null: work hours are "always" and the whole day is shown. */
  workHours: { from: string; to: string } | null;
  working: boolean;
  breaks: PlannedDayBreak[];
  routines: { at: string; time: string; id: string }[];
  /** Sit-stand prompts (`sitStand`); empty when the rhythm is off. */
  posture: { at: string; time: string; to: 'sit' | 'stand' | 'move' }[];
  totals: { micro: number; long: number; breakTime: string };
}

const hhmm = (epochMs: number, zone: string) => {
  const local = localDateTime(epochMs, zone);
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  const pass = repeatedWallTimePass(epochMs, zone);
  return pass === null ? time : `${time} (${pass} time)`;
};

export function planDay(settings: Settings, date: LocalDate, zone: string): DayPlan {
  const hours = settings.workHours;
  const interval = hours
    ? workIntervalOn(date, hours, zone)
    : {
        start: localToEpoch(date, 0, 0, 0, zone).epochMs,
        end: localToEpoch(addDays(date, 1), 0, 0, 0, zone).epochMs,
      };
  const plan: DayPlan = {
    date: formatLocalDate(date),
    weekday: weekdayName(date),
    timeZone: zone,
    workHours: hours ? { from: hours.from, to: hours.to } : null,
    working: interval !== null,
    breaks: [],
    routines: [],
    posture: [],
    totals: { micro: 0, long: 0, breakTime: '0s' },
  };
  if (!interval) return plan;

  const clock = new VirtualClock(interval.start);
  const service = createTimerService({ clock, settings, timeZone: zone });
  let breakMs = 0;
  service.onEvent((event) => {
    if (event.type === 'break-start') {
      const length = event.endsAt - event.at;
      breakMs += length;
      plan.totals[event.kind]++;
      plan.breaks.push({
        at: formatLocalIso(event.at, zone),
        time: hhmm(event.at, zone),
        kind: event.kind,
        duration: formatDuration(length),
      });
    } else if (event.type === 'posture-change') {
      plan.posture.push({
        at: formatLocalIso(event.at, zone),
        time: hhmm(event.at, zone),
        to: event.to,
      });
    } else if (event.type === 'routine') {
      plan.routines.push({
        at: formatLocalIso(event.at, zone),
        time: hhmm(event.at, zone),
        id: event.id,
      });
    }
  });
  clock.advanceTo(interval.end - interval.start);
  service.dispose();
  plan.totals.breakTime = formatDuration(breakMs);
  return plan;
}

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** The plan as a table for people choosing settings and admins checking a policy. */
export function formatDayPlan(plan: DayPlan): string {
  const day = `${DAY_NAMES[plan.weekday]} ${plan.date} (${plan.timeZone})`;
  if (!plan.working) return `${day} is not a work day in these settings: no breaks planned.\n`;
  const hours = plan.workHours
    ? `work hours ${plan.workHours.from}–${plan.workHours.to}`
    : 'no work hours set: all day';
  // A time in the repeated hour of a fall-back carries "(second time)": the column widens.
  const width = Math.max(5, ...plan.breaks.map((b) => b.time.length));
  const lines = [
    `Breaks planned for ${day}, ${hours}`,
    '',
    `${'TIME'.padEnd(width)}  BREAK  LENGTH`,
  ];
  for (const b of plan.breaks) {
    lines.push(`${b.time.padEnd(width)}  ${b.kind.padEnd(5)}  ${b.duration}`);
  }
  if (plan.breaks.length === 0) lines.push('(none: both kinds of break are off)');
  lines.push(
    '',
    `${plan.breaks.length} breaks: ${plan.totals.micro} micro, ${plan.totals.long} long, ${plan.totals.breakTime} in all.`,
  );
  for (const r of plan.routines) lines.push(`Routine ${r.id} at ${r.time}.`);
  if (plan.posture.length > 0) {
    lines.push('', `Sit-stand prompts (${plan.posture.length}):`);
    for (let i = 0; i < plan.posture.length; i += 6) {
      lines.push(
        plan.posture
          .slice(i, i + 6)
          .map((p) => `${p.time} ${p.to.padEnd(5)}`)
          .join('  ')
          .trimEnd(),
      );
    }
  }
  lines.push(
    'Assumes you work throughout and take each break when shown; idle time counts as a break in the app.',
  );
  return `${lines.join('\n')}\n`;
}
