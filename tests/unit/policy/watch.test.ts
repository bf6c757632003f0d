import { EventEmitter } from 'node:events';
import type { FSWatcher } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPolicy } from '../../../src/app/policy/watch';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('watching the policy folders', () => {
  it('reads again once after a burst of changes in a watched folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'unhunch-watch-'));
    dirs.push(folder);
    let reloads = 0;
    const watcher = watchPolicy({
      folders: [folder],
      reload: async () => {
        reloads++;
      },
      debounceMs: 100,
      pollMs: 60_000,
    });
    for (let i = 0; i < 5; i++) writeFileSync(join(folder, 'policy.json'), `{"version":${i}}`);
    await vi.waitFor(() => expect(reloads).toBe(1), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reloads).toBe(1);
    watcher.dispose();
  });

  it('falls back to polling where folders cannot be watched', async () => {
    vi.useFakeTimers();
    let reloads = 0;
    const watcher = watchPolicy({
      folders: [tmpdir()],
      reload: async () => {
        reloads++;
      },
      debounceMs: 10,
      pollMs: 1000,
      watchFolder: () => {
        throw new Error('ENOSPC: System limit for number of file watchers reached');
      },
    });
    await vi.advanceTimersByTimeAsync(3100);
    expect(reloads).toBe(3);
    watcher.dispose();
    await vi.advanceTimersByTimeAsync(3000);
    expect(reloads).toBe(3);
  });

  it('keeps polling when a watcher fails, and reads again at once', async () => {
    vi.useFakeTimers();
    const fake = new EventEmitter() as EventEmitter & { close(): void };
    fake.close = () => {};
    let reloads = 0;
    const watcher = watchPolicy({
      folders: [tmpdir()],
      reload: async () => {
        reloads++;
      },
      debounceMs: 10,
      pollMs: 60_000,
      watchFolder: () => fake as unknown as FSWatcher,
    });
    fake.emit('error', new Error('the folder was removed'));
    await vi.advanceTimersByTimeAsync(20);
    expect(reloads).toBe(1);
    watcher.dispose();
  });

  it('runs one reading at a time and one more for a change during it', async () => {
    let running = 0;
    let most = 0;
    let reloads = 0;
    const watcher = watchPolicy({
      folders: [],
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
