import { describe, expect, it } from 'vitest';
import { parseScenario, type SimulatedEvent, simulate } from '../../../src/app/simulate';

const base = { start: '2026-11-24T10:00:00+01:00', timezone: 'Europe/Berlin', duration: '1h' };

function run(extra: object) {
  const outcome = simulate({ ...base, ...extra });
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  return outcome.result;
}

const brief = (events: SimulatedEvent[], types?: string[]) =>
  events
    .filter((e) => !types || types.includes(e.type))
    .map((e) => `${e.t} ${e.type}${e.kind ? ` ${e.kind}` : ''}`);

describe('scenario parsing', () => {
  const errorsOf = (value: unknown) => {
    const parsed = parseScenario(value);
    return parsed.ok ? [] : parsed.errors;
  };

  it('names the JSON path of a bad input time', () => {
    expect(errorsOf({ ...base, inputs: [{ at: 'soon', idle: '1m' }] })).toEqual([
      'inputs[0].at: "soon" is not a duration; write it like 1h30m, 20m or 45s',
    ]);
  });

  it('refuses an input that does two things, or nothing', () => {
    expect(errorsOf({ ...base, inputs: [{ at: '1m', idle: '1m', lock: '1m' }] })).toEqual([
      'inputs[0]: one thing per input, found idle and lock',
    ]);
    expect(errorsOf({ ...base, inputs: [{ at: '1m' }] })[0]).toMatch(
      /^inputs\[0\]: say what happens/,
    );
  });

  it('refuses fields that belong to another action', () => {
    expect(errorsOf({ ...base, inputs: [{ at: '1m', action: 'skip', for: '5m' }] })).toEqual([
      'inputs[0].for: "for" goes only with the pause action',
    ]);
  });

  it('refuses unknown keys, a bad start, zone, pause time and policy version', () => {
    expect(errorsOf({ ...base, inputs: [{ at: '1m', idle: '1m', mood: 'bad' }] })).toEqual([
      'inputs[0].mood: unknown key "mood"',
    ]);
    expect(errorsOf({ ...base, start: '2026-11-24 10:00' })[0]).toMatch(/^start: /);
    expect(errorsOf({ ...base, timezone: 'Mars/Olympus' })[0]).toMatch(/^timezone: /);
    expect(
      errorsOf({ ...base, inputs: [{ at: '1m', action: 'pause', until: 'later' }] })[0],
    ).toMatch(/^inputs\[0\]\.until: /);
    expect(errorsOf({ ...base, policy: { version: 2 } })[0]).toMatch(/^policy\.version: /);
  });

  it('refuses a scenario that is not an object at all', () => {
    expect(errorsOf([])[0]).toMatch(/^\(top level\): /);
  });
});

