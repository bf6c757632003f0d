import { EventEmitter } from 'node:events';
import type { FSWatcher } from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PolicyWatcherOptions, watchPolicy } from '../../../src/app/policy/watch';
import { shareOneTimer } from '../../../src/app/shared-clock';
import { MINUTE } from '../../../src/core/time/duration';
import { VirtualClock } from '../../../src/core/time/virtual-clock';

const dirs: string[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const flush = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** A watcher on a virtual clock (so its timers are counted) over real folders. */
function setup(options: Partial<PolicyWatcherOptions> & { folders: string[] }) {
  const virtual = new VirtualClock(0);
  let reloads = 0;
  const watcher = watchPolicy({
    clock: shareOneTimer(virtual),
    reload: async () => {
      reloads++;
    },
    ...options,
  });
  stops.push(() => watcher.dispose());
  return {
    virtual,
    watcher,
    reloads: () => reloads,
    /** Let `ms` pass minute by minute, each reading finishing before the next minute. */
    async advance(ms: number) {
      for (let passed = 0; passed < ms; passed += MINUTE) {
        virtual.advance(Math.min(MINUTE, ms - passed));
        await flush();
      }
    },
    /** Let the file-system events arrive (real time), then the debounce pass (virtual). */
    async settle() {
      await vi.waitFor(() => expect(virtual.armedCount()).toBeGreaterThan(0), { timeout: 3000 });
      virtual.advance(1000);
      await flush();
    },
  };
}

const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'unhunch-watch-'));
  dirs.push(folder);
  return folder;
};

describe('watching the policy folders', () => {
  it('reads again once after a burst of changes in a watched folder, and arms nothing while nothing changes', async () => {
    const folder = tempFolder();
    const h = setup({ folders: [folder] });
    h.virtual.advance(8 * 60 * MINUTE);
    expect(h.virtual.fired).toBe(0);
    for (let i = 0; i < 5; i++) writeFileSync(join(folder, 'policy.json'), `{"version":${i}}`);
    await h.settle();
    expect(h.reloads()).toBe(1);
    expect(h.virtual.fired).toBe(1);
  });

  it('sees a policy folder created later, through its parent, and ignores the parent’s other files', async () => {
    const parent = tempFolder();
    const folder = join(parent, 'unhunch', 'policy.d');
    const h = setup({ folders: [folder] });
    writeFileSync(join(parent, 'unrelated.conf'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.virtual.armedCount()).toBe(0);
    mkdirSync(join(parent, 'unhunch'));
    await h.settle();
    expect(h.reloads()).toBe(1);
    mkdirSync(folder);
    await h.settle();
    expect(h.reloads()).toBe(2);
    writeFileSync(join(folder, '10-site.json'), '{"version":1}');
    await h.settle();
    expect(h.reloads()).toBe(3);
  });

  it('polls what cannot be watched, slowly, and only while the app is timing breaks', async () => {
    let wanted = true;
    const h = setup({
      folders: [tmpdir()],
      watchFolder: () => {
        throw new Error('ENOSPC: System limit for number of file watchers reached');
      },
      pollMs: 15 * MINUTE,
      pollLeewayMs: 5 * MINUTE,
      pollWanted: () => wanted,
    });
    await h.advance(60 * MINUTE);
    expect(h.reloads()).toBe(3);
    wanted = false;
    h.watcher.pollWantedChanged();
    await h.advance(60 * MINUTE);
    expect(h.reloads()).toBe(3);
    expect(h.virtual.armedCount()).toBe(0);
    wanted = true;
    h.watcher.pollWantedChanged();
    await flush();
    // Back in work hours: read at once, then poll again.
    expect(h.reloads()).toBe(4);
    await h.advance(20 * MINUTE);
    expect(h.reloads()).toBe(5);
  });

  it('a source events cannot see (the registry) is polled in work hours even when every folder is watched', async () => {
    const h = setup({ folders: [tempFolder()], unwatchedSources: true, pollMs: 15 * MINUTE });
    h.virtual.advance(20 * MINUTE);
    await flush();
    expect(h.reloads()).toBe(1);
  });

  it('reads again at once when a watcher fails, and watches again', async () => {
    const fake = new EventEmitter() as EventEmitter & { close(): void };
    fake.close = () => {};
    let watches = 0;
    const h = setup({
      folders: [tmpdir()],
      watchFolder: () => {
        watches++;
        return fake as unknown as FSWatcher;
      },
    });
    expect(h.virtual.armedCount()).toBe(0);
    fake.emit('error', new Error('the folder was removed'));
    h.virtual.advance(1000);
    await flush();
    expect(h.reloads()).toBe(1);
    expect(watches).toBe(2);
    expect(h.virtual.armedCount()).toBe(0);
  });

  it('runs one reading at a time and one more for a change during it', async () => {
    let running = 0;
    let most = 0;
    let reloads = 0;
    const watcher = watchPolicy({
      folders: [],
      clock: new VirtualClock(0),
      reload: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        reloads++;
        running--;
      },
    });
    await Promise.all([watcher.reloadNow(), watcher.reloadNow(), watcher.reloadNow()]);
    expect(most).toBe(1);
    expect(reloads).toBe(2);
    watcher.dispose();
  });
});
