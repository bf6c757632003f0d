import type { UnhunchApp } from '../app/app';
import { type ManagedPolicy, openMachinePolicy } from '../app/policy/machine';
import type { PolicyWatcher } from '../app/policy/watch';

/**
 * The organisation's policy for the desktop app (docs/policy.md): read from this
 * machine's policy places before the app starts, then watched so an administrator's
 * change applies without a restart. The decisions are the app's (src/app/policy).
 */
export function readMachinePolicy(): Promise<ManagedPolicy> {
  return openMachinePolicy({ platform: process.platform });
}

/** Shows the first reading's notice, if any, logs its problems, and keeps the policy current. */
export function keepPolicyCurrent(policy: ManagedPolicy, app: UnhunchApp): PolicyWatcher {
  return policy.attach(app.context);
}
