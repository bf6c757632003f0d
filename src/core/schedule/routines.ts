import type { Routine } from '../settings/settings';
import { type CronSchedule, nextCronMatch, parseCron } from './cron';

/**
 * Routines (e.g. the weekly checklist re-check) as wall-clock instants in the user's
 * zone. Each keeps its next run as an absolute wall time and when it last ran, so
 * setting the clock back never runs it twice and a jump forward past it runs it once.
 */
export interface RoutineTimer {
  id: string;
  schedule: CronSchedule | null;
  nextAt: number | null;
  lastRanAt: number | null;
}

export function planRoutines(
  routines: readonly Routine[],
  now: number,
  zone: string,
  previous: readonly RoutineTimer[] = [],
): RoutineTimer[] {
  return routines.map((routine) => {
    const parsed = parseCron(routine.cron);
    // An expression the edges let through but the core cannot read never runs rather than crashing.
    const schedule = parsed.ok ? parsed.schedule : null;
    const lastRanAt = previous.find((p) => p.id === routine.id)?.lastRanAt ?? null;
    return { id: routine.id, schedule, lastRanAt, nextAt: nextRun(schedule, now, lastRanAt, zone) };
  });
}

function nextRun(
  schedule: CronSchedule | null,
  now: number,
  lastRanAt: number | null,
  zone: string,
) {
  return schedule ? nextCronMatch(schedule, Math.max(now, lastRanAt ?? now), zone) : null;
}

/** The routines due by `now`, each once however many matches a jump skipped. */
export function runDueRoutines(
  timers: readonly RoutineTimer[],
  now: number,
  zone: string,
): { ran: string[]; timers: RoutineTimer[] } {
  const ran: string[] = [];
  const next = timers.map((timer) => {
    if (timer.nextAt === null || timer.nextAt > now) return timer;
    ran.push(timer.id);
    return { ...timer, lastRanAt: now, nextAt: nextRun(timer.schedule, now, now, zone) };
  });
  return { ran, timers: next };
}
