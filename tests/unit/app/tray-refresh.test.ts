import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../src/app/open';
import { shareOneTimer } from '../../../src/app/shared-clock';
import { followTray } from '../../../src/app/tray-refresh';
import { dispatchCall } from '../../../src/contract/dispatch';
import { MINUTE } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The app on a shared virtual clock; a person who stops typing for a few seconds now and then. */
async function desk(withTray: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-tray-'));
  dirs.push(dataDir);
  const virtual = new VirtualClock(Date.parse('2026-11-24T10:00:00Z'));
  let samples = 0;
  const app = openApp({
    dataDir,
    clock: shareOneTimer(virtual),
    timeZone: 'UTC',
    // Every third look finds them reading for 10 s: the service's samples drift off the minute.
    idle: () => (samples++ % 3 === 1 ? 10 : 0),
  });
  await dispatchCall(app.handlers, 'updateSettings', { workHours: null, routines: [] });
  const drawn: { at: number; tooltip: string }[] = [];
  if (withTray)
    followTray(app, (model) => drawn.push({ at: virtual.elapsed(), tooltip: model.tooltip }));
  return { app, virtual, drawn };
}

describe('the tray follows the countdown on the app’s own wakes', () => {
  it('each minute of the countdown is drawn within 30 s of it, and the tray adds no wakeup', async () => {
    const tray = await desk(true);
    const bare = await desk(false);
    tray.virtual.advance(15 * MINUTE);
    bare.virtual.advance(15 * MINUTE);
    expect(tray.virtual.fired).toBe(bare.virtual.fired);
    const minutes = tray.drawn.map((d) => d.tooltip);
    expect(minutes.slice(0, 3)).toEqual([
      'Unhunch · next break in 20 minutes',
      'Unhunch · next break in 19 minutes',
      'Unhunch · next break in 18 minutes',
    ]);
    // "in 19 minutes" from 1:00 (19 minutes left) on; each later minute the same way.
    for (const [i, { at }] of tray.drawn.slice(1).entries()) {
      expect(at).toBeGreaterThanOrEqual((i + 1) * MINUTE - 500);
      expect(at).toBeLessThanOrEqual((i + 1) * MINUTE + 30_000);
    }
    expect(tray.drawn).toHaveLength(16);
  });

  it('paused, the tray arms nothing and says until when', async () => {
    const tray = await desk(true);
    await dispatchCall(tray.app.handlers, 'pause', { minutes: 60 });
    const before = tray.virtual.fired;
    tray.virtual.advance(59 * MINUTE);
    expect(tray.virtual.fired).toBe(before);
    expect(tray.drawn.at(-1)?.tooltip).toMatch(/^Unhunch · paused until /);
  });
});
