import type { TFunction } from 'i18next';
import { z } from 'zod';
import { refusalText } from '../contract/i18n';
import {
  effectiveSettings,
  formatIssues,
  policySchema,
  settingsFileSchema,
} from '../contract/settings';
import type { ActionResult, TimelineEvent } from '../core/breaks/api';
import { createTimerService } from '../core/breaks/service';
import { FOCUS_SIGNALS, type FocusSignal } from '../core/focus/signals';
import { parseClockTime } from '../core/schedule/work-hours';
import type { Settings } from '../core/settings/settings';
import { parseDuration } from '../core/time/duration';
import { VirtualClock } from '../core/time/virtual-clock';
import { formatLocalIso, isValidTimeZone, nextWallClockTime } from '../core/time/zoned';
import { createAppTranslator } from './translator';

/**
 * `unhunch simulate`: a scenario (docs/simulate.md) runs the real
 * timer service on a virtual clock and comes back as a timeline. The virtual machine
 * has an active user unless an input says otherwise, and answers idle questions the
 * way powerMonitor does (whole seconds since the last input).
 */

const durationText = (what: string, { allowZero = true } = {}) =>
  z.string().superRefine((text, ctx) => {
    const parsed = parseDuration(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    else if (!allowZero && parsed.ms <= 0)
      ctx.addIssue({ code: 'custom', message: `${what} must be longer than 0s` });
  });

const SIGNED_DURATION = /^([+-]?)(.+)$/;

function parseSignedDuration(
  text: string,
): { ok: true; ms: number } | { ok: false; error: string } {
  const [, sign = '', rest = ''] = SIGNED_DURATION.exec(text.trim()) ?? [];
  const parsed = parseDuration(rest);
  if (!parsed.ok)
    return { ok: false, error: `"${text}" is not a clock change; write it like -1h or +3h` };
  return { ok: true, ms: sign === '-' ? -parsed.ms : parsed.ms };
}

const ACTIONS = [
  'take-break',
  'postpone',
  'skip',
  'pause',
  'resume',
  'therapy',
  'therapy-stop',
] as const;
type ActionName = (typeof ACTIONS)[number];

const therapyKind = z.enum(['heat', 'ice']);

/** One shape for every input, checked field by field so an error names its exact path. */
const inputSchema = z
  .strictObject({
    at: durationText('at'),
    idle: durationText('an idle spell', { allowZero: false }).optional(),
    suspend: durationText('a sleep', { allowZero: false }).optional(),
    /** Whether monotonic time runs during that sleep (Windows) or stops (macOS, Linux; default). */
    monotonic: z.enum(['stops', 'runs']).optional(),
    clockJump: z
      .string()
      .superRefine((text, ctx) => {
        const parsed = parseSignedDuration(text);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
      })
      .optional(),
    /** Whether the host tells the service the time changed; by default it finds out at its next wake. */
    noticed: z.boolean().optional(),
    lock: durationText('a lock', { allowZero: false }).optional(),
    doNotDisturb: durationText('do-not-disturb', { allowZero: false }).optional(),
    /** A focus signal on for that long: a call, a presentation (docs/focus.md). */
    focus: durationText('a focus spell', { allowZero: false }).optional(),
    signal: z.enum(FOCUS_SIGNALS).optional(),
    action: z.enum(ACTIONS).optional(),
    for: durationText('a pause', { allowZero: false }).optional(),
    until: z.string().optional(),
    kind: therapyKind.optional(),
    minutes: z.number().optional(),
    therapy: z.strictObject({ kind: therapyKind, minutes: z.number().optional() }).optional(),
  })
  .superRefine((input, ctx) => {
    const kinds = (
      [
        'idle',
        'suspend',
        'clockJump',
        'lock',
        'doNotDisturb',
        'focus',
        'action',
        'therapy',
      ] as const
    ).filter((key) => input[key] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? 'say what happens: one of idle, suspend, clockJump, lock, doNotDisturb, focus, action, therapy'
            : `one thing per input, found ${kinds.join(' and ')}`,
      });
    }
    const onlyWith = (key: keyof typeof input, allowed: boolean, what: string) => {
      if (input[key] !== undefined && !allowed) {
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" goes only with ${what}` });
      }
    };
    onlyWith('for', input.action === 'pause', 'the pause action');
    onlyWith('until', input.action === 'pause', 'the pause action');
    onlyWith('kind', input.action === 'therapy', 'the therapy action');
    onlyWith('minutes', input.action === 'therapy', 'the therapy action');
    onlyWith('monotonic', input.suspend !== undefined, 'suspend');
    onlyWith('noticed', input.clockJump !== undefined, 'clockJump');
    onlyWith('signal', input.focus !== undefined, 'focus');
    if (input.focus !== undefined && input.signal === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['signal'],
        message: `a focus spell needs a signal: one of ${FOCUS_SIGNALS.join(', ')}`,
      });
    }
    if (input.for !== undefined && input.until !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'a pause has "for" or "until", not both',
      });
    }
    if (input.action === 'therapy' && input.kind === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'the therapy action needs a kind: heat or ice',
      });
    }
    if (input.until !== undefined && !isPauseUntil(input.until)) {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: `"${input.until}" is not a time; write an ISO time with offset, HH:MM, or "tomorrow"`,
      });
    }
  });

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isPauseUntil(text: string): boolean {
  return (
    text === 'tomorrow' ||
    parseClockTime(text) !== null ||
    (ISO_WITH_OFFSET.test(text) && !Number.isNaN(Date.parse(text)))
  );
}

