import { existsSync, type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Clock, TimerHandle } from '../../core/time/clock';
import { setTimerWithin } from '../shared-clock';

/**
 * Re-reads the policy when an administrator changes it, without waking the machine
 * while nothing changes: file-system events on the policy folders (debounced: editors
 * and deployment tools write in bursts); for a folder that does not exist yet, events on
 * its nearest existing parent, filtered to the one name that leads to it. Only what
 * events cannot see (the Windows registry, a folder whose watch failed) is polled, and
 * only while `pollWanted` (the app is in work hours and not paused), at a slow rate
 * that waits for a wake the app has anyway.
 */

export interface PolicyWatcherOptions {
  /** Folders whose changes can change the policy. */
  folders: readonly string[];
  /** Reads the policy again and applies it. */
  reload: () => Promise<void>;
  /** The host's clock: the debounce and the poll are its timers. */
  clock: Clock;
  debounceMs?: number;
  /** A source events cannot see (the registry): poll while `pollWanted`. */
  unwatchedSources?: boolean;
  /** How often to poll, at the earliest; it may wait `pollLeewayMs` more for another wake. */
  pollMs?: number;
  pollLeewayMs?: number;
  pollWanted?: () => boolean;
  /** For tests: a replacement for `fs.watch`. */
  watchFolder?: (folder: string, onEvent: (filename: string | null) => void) => FSWatcher;
}

export interface PolicyWatcher {
  /** Read again now (debounce skipped); resolves once applied. */
  reloadNow(): Promise<void>;
  /** `pollWanted` may have changed (work hours began or ended, a pause began or ended). */
  pollWantedChanged(): void;
  dispose(): void;
}

export const POLICY_DEBOUNCE_MS = 300;
/** An administrator's registry change applies within 15 to 20 minutes in work hours. */
export const POLICY_POLL_MS = 15 * 60_000;
export const POLICY_POLL_LEEWAY_MS = 5 * 60_000;

/** What to watch for `folder`: itself, or its nearest existing parent and the name leading down. */
function watchTarget(folder: string): { path: string; name: string | null } {
  let child = folder;
  let name: string | null = null;
  while (!existsSync(child)) {
    const parent = dirname(child);
    if (parent === child) return { path: child, name };
    name = basename(child);
    child = parent;
  }
  return { path: child, name };
}

interface Watched {
  watcher: FSWatcher;
  /** The names in this folder that matter; null: any change. */
  names: Set<string> | null;
}

export function watchPolicy(options: PolicyWatcherOptions): PolicyWatcher {
  const {
    folders,
    reload,
    clock,
    debounceMs = POLICY_DEBOUNCE_MS,
    unwatchedSources = false,
    pollMs = POLICY_POLL_MS,
    pollLeewayMs = POLICY_POLL_LEEWAY_MS,
    pollWanted = () => true,
  } = options;
  const watchFolder =
    options.watchFolder ??
    ((folder: string, onEvent: (filename: string | null) => void) =>
      watch(folder, { persistent: false }, (_type, filename) =>
        onEvent(filename === null ? null : String(filename)),
      ));
  const watched = new Map<string, Watched>();
  /** Folders whose watch could not be set up or failed: only a poll sees them. */
  const unwatchable = new Set<string>();
  let disposed = false;
  let debounce: TimerHandle | null = null;
  let poll: TimerHandle | null = null;
  // One reading at a time; a change during a reading asks for one more.
  let running: Promise<void> | undefined;
  let again = false;

  const attach = () => {
    const wanted = new Map<string, Set<string> | null>();
    for (const folder of folders) {
      const { path, name } = watchTarget(folder);
      const names = wanted.get(path);
      if (name === null || names === null) wanted.set(path, null);
      else wanted.set(path, new Set([...(names ?? []), name]));
    }
    for (const [path, entry] of watched) {
      if (!wanted.has(path)) {
        entry.watcher.close();
        watched.delete(path);
      }
    }
    for (const [path, names] of wanted) {
      const existing = watched.get(path);
      if (existing) {
        existing.names = names;
        continue;
      }
      if (unwatchable.has(path)) continue;
      try {
        const entry: Watched = { watcher: undefined as unknown as FSWatcher, names };
        entry.watcher = watchFolder(path, (filename) => {
          if (entry.names === null || filename === null || entry.names.has(filename)) schedule();
        });
        entry.watcher.on('error', () => {
          entry.watcher.close();
          watched.delete(path);
          unwatchable.add(path);
          schedule();
          armPoll();
        });
        watched.set(path, entry);
      } catch {
        // ENOSPC, EPERM: the poll still notices the change, in work hours.
        unwatchable.add(path);
      }
    }
    armPoll();
  };

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        // Watch first, then read: a folder made a moment ago is watched before it is read,
        // so a file written into it meanwhile is either read now or seen by the watch.
        // What could not be watched is tried again: the folder may be back.
        unwatchable.clear();
        if (!disposed) attach();
        try {
          await reload();
        } catch {
          // reload reports its own problems; a failure must not stop the watching.
        }
      } while (again && !disposed);
      running = undefined;
    })();
    return running;
  };

  function schedule() {
    if (disposed) return;
    if (debounce) clock.cancel(debounce);
    debounce = clock.setTimer(clock.monotonic() + debounceMs, () => {
      debounce = null;
      void run();
    });
  }

  const pollNeeded = () => !disposed && (unwatchedSources || unwatchable.size > 0) && pollWanted();

  function armPoll() {
    if (!pollNeeded()) {
      if (poll) clock.cancel(poll);
      poll = null;
      return;
    }
    if (poll) return;
    const now = clock.monotonic();
    poll = setTimerWithin(clock, now + pollMs, now + pollMs + pollLeewayMs, () => {
      poll = null;
      void run();
      armPoll();
    });
  }

  attach();

  return {
    reloadNow: () => run(),
    pollWantedChanged() {
      const polling = poll !== null;
      armPoll();
      // Back in work hours: what changed while nobody looked applies now.
      if (!polling && poll !== null) void run();
    },
    dispose() {
      disposed = true;
      if (debounce) clock.cancel(debounce);
      if (poll) clock.cancel(poll);
      debounce = poll = null;
      for (const entry of watched.values()) entry.watcher.close();
      watched.clear();
    },
  };
}
