import { existsSync, type FSWatcher, watch } from 'node:fs';

/**
 * Re-reads the policy when an administrator changes it: file-system events on the
 * policy folders for a quick reaction (debounced: editors and deployment tools write
 * in bursts), and a slow poll for what events miss (the registry, a folder created
 * later, network file systems, platforms where `fs.watch` is unreliable).
 */

export interface PolicyWatcherOptions {
  /** Folders to watch while they exist. */
  folders: readonly string[];
  /** Reads the policy again and applies it. */
  reload: () => Promise<void>;
  debounceMs?: number;
  pollMs?: number;
  /** For tests: a replacement for `fs.watch`. */
  watchFolder?: (folder: string, onEvent: () => void) => FSWatcher;
}

export interface PolicyWatcher {
  /** Read again now (debounce skipped); resolves once applied. */
  reloadNow(): Promise<void>;
  dispose(): void;
}

export function watchPolicy(options: PolicyWatcherOptions): PolicyWatcher {
  const { folders, reload, debounceMs = 300, pollMs = 60_000 } = options;
  const watchFolder =
    options.watchFolder ??
    ((folder: string, onEvent: () => void) => watch(folder, { persistent: false }, onEvent));
  const watchers = new Map<string, FSWatcher>();
  let disposed = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  // One reading at a time; a change during a reading asks for one more.
  let running: Promise<void> | undefined;
  let again = false;

  const attach = () => {
    for (const folder of folders) {
      const exists = existsSync(folder);
      const watcher = watchers.get(folder);
      if (watcher && !exists) {
        watcher.close();
        watchers.delete(folder);
      } else if (!watcher && exists) {
        try {
          const created = watchFolder(folder, schedule);
          created.on('error', () => {
            created.close();
            watchers.delete(folder);
            schedule();
          });
          watchers.set(folder, created);
        } catch {
          // Watching is an optimisation: the poll still notices the change.
        }
      }
    }
  };

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await reload();
        } catch {
          // reload reports its own problems; a failure must not stop the watching.
        }
        if (!disposed) attach();
      } while (again && !disposed);
      running = undefined;
    })();
    return running;
  };

  function schedule() {
    if (disposed) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => void run(), debounceMs);
  }

  attach();
  const poll = setInterval(schedule, pollMs);
  poll.unref?.();

  return {
    reloadNow: () => run(),
    dispose() {
      disposed = true;
      clearTimeout(debounce);
      clearInterval(poll);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