/** A simulated stretch longer than this is more likely a typo than a plan. */
const LONGEST_SCENARIO_MS = 31 * 24 * 3600 * 1000;

export const scenarioSchema = z
  .strictObject({
    start: z
      .string()
      .refine((text) => ISO_WITH_OFFSET.test(text) && !Number.isNaN(Date.parse(text)), {
        error: 'write the start as an ISO time with its offset, like 2026-11-24T08:55:00+01:00',
      }),
    /** The user's IANA zone for work hours and routines; UTC when absent, so a scenario means the same everywhere. */
    timezone: z
      .string()
      .refine(isValidTimeZone, { error: 'not an IANA time zone (like Europe/Berlin)' })
      .optional(),
    duration: durationText('the scenario', { allowZero: false }),
    settings: settingsFileSchema.optional(),
    policy: policySchema.optional(),
    /** Whether the host can tell idle time; on by default, as on Windows and macOS. */
    idleDetection: z.boolean().optional(),
    inputs: z.array(inputSchema).optional(),
  })
  .superRefine((scenario, ctx) => {
    const length = parseDuration(scenario.duration);
    if (!length.ok) return;
    if (length.ms > LONGEST_SCENARIO_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['duration'],
        message: 'a scenario lasts at most 31 days',
      });
    }
    scenario.inputs?.forEach((input, index) => {
      const at = parseDuration(input.at);
      if (at.ok && at.ms > length.ms) {
        ctx.addIssue({
          code: 'custom',
          path: ['inputs', index, 'at'],
          message: `${input.at} is after the end of the scenario (${scenario.duration})`,
        });
      }
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.infer<typeof inputSchema>;

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Untrusted JSON to a scenario, or every problem with its JSON path (`inputs[3].at`). */
export function parseScenario(value: unknown): ScenarioParse {
  const result = scenarioSchema.safeParse(value);
  return result.success
    ? { ok: true, scenario: result.data }
    : { ok: false, errors: formatIssues(result.error, '') };
}

export interface SimulatedEvent {
  /** Real seconds since the start. */
  t: number;
  /** What the machine's clock showed, in the scenario's zone. */
  wall: string;
  type: string;
  [field: string]: unknown;
}

export interface SimulationSummary {
  wakeups: number;
  breaksTaken: number;
  breaksSkipped: number;
  breaksPostponed: number;
  /** Breaks held by a focus signal as long as allowed, then shown as a gentle notification. */
  breaksDeferred: number;
  naturalBreaks: number;
  /** Sit-stand prompts (`sitStand`). */
  postureChanges: number;
  /** The service's state when the scenario ends. */
  finalState: string;
}

export interface SimulationResult {
  events: SimulatedEvent[];
  summary: SimulationSummary;
}

function ms(text: string): number {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed.ms : 0;
}

/** A moment in the run: either the harness acts, or a lock/do-not-disturb/focus spell ends. */
interface Step {
  at: number;
  order: number;
  endsSpell: boolean;
  run: () => void;
}

function pauseUntilWall(until: string, now: number, zone: string): number | 'tomorrow' {
  if (until === 'tomorrow') return 'tomorrow';
  const clock = parseClockTime(until);
  if (!clock) return Date.parse(until);
  return nextWallClockTime(now, clock.hour % 24, clock.minute, zone);
}

const seconds = (ms: number) => Math.round(ms / 1000);

/** The timeline speaks English (docs/simulate.md): refusals are put in words from en. */
let englishT: TFunction | null = null;
const english = (): TFunction => {
  englishT ??= createAppTranslator('en').t;
  return englishT;
};

/** How long a focus signal held it, as the timeline shows it. */
const held = (deferredMs: number | undefined) =>
  deferredMs === undefined ? {} : { deferred: true, deferredSeconds: seconds(deferredMs) };

/**
 * A service event as the JSON timeline shows it (docs/simulate.md): times from now in
 * whole seconds, a pause's end as an ISO time in the scenario's zone.
 */
function timelineFields(event: TimelineEvent, zone: string): Record<string, unknown> {
  const fromNow = (at: number) => seconds(at - event.at);
  switch (event.type) {
    case 'break-warning':
      return {
        kind: event.kind,
        dueInSeconds: fromNow(event.dueAt),
        ...(event.deferred ? { deferred: true } : {}),
      };
    case 'break-start':
      return {
        kind: event.kind,
        durationSeconds: fromNow(event.endsAt),
        ...held(event.deferredMs),
      };
    case 'break-deferred':
      return { kind: event.kind, signal: event.signal, atMostSeconds: fromNow(event.showBy) };
    case 'break-gentle':
      return {
        kind: event.kind,
        outcome: event.outcome,
        signal: event.signal,
        durationSeconds: seconds(event.durationMs),
        deferredSeconds: seconds(event.deferredMs),
      };
    case 'break-end':
      return { kind: event.kind, outcome: event.outcome };
    case 'break-postponed':
      return {
        kind: event.kind,
        forSeconds: fromNow(event.until),
        postponesLeft: event.postponesLeft,
      };
    case 'natural-break':
      return { kind: event.kind, idleSeconds: seconds(event.idleMs), source: event.source };
    case 'posture-change':
      return { kind: event.kind, to: event.to, minutes: event.minutes, ...held(event.deferredMs) };
    case 'paused':
      return { until: event.until === null ? null : formatLocalIso(event.until, zone) };
    case 'resume':
      return { sleptSeconds: seconds(event.sleptMs) };
    case 'clock-jump':
      return { bySeconds: seconds(event.byMs) };
    case 'routine':
      return { id: event.id };
    case 'therapy-start':
      return { kind: event.kind, minutes: event.minutes };
    case 'therapy-end':
      return { kind: event.kind, minutes: event.minutes, outcome: event.outcome };
    case 'therapy-resumed':
      return { kind: event.kind, minutes: event.minutes, endsAt: event.endsAt };
    case 'therapy-rejected':
      return {
        kind: event.kind,
        minutes: event.minutes,
        reason: refusalText(english(), { code: `therapy-${event.code}`, params: event.params }),
      };
    default:
      return {};
  }
}

export interface SimulationOptions {
  /** Settings to use instead of the scenario's own (the preview command builds them itself). */
  settings?: Settings;
}

/** Run a parsed scenario to its end. Deterministic: the same scenario gives the same timeline. */
export function runScenario(scenario: Scenario, options: SimulationOptions = {}): SimulationResult {
  const zone = scenario.timezone ?? 'UTC';
  const settings = options.settings ?? effectiveSettings(scenario.settings, scenario.policy);
  const clock = new VirtualClock(Date.parse(scenario.start));
  const inputs = scenario.inputs ?? [];

  const idleSpells = inputs
    .filter((input) => input.idle !== undefined)
    .map((input) => ({ from: ms(input.at), to: ms(input.at) + ms(input.idle ?? '0s') }));
  // powerMonitor reports whole seconds since the last keyboard or mouse input. The input
  // that ends a spell comes at its end: a look at that instant still sees the whole spell.
  const idleSeconds = () => {
    const now = clock.elapsed();
    const spell = idleSpells.find((s) => s.from <= now && now <= s.to);
    return spell ? Math.floor((now - spell.from) / 1000) : 0;
  };

  const service = createTimerService({
    clock,
    settings,
    timeZone: zone,
    ...(scenario.idleDetection === false ? {} : { idle: idleSeconds }),
  });

  const events: SimulatedEvent[] = [];
  const push = (type: string, at: number, fields: Record<string, unknown>) =>
    events.push({ t: clock.elapsed() / 1000, wall: formatLocalIso(at, zone), type, ...fields });
  service.onEvent((event) => push(event.type, event.at, timelineFields(event, zone)));
  const reject = (reason: string, fields: Record<string, unknown> = {}) =>
    push('input-rejected', clock.now(), { ...fields, reason });

  const steps: Step[] = [];
  let asleepUntil = -1;
  // Overlapping spells of one signal: it is on until the last of them ends.
  const spellsOn = new Map<FocusSignal, number>();
  const focusSpell = (signal: FocusSignal, on: boolean) => {
    // A spell whose start was refused (asleep) still ends: never below zero.
    const count = Math.max(0, (spellsOn.get(signal) ?? 0) + (on ? 1 : -1));
    spellsOn.set(signal, count);
    if (on ? count === 1 : count === 0) service.signal({ type: 'focus', signal, on });
  };
  inputs.forEach((input, order) => {
    const at = ms(input.at);
    const step = (when: number, run: () => void, endsSpell = false) =>
      steps.push({ at: when, order, run, endsSpell });
    if (input.suspend !== undefined) {
      const length = ms(input.suspend);
      step(at, () => {
        service.signal({ type: 'suspend' });
        clock.sleep(length, { monotonicRuns: input.monotonic === 'runs' });
        asleepUntil = clock.elapsed();
        service.signal({ type: 'resume' });
      });
    } else if (input.clockJump !== undefined) {
      const jump = parseSignedDuration(input.clockJump);
      step(at, () => {
        clock.jumpWall(jump.ok ? jump.ms : 0);
        if (input.noticed) service.signal({ type: 'time-changed' });
      });
    } else if (input.lock !== undefined) {
      step(at, () => service.signal({ type: 'lock' }));
      step(at + ms(input.lock), () => service.signal({ type: 'unlock' }), true);
    } else if (input.doNotDisturb !== undefined || input.focus !== undefined) {
      const signal = input.focus !== undefined ? (input.signal ?? 'camera') : 'doNotDisturb';
      step(at, () => focusSpell(signal, true));
      step(
        at + ms(input.focus ?? input.doNotDisturb ?? '0s'),
        () => focusSpell(signal, false),
        true,
      );
    } else if (input.therapy !== undefined) {
      const therapy = input.therapy;
      step(at, () => {
        service.startTherapy(therapy.minutes === undefined ? { kind: therapy.kind } : therapy);
      });
    } else if (input.action !== undefined) {
      const action = input.action;
      step(at, () => {
        const result = perform(action, input);
        if (!result.ok) reject(refusalText(english(), result), { action });
      });
    }
  });

  function perform(action: ActionName, input: ScenarioInput): ActionResult {
    switch (action) {
      case 'take-break':
        return service.takeBreak();
      case 'postpone':
        return service.postponeBreak();
      case 'skip':
        return service.skipBreak();
      case 'resume':
        return service.resume();
      case 'pause': {
        if (input.for !== undefined) return service.pause({ for: ms(input.for) });
        if (input.until === undefined) return service.pause({ indefinitely: true });
        const until = pauseUntilWall(input.until, clock.now(), zone);
        return service.pause(until === 'tomorrow' ? { untilTomorrow: true } : { until });
      }
      case 'therapy': {
        const kind = input.kind ?? 'heat';
        // The service reports its own refusal as therapy-rejected.
        service.startTherapy(
          input.minutes === undefined ? { kind } : { kind, minutes: input.minutes },
        );
        return { ok: true };
      }
      case 'therapy-stop':
        return service.stopTherapy();
    }
  }

  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const step of steps) {
    if (step.at < asleepUntil && !step.endsSpell) {
      reject('the machine is asleep at that moment', { inputAt: inputs[step.order]?.at });
      continue;
    }
    // The end of a lock or do-not-disturb spell that fell during sleep happens on waking.
    clock.advanceTo(Math.max(step.at, clock.elapsed()));
    step.run();
  }
  clock.advanceTo(ms(scenario.duration));

  const count = (predicate: (e: SimulatedEvent) => boolean) => events.filter(predicate).length;
  const summary: SimulationSummary = {
    wakeups: clock.fired,
    breaksTaken: count((e) => e.type === 'break-end' && e.outcome === 'completed'),
    breaksSkipped: count((e) => e.type === 'break-end' && e.outcome === 'skipped'),
    breaksPostponed: count((e) => e.type === 'break-postponed'),
    breaksDeferred: count((e) => e.type === 'break-gentle'),
    naturalBreaks: count((e) => e.type === 'natural-break'),
    postureChanges: count((e) => e.type === 'posture-change'),
    finalState: service.status().state,
  };
  service.dispose();
  return { events, summary };
}

/** Parse and run: the whole of `unhunch simulate` but the reading and printing. */
export function simulate(
  value: unknown,
): { ok: true; result: SimulationResult } | { ok: false; errors: string[] } {
  const parsed = parseScenario(value);
  return parsed.ok ? { ok: true, result: runScenario(parsed.scenario) } : parsed;
}
