import { isRecord } from '../../core/json';
import { mergePolicyValues } from './merge';

/**
 * macOS managed preferences: what a configuration profile (Jamf, Intune, Kandji…)
 * for the preference domain `org.unhunch.app` leaves in
 * `/Library/Managed Preferences/org.unhunch.app.plist`, read as JSON through
 * `plutil -convert json`. The keys are the policy's own (`version`, `defaults`,
 * `locked`, `exercises`, `checklist`, `links`) as plist dictionaries, arrays, strings,
 * integers and booleans. A plist has no `null`, so a `Policy` string may carry a whole
 * policy as JSON; the other keys refine it. `version` may be left out (it is 1).
 */

export const MANAGED_PREFERENCES_DOMAIN = 'org.unhunch.app';

export type ManagedPreferencesPolicy =
  | { ok: true; value: unknown }
  | { ok: false; issues: string[] };

export function managedPreferencesToPolicy(json: unknown): ManagedPreferencesPolicy | undefined {
  if (!isRecord(json)) {
    return { ok: false, issues: ['the managed preferences are not a dictionary'] };
  }
  // Profile bookkeeping (PayloadUUID…) can be copied into the domain; it is not policy.
  const keys = Object.fromEntries(
    Object.entries(json).filter(([key]) => !key.startsWith('Payload')),
  );
  if (Object.keys(keys).length === 0) return undefined;
  const { Policy: whole, ...rest } = keys;
  let base: Record<string, unknown> = {};
  if (whole !== undefined) {
    if (typeof whole !== 'string') {
      return { ok: false, issues: ['Policy: write the whole policy as JSON in a string'] };
    }
    try {
      const parsed = JSON.parse(whole) as unknown;
      if (!isRecord(parsed)) {
        return { ok: false, issues: ['Policy: the JSON is not an object like {"version": 1, …}'] };
      }
      base = parsed;
    } catch (error) {
      return { ok: false, issues: [`Policy: not valid JSON (${(error as Error).message})`] };
    }
  }
  return { ok: true, value: mergePolicyValues({ version: 1, ...base }, rest) };
}
