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
  attach(context: Pick<AppContext, 'settings' | 'notices' | 'logger'>): PolicyWatcher;
}

export interface ManagedPolicyOptions {
  debounceMs?: number;
  pollMs?: number;
}

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
      return watchPolicy({
        folders: [...new Set(sources.flatMap((source) => source.watch))],
        reload: async () => keeper.apply(await loadPolicy(sources)),
        ...options,
      });
    },
  };
}

/** This machine's policy places (docs/policy.md), for the desktop host and `policy show`. */
export function openMachinePolicy(
  options: PolicySourceOptions & ManagedPolicyOptions,
): Promise<ManagedPolicy> {
  return openManagedPolicy(machinePolicySources(options), options);
}
