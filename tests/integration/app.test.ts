import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open';
import { dispatchCall } from '../../src/contract/dispatch';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/** The real app services over real settings files, on a virtual clock. */
const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const dirs: string[] = [];

function appWithSettingsFile(contents?: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'unhunch-app-'));
  dirs.push(cwd);
  if (contents !== undefined) writeFileSync(join(cwd, 'settings.json'), contents);
  const clock = new VirtualClock(MONDAY_0930_BERLIN);
  const app = openApp({ dataDir: cwd, clock, timeZone: 'Europe/Berlin' });
  return { app, clock };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the app over real settings files', () => {
  it('plans the first micro break 20 minutes after start with default settings', async () => {
    const { app } = appWithSettingsFile();
    const reply = await dispatchCall(app.handlers, 'getStatus', undefined);
    expect(reply).toMatchObject({
      ok: true,
      value: {
        state: 'running',
        nextBreak: { kind: 'micro', dueAt: MONDAY_0930_BERLIN + 20 * 60_000 },
      },
    });
  });

  it("follows the user's saved interval", async () => {
    const { app } = appWithSettingsFile(
      JSON.stringify({ settings: { microBreak: { every: '25m' } } }),
    );
    const status = app.status();
    expect(status.nextBreak).toEqual({ kind: 'micro', dueAt: MONDAY_0930_BERLIN + 25 * 60_000 });
    expect(await dispatchCall(app.handlers, 'getNotices', undefined)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('starts on defaults and says so when the saved settings are invalid', async () => {
    const { app } = appWithSettingsFile(
      JSON.stringify({ settings: { microBreak: { every: 'soon' } } }),
    );
    expect(app.status().nextBreak?.dueAt).toBe(MONDAY_0930_BERLIN + 20 * 60_000);
    const reply = await dispatchCall(app.handlers, 'getNotices', undefined);
    expect(reply).toMatchObject({
      ok: true,
      value: [
        { id: 'settings-invalid', detail: expect.stringContaining('settings.microBreak.every') },
      ],
    });
  });

  it('keeps an unreadable settings file as a backup and tells the user once', async () => {
    const { app } = appWithSettingsFile('{ not json');
    const reply = await dispatchCall(app.handlers, 'getNotices', undefined);
    expect(reply).toMatchObject({
      ok: true,
      value: [
        { id: 'settings-unreadable', detail: expect.stringContaining('settings.unreadable-') },
      ],
    });
  });

  it('pauses for 30 minutes and pushes the new status to listeners', async () => {
    const { app, clock } = appWithSettingsFile();
    const pushed: string[] = [];
    app.onStatus((status) => pushed.push(status.state));
    expect(await dispatchCall(app.handlers, 'pause', { minutes: 30 })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(app.status()).toMatchObject({ state: 'paused', pausedUntil: clock.now() + 30 * 60_000 });
    expect(pushed).toContain('paused');
    clock.advance(30 * 60_000 + 1000);
    expect(app.status().state).toBe('running');
  });

  it('refuses a malformed call and names what was wrong', async () => {
    const { app } = appWithSettingsFile();
    expect(await dispatchCall(app.handlers, 'pause', { minutes: 0 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/invalid input for pause: input/),
    });
    expect(await dispatchCall(app.handlers, 'pause', { minutes: 30, extra: true })).toMatchObject({
      ok: false,
    });
    expect(await dispatchCall(app.handlers, 'deleteEverything', undefined)).toEqual({
      ok: false,
      error: 'unknown call "deleteEverything"',
    });
    expect(await dispatchCall(app.handlers, 'getStatus', { sneaky: 1 })).toMatchObject({
      ok: false,
    });
    expect(app.status().state).toBe('running');
  });
});
