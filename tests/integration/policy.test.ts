import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UnhunchApp } from '../../src/app/app';
import { openApp } from '../../src/app/open';
import { openMachinePolicy } from '../../src/app/policy/machine';
import type { PolicyWatcher } from '../../src/app/policy/watch';
import { dispatchCall } from '../../src/contract/dispatch';
import { VirtualClock } from '../../src/core/time/virtual-clock';
import { adminFs } from '../unit/policy/helpers';

/**
 * The real app over real files with an organisation policy in a temporary root
 * standing for `/`; the user running the tests counts as root (CI runs as root).
 */
const MONDAY_0930_BERLIN = Date.parse('2026-11-23T09:30:00+01:00');
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0).reverse()) step();
});

const STRICT = {
  version: 1,
  defaults: { longBreak: { duration: '10m' } },
  locked: { microBreak: { every: '25m' }, strictMode: true },
  links: [{ label: 'Book the physio', url: 'https://intranet.example.com/physio' }],
};

async function desk(policy?: unknown) {
  const root = mkdtempSync(join(tmpdir(), 'unhunch-desk-'));
  chmodSync(root, 0o755);
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-data-'));
  cleanup.push(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });
  const policyFile = join(root, 'etc/unhunch/policy.json');
  const writePolicy = (content: unknown) => {
    mkdirSync(dirname(policyFile), { recursive: true, mode: 0o755 });
    writeFileSync(policyFile, typeof content === 'string' ? content : JSON.stringify(content));
  };
  if (policy !== undefined) writePolicy(policy);
  const warnings: string[] = [];
  const logger = { info() {}, warn: (m: string) => warnings.push(m), error() {} };
  const managed = await openMachinePolicy({
    platform: 'linux',
    root,
    fs: adminFs,
    debounceMs: 50,
    pollMs: 60_000,
  });
  const clock = new VirtualClock(MONDAY_0930_BERLIN);
  const app: UnhunchApp = openApp({
    dataDir,
    clock,
    timeZone: 'Europe/Berlin',
    logger,
    policy: managed.startWith,
  });
  const watcher: PolicyWatcher = managed.attach(app.context);
  cleanup.push(() => {
    watcher.dispose();
    app.dispose();
  });
  return { app, clock, watcher, policyFile, writePolicy, warnings };
}

const notices = async (app: UnhunchApp) => {
  const reply = await dispatchCall(app.handlers, 'getNotices', undefined);
  return reply.ok ? (reply.value as { id: string; detail: string }[]) : [];
};
const settingsView = async (app: UnhunchApp) => {
  const reply = await dispatchCall(app.handlers, 'getSettings', undefined);
  return reply.ok
    ? (reply.value as { locked: string[]; managed: boolean; effective: Record<string, unknown> })
    : undefined;
};

describe('the app under an organisation policy from /etc/unhunch', () => {
  it('plans by the policy, and refuses a change to a locked setting with a message', async () => {
    const { app } = await desk(STRICT);
    expect(app.status().nextBreak).toEqual({
      kind: 'micro',
      dueAt: MONDAY_0930_BERLIN + 25 * 60_000,
    });
    expect(await settingsView(app)).toMatchObject({
      managed: true,
      locked: ['microBreak.every', 'strictMode'],
    });
    expect(await dispatchCall(app.handlers, 'updateSettings', { strictMode: false })).toEqual({
      ok: true,
      value: { ok: false, code: 'settings-managed', params: { paths: 'strictMode' } },
    });
    // A default is the person's to change.
    expect(
      await dispatchCall(app.handlers, 'updateSettings', { longBreak: { duration: '5m' } }),
    ).toEqual({ ok: true, value: { ok: true } });
    expect(app.context.settings.policy()?.links).toEqual(STRICT.links);
    expect(await notices(app)).toEqual([]);
  });

  it('keeps the last good policy when it is replaced with garbage, and says so', async () => {
    const { app, watcher, writePolicy, policyFile, warnings } = await desk(STRICT);
    writePolicy('{ "version": 1, "locked": ');
    await watcher.reloadNow();
    expect(app.context.settings.locked()).toEqual(['microBreak.every', 'strictMode']);
    expect(app.status().strictMode).toBe(true);
    const [notice] = await notices(app);
    expect(notice?.id).toBe('policy-invalid');
    expect(notice?.detail).toContain(`${policyFile}: not valid JSON`);
    expect(warnings.join('\n')).toContain('the last good one stays in force');

    // A valid JSON with a bad value: logged with its file and JSON path.
    writePolicy({ version: 1, locked: { microBreak: { every: 'soon' } } });
    await watcher.reloadNow();
    expect(app.context.settings.policy()).toEqual(STRICT);
    expect((await notices(app))[0]?.detail).toContain(
      `${policyFile}: policy.locked.microBreak.every:`,
    );
  });

  it('goes back to the defaults when the policy is deleted, and clears the notice', async () => {
    const { app, watcher, writePolicy, policyFile } = await desk(STRICT);
    writePolicy({ version: 2 });
    await watcher.reloadNow();
    expect((await notices(app)).map((n) => n.id)).toEqual(['policy-invalid']);
    rmSync(policyFile);
    await watcher.reloadNow();
    expect(await notices(app)).toEqual([]);
    expect(await settingsView(app)).toMatchObject({ managed: false, locked: [] });
    expect(app.status().nextBreak?.dueAt).toBe(MONDAY_0930_BERLIN + 20 * 60_000);
    expect(await dispatchCall(app.handlers, 'updateSettings', { strictMode: true })).toEqual({
      ok: true,
      value: { ok: true },
    });
  });

  it('removes the notice when a valid policy is restored', async () => {
    const { app, watcher, writePolicy } = await desk('not json at all');
    expect(app.context.settings.policy()).toBeUndefined();
    expect((await notices(app)).map((n) => n.id)).toEqual(['policy-invalid']);
    writePolicy(STRICT);
    await watcher.reloadNow();
    expect(await notices(app)).toEqual([]);
    expect(app.context.settings.locked()).toEqual(['microBreak.every', 'strictMode']);
  });

  it('notices an administrator’s change on its own, without a restart', async () => {
    const { app, clock, writePolicy } = await desk(STRICT);
    writePolicy({ version: 1, locked: { therapy: { capMinutes: 10 } } });
    // The file-system event arrives in real time; the debounce is on the app's clock.
    await vi.waitFor(
      () => {
        clock.advance(100);
        expect(app.context.settings.locked()).toEqual(['therapy.capMinutes']);
      },
      { timeout: 30_000 },
    );
    expect(app.context.settings.effective().therapy).toMatchObject({
      capMinutes: 10,
      defaultMinutes: 10,
    });
  });

  it('ignores a policy file anyone can write, and says the organisation settings were not applied', async () => {
    const { app, watcher, policyFile } = await desk(STRICT);
    chmodSync(policyFile, 0o666);
    await watcher.reloadNow();
    expect(app.context.settings.policy()).toBeUndefined();
    expect((await notices(app))[0]?.detail).toBe(
      `${policyFile} ignored: the file can be changed by every user`,
    );
  });
});
