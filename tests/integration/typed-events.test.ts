import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { UnhunchApp } from '../../src/app/app';
import { openApp } from '../../src/app/open';
import type { BreakPayload, BreakWarning } from '../../src/contract/contract';
import type { TimelineEvent } from '../../src/core/breaks/api';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/**
 * Issue 21.1: the timeline is a discriminated union with times in ms, and the app's
 * listeners narrow by event name, so nothing downstream re-parses or casts a payload.
 */
const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const dirs: string[] = [];
const apps: UnhunchApp[] = [];

afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-typed-'));
  dirs.push(dataDir);
  const clock = new VirtualClock(MONDAY_0930_BERLIN);
  const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin' });
  apps.push(app);
  return { app, clock };
}

describe('the typed timeline', () => {
  it('narrows each event to its own fields', () => {
    const check = (event: TimelineEvent) => {
      if (event.type === 'break-warning') expectTypeOf(event.dueAt).toEqualTypeOf<number>();
      if (event.type === 'break-start') expectTypeOf(event.endsAt).toEqualTypeOf<number>();
      if (event.type === 'paused') expectTypeOf(event.until).toEqualTypeOf<number | null>();
    };
    expect(check).toBeTypeOf('function');
  });

  it('a warning released just before the hold’s bound keeps its due time to the ms', () => {
    const { app, clock } = open();
    const warnings: BreakWarning[] = [];
    const breaks: BreakPayload[] = [];
    app.on('break-warning', (warning) => warnings.push(warning));
    app.onEvent((event, payload) => {
      // Checking the name narrows the payload: no cast.
      if (event === 'break') breaks.push(payload);
    });
    app.timer.signal({ type: 'focus', signal: 'camera', on: true });
    // The break due at 09:50 is held until 10:20 at most; the call ends 10.4 s before that.
    clock.advance(49 * 60_000 + 49_600);
    app.timer.signal({ type: 'focus', signal: 'camera', on: false });
    const warning = warnings.at(-1);
    const bound = Date.parse('2026-11-23T10:20:00+01:00');
    expect(warning?.dueAt).toBe(bound);
    expect(app.status().nextBreak?.dueAt).toBe(bound);
    clock.advance(10_400);
    expect(breaks.at(-1)).toMatchObject({ phase: 'start', startedAt: bound });
  });
});
