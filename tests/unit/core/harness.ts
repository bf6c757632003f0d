import type { IdleProbe, TimelineEvent } from '../../../src/core/breaks/api';
import { createTimerService } from '../../../src/core/breaks/service';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings';
import { MINUTE } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';

/** Settings for a test: the defaults with some top-level keys replaced. */
export function settingsWith(patch: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, routines: [], ...patch };
}

/** Always-on work hours and no routines: just the breaks. */
export const ALWAYS = settingsWith({ workHours: null });

export type TimedEvent = TimelineEvent & {
  /** Real minutes since the start. */
  min: number;
};

/** Idle spells in real minutes since the start, answered as powerMonitor does (whole seconds). */
export function idleSpells(
  spells: { from: number; minutes: number }[],
  clock: VirtualClock,
): IdleProbe {
  return () => {
    const now = clock.elapsed();
    const spell = spells.find((s) => s.from * MINUTE <= now && now < (s.from + s.minutes) * MINUTE);
    return spell ? Math.floor((now - spell.from * MINUTE) / 1000) : 0;
  };
}

/** The real timer service on a virtual clock, recording its timeline. */
export function harness(
  options: {
    start?: string;
    zone?: string;
    settings?: Settings;
    idle?: { from: number; minutes: number }[] | false;
  } = {},
) {
  const clock = new VirtualClock(Date.parse(options.start ?? '2026-11-24T09:00:00+01:00'));
  const idle = options.idle === false ? undefined : idleSpells(options.idle ?? [], clock);
  const service = createTimerService({
    clock,
    settings: options.settings ?? ALWAYS,
    timeZone: options.zone ?? 'Europe/Berlin',
    ...(idle ? { idle } : {}),
  });
  const events: TimedEvent[] = [];
  service.onEvent((event) => events.push({ ...event, min: clock.elapsed() / MINUTE }));
  return {
    clock,
    service,
    events,
    /** Let real time run to `minutes` since the start. */
    runTo: (minutes: number) => clock.advanceTo(minutes * MINUTE),
    /** The events of one type, narrowed to that type's fields. */
    of: <T extends TimelineEvent['type']>(type: T) =>
      events.filter((e): e is Extract<TimedEvent, { type: T }> => e.type === type),
    /** "12.5 break-start micro" lines, easy to read in a failing assertion. */
    lines: (types?: string[]) =>
      events
        .filter((e) => !types || types.includes(e.type))
        .map((e) => `${+e.min.toFixed(3)} ${e.type}${'kind' in e ? ` ${e.kind}` : ''}`),
  };
}
