import type { Policy } from '../../contract/settings';
import type { AppContext } from '../context';
import { createPolicyKeeper, decidePolicy } from './keeper';
import { loadPolicy, type PolicyLoad } from './load';
import { machinePolicySources, type PolicySource, type PolicySourceOptions } from './sources';
import { type PolicyWatcher, watchPolicy } from './watch';

/**
 * The organisation's policy for a running app: read before the app starts (so the
 * first plan already follows it), then kept current as administrators change it.
 */
export interface ManagedPolicy {
  /** The first reading. */
  initial: PolicyLoad;
  /** What the app starts with: the first reading's policy, if it is good. */
  startWith: Policy | undefined;
  /** Applies the first reading's notices and logs, then watches for changes. */
  attach(
    context: Pick<AppContext, 'settings' | 'notices' | 'logger' | 'clock' | 'timer'>,
  ): PolicyWatcher;
}

export interface ManagedPolicyOptions {
  debounceMs?: number;
  pollMs?: number;
}

/** The registry is polled only while breaks are being timed: in work hours, not paused. */
const POLL_EDGES = new Set(['paused', 'resumed', 'work-hours-start', 'work-hours-end']);

export async function openManagedPolicy(
  sources: readonly PolicySource[],
  options: ManagedPolicyOptions = {},
): Promise<ManagedPolicy> {
  const initial = await loadPolicy(sources);
  return {
    initial,
    startWith: decidePolicy(undefined, initial).policy,
    attach(context) {
      const keeper = createPolicyKeeper(context);
      keeper.apply(initial);
      const { timer } = context;
      const watcher = watchPolicy({
        folders: [...new Set(sources.flatMap((source) => source.watch))],
        reload: async () => keeper.apply(await loadPolicy(sources)),
        clock: context.clock,
        unwatchedSources: sources.some((source) => source.watch.length === 0),
        pollWanted: () => {
          const { state } = timer.status();
          return state !== 'paused' && state !== 'outside-work-hours';
        },
        ...options,
      });
      const stopFollowing = timer.onEvent((event) => {
        if (POLL_EDGES.has(event.type)) watcher.pollWantedChanged();
      });
      return {
        ...watcher,
        dispose() {
          stopFollowing();
          watcher.dispose();
        },
      };
    },
  };
}

/** This machine's policy places (docs/policy.md), for the desktop host and `policy show`. */
export function openMachinePolicy(
  options: PolicySourceOptions & ManagedPolicyOptions,
): Promise<ManagedPolicy> {
  return openManagedPolicy(machinePolicySources(options), options);
}