describe('simulate', () => {
  it('a lock long enough is a natural long break, and nothing is asked while locked', () => {
    const result = run({ inputs: [{ at: '10m', lock: '15m' }] });
    expect(brief(result.events)).toEqual([
      '1500 natural-break long',
      '2670 break-warning micro',
      '2700 break-start micro',
      '2730 break-end micro',
    ]);
  });

  it('a sleep where monotonic time runs gives the same timeline as one where it stops', () => {
    const stops = run({ inputs: [{ at: '10m', suspend: '2h' }], duration: '3h' });
    const runs = run({ inputs: [{ at: '10m', suspend: '2h', monotonic: 'runs' }], duration: '3h' });
    expect(runs.events).toEqual(stops.events);
    expect(brief(stops.events, ['resume', 'break-start'])[0]).toBe('7800 resume');
    expect(brief(stops.events, ['break-start'])[0]).toBe('9000 break-start micro');
  });

  it('an input while the machine sleeps is rejected', () => {
    const result = run({
      inputs: [
        { at: '10m', suspend: '20m' },
        { at: '15m', action: 'take-break' },
      ],
    });
    expect(result.events.find((e) => e.type === 'input-rejected')).toMatchObject({
      t: 1800,
      inputAt: '15m',
      reason: 'the machine is asleep at that moment',
    });
  });

  it('taking a break early restarts the timers from its end', () => {
    const result = run({ inputs: [{ at: '5m', action: 'take-break' }] });
    expect(brief(result.events, ['break-start']).slice(0, 2)).toEqual([
      '300 break-start micro',
      '1530 break-start micro',
    ]);
  });

  it('pause until a time of day, and until tomorrow', () => {
    const until = run({ inputs: [{ at: '1m', action: 'pause', until: '10:30' }] });
    expect(until.events.find((e) => e.type === 'resumed')?.t).toBe(1800);
    const tomorrow = run({
      duration: '24h',
      inputs: [{ at: '1m', action: 'pause', until: 'tomorrow' }],
    });
    expect(tomorrow.events.find((e) => e.type === 'resumed')?.wall).toBe(
      '2026-11-25T09:00:00+01:00',
    );
  });

  it('routines fire as their cron says, in the scenario zone', () => {
    const result = simulate({
      start: '2026-11-23T09:30:00+01:00',
      timezone: 'Europe/Berlin',
      duration: '1h',
      idleDetection: false,
    });
    if (!result.ok) throw new Error();
    expect(result.result.events.find((e) => e.type === 'routine')).toMatchObject({
      id: 'checklist-recheck',
      wall: '2026-11-23T10:00:00+01:00',
    });
  });

  it('a focus input holds a due break; the summary counts breaks shown gently apart', () => {
    const result = run({
      duration: '1h45m',
      inputs: [
        { at: '10m', focus: '20m', signal: 'camera' },
        { at: '45m', focus: '45m', signal: 'meetingApps' },
      ],
    });
    expect(
      brief(result.events, ['break-deferred', 'break-start', 'break-gentle', 'break-end']),
    ).toEqual([
      '1200 break-deferred micro',
      '1830 break-start micro',
      '1860 break-end micro',
      '3060 break-deferred long',
      '4860 break-gentle long',
      '6060 break-start micro',
      '6090 break-end micro',
    ]);
    // The gentle one counts as neither taken nor skipped.
    expect(result.summary).toMatchObject({
      breaksTaken: 2,
      breaksSkipped: 0,
      breaksDeferred: 1,
    });
  });

  it('a focus input needs a known signal, and a signal goes only with focus', () => {
    const errorsOf = (inputs: object[]) => {
      const parsed = parseScenario({ ...base, inputs });
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errorsOf([{ at: '1m', focus: '5m' }])).toEqual([
      'inputs[0].signal: a focus spell needs a signal: one of camera, microphone, screenSharing, fullscreen, meetingApps, doNotDisturb',
    ]);
    expect(errorsOf([{ at: '1m', focus: '5m', signal: 'webcam' }])[0]).toMatch(
      /^inputs\[0\]\.signal: /,
    );
    expect(errorsOf([{ at: '1m', idle: '5m', signal: 'camera' }])).toEqual([
      'inputs[0].signal: "signal" goes only with focus',
    ]);
  });

  it('overlapping spells of one signal hold until the last ends', () => {
    const result = run({
      duration: '40m',
      inputs: [
        { at: '15m', focus: '10m', signal: 'camera' },
        { at: '18m', focus: '12m', signal: 'camera' },
      ],
    });
    expect(brief(result.events, ['break-deferred', 'break-start'])).toEqual([
      '1200 break-deferred micro',
      '1830 break-start micro',
    ]);
  });

  it('sit-stand prompts come on the virtual clock', () => {
    const result = run({
      settings: { sitStand: { enabled: true }, microBreak: { enabled: false } },
    });
    expect(brief(result.events, ['posture-change'])).toEqual([
      '1200 posture-change posture',
      '1680 posture-change posture',
      '1800 posture-change posture',
      '3000 posture-change posture',
      '3480 posture-change posture',
    ]);
    expect(result.events.filter((e) => e.type === 'posture-change').map((e) => e.to)).toEqual([
      'stand',
      'move',
      'sit',
      'stand',
      'move',
    ]);
    expect(result.summary.postureChanges).toBe(5);
  });

  it('without idle detection there are no natural breaks and far fewer wakeups', () => {
    const result = run({ idleDetection: false, inputs: [{ at: '5m', idle: '10m' }] });
    expect(result.summary.naturalBreaks).toBe(0);
    expect(result.summary.wakeups).toBeLessThan(10);
  });

  it('a policy lock beats the user', () => {
    const result = run({
      settings: { microBreak: { every: '10m' } },
      policy: { version: 1, locked: { microBreak: { every: '30m' } } },
    });
    expect(brief(result.events, ['break-start'])[0]).toBe('1800 break-start micro');
  });
});
