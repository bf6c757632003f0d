import { join } from 'node:path';
import {
  isMissing,
  nodePolicyFs,
  type PolicyFs,
  type RunCommand,
  runCommand,
  runCommandSync,
} from './host';
import { MANAGED_PREFERENCES_DOMAIN, managedPreferencesToPolicy } from './managed-preferences';
import {
  POLICY_REGISTRY_KEY,
  parseRegQuery,
  type RunCommandSync,
  registryToPolicy,
  windowsSystemFolders,
} from './registry';
import {
  type AclCheck,
  linuxAclCheck,
  macosAclCheck,
  posixTrustProblem,
  windowsTrustProblem,
} from './trust';

/**
 * Where each platform keeps an organisation's policy, lowest precedence first
 * (docs/policy.md "Where the policy is read from"). Every place is one only an
 * administrator can write; a file anyone else could change is refused, unread.
 */

/** What one place held: nothing (no entry), a raw policy, or why it could not be used. */
export type SourceRead =
  | { where: string; state: 'found'; value: unknown }
  | { where: string; state: 'refused'; reason: string }
  | { where: string; state: 'invalid'; issues: string[] };

export interface PolicySource {
  /** The place as an administrator would name it. */
  where: string;
  /** What is there now: nothing, or one read per file (policy.d holds many). */
  read(): Promise<SourceRead[]>;
  /** Folders whose changes can change this source; watched while they exist. */
  watch: string[];
}

export interface PolicySourceOptions {
  platform: NodeJS.Platform;
  /**
   * For tests only: the folder standing for `/` on Linux and macOS, or holding
   * `ProgramData` on Windows. Never taken from the environment, which a user controls.
   */
  root?: string;
  fs?: PolicyFs;
  run?: RunCommand;
  /** Linux and macOS: the extended ACL check (the platform's own tool unless a test says). */
  acl?: AclCheck;
  /** Windows: how the system folders are looked up in the registry at start. */
  runSync?: RunCommandSync;
}

type TrustCheck = (path: string) => Promise<string | null>;

/** A JSON policy file, read only when the trust check passes. */
async function readTrustedJson(path: string, fs: PolicyFs, trust: TrustCheck) {
  try {
    await fs.lstat(path);
  } catch (error) {
    if (isMissing(error)) return [];
    return [invalid(path, `cannot be read: ${(error as Error).message}`)];
  }
  let problem: string | null;
  try {
    problem = await trust(path);
  } catch (error) {
    problem = `its permissions could not be checked: ${(error as Error).message}`;
  }
  if (problem) return [{ where: path, state: 'refused', reason: problem } satisfies SourceRead];
  let text: string;
  try {
    text = await fs.readFile(path);
  } catch (error) {
    return [invalid(path, `cannot be read: ${(error as Error).message}`)];
  }
  try {
    return [
      { where: path, state: 'found', value: JSON.parse(text) as unknown } satisfies SourceRead,
    ];
  } catch (error) {
    return [invalid(path, `not valid JSON: ${(error as Error).message}`)];
  }
}

function invalid(where: string, ...issues: string[]): SourceRead {
  return { where, state: 'invalid', issues };
}

function jsonFileSource(path: string, fs: PolicyFs, trust: TrustCheck): PolicySource {
  return { where: path, read: () => readTrustedJson(path, fs, trust), watch: [join(path, '..')] };
}

/** Linux: `/etc/unhunch/policy.json`, then `/etc/unhunch/policy.d/*.json` in name order. */
export function linuxPolicySources(root: string, fs: PolicyFs, acl?: AclCheck): PolicySource[] {
  const folder = join(root, 'etc', 'unhunch');
  const dropIns = join(folder, 'policy.d');
  const trust: TrustCheck = (path) =>
    posixTrustProblem(path, { fs, stopAt: root, adminGroups: [0], ...(acl ? { acl } : {}) });
  return [
    jsonFileSource(join(folder, 'policy.json'), fs, trust),
    {
      where: join(dropIns, '*.json'),
      watch: [dropIns],
      async read() {
        let names: string[];
        try {
          names = await fs.readdir(dropIns);
        } catch (error) {
          if (isMissing(error)) return [];
          return [invalid(dropIns, `cannot be read: ${(error as Error).message}`)];
        }
        const files = names.filter((name) => name.endsWith('.json') && !name.startsWith('.'));
        // Code-point order, as `ls` sorts in the C locale: 10-base.json before 20-site.json.
        files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const reads: SourceRead[] = [];
        for (const name of files)
          reads.push(...(await readTrustedJson(join(dropIns, name), fs, trust)));
        return reads;
      },
    },
  ];
}

/** macOS: `/Library/Application Support/Unhunch/policy.json`, then the managed preferences. */
export function macosPolicySources(
  root: string,
  fs: PolicyFs,
  run: RunCommand,
  acl?: AclCheck,
): PolicySource[] {
  // The `admin` group (80) is the Mac's administrators: its write access is theirs.
  const trust: TrustCheck = (path) =>
    posixTrustProblem(path, { fs, stopAt: root, adminGroups: [0, 80], ...(acl ? { acl } : {}) });
  const plist = join(root, 'Library', 'Managed Preferences', `${MANAGED_PREFERENCES_DOMAIN}.plist`);
  return [
    jsonFileSource(
      join(root, 'Library', 'Application Support', 'Unhunch', 'policy.json'),
      fs,
      trust,
    ),
    {
      where: plist,
      watch: [join(plist, '..')],
      async read() {
        try {
          await fs.lstat(plist);
        } catch (error) {
          if (isMissing(error)) return [];
          return [invalid(plist, `cannot be read: ${(error as Error).message}`)];
        }
        const problem = await trust(plist).catch(
          (error: Error) => `its permissions could not be checked: ${error.message}`,
        );
        if (problem) return [{ where: plist, state: 'refused', reason: problem }];
        const result = await run('/usr/bin/plutil', ['-convert', 'json', '-o', '-', plist]);
        if (result.code !== 0) {
          return [
            invalid(plist, `plutil could not read it: ${(result.stderr || result.stdout).trim()}`),
          ];
        }
        let json: unknown;
        try {
          json = JSON.parse(result.stdout);
        } catch (error) {
          return [invalid(plist, `plutil printed no JSON: ${(error as Error).message}`)];
        }
        const policy = managedPreferencesToPolicy(json);
        if (!policy) return [];
        return [
          policy.ok
            ? { where: plist, state: 'found', value: policy.value }
            : invalid(plist, ...policy.issues),
        ];
      },
    },
  ];
}

/** Windows: `%ProgramData%\Unhunch\policy.json`, then `HKLM\SOFTWARE\Policies\Unhunch`. */
export function windowsPolicySources(
  options: { programData: string; systemRoot: string },
  fs: PolicyFs,
  run: RunCommand,
): PolicySource[] {
  const system32 = join(options.systemRoot, 'System32');
  const powershell = join(system32, 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  const trust: TrustCheck = (path) => windowsTrustProblem(path, { run, powershell });
  return [
    jsonFileSource(join(options.programData, 'Unhunch', 'policy.json'), fs, trust),
    {
      where: POLICY_REGISTRY_KEY,
      watch: [],
      async read() {
        const result = await run(join(system32, 'reg.exe'), ['query', POLICY_REGISTRY_KEY, '/s']);
        // reg exits 1 when the key does not exist: no policy there.
        if (result.code === 1) return [];
        if (result.code !== 0) {
          return [
            invalid(
              POLICY_REGISTRY_KEY,
              `reg query failed: ${(result.stderr || 'it could not be run').trim()}`,
            ),
          ];
        }
        const key = parseRegQuery(result.stdout).find(
          (found) => found.key.toUpperCase() === 'HKEY_LOCAL_MACHINE\\SOFTWARE\\POLICIES\\UNHUNCH',
        );
        const policy = key ? registryToPolicy(key.values) : undefined;
        if (!policy) return [];
        return [
          policy.ok
            ? { where: POLICY_REGISTRY_KEY, state: 'found', value: policy.value }
            : invalid(POLICY_REGISTRY_KEY, ...policy.issues),
        ];
      },
    },
  ];
}

/** The places this machine's policy is read from, lowest precedence first. */
export function machinePolicySources(options: PolicySourceOptions): PolicySource[] {
  const fs = options.fs ?? nodePolicyFs;
  const run = options.run ?? runCommand;
  const root = options.root ?? '/';
  switch (options.platform) {
    case 'win32': {
      // From the registry, never from %ProgramData% or %SystemRoot%, which a user can set.
      const folders = options.root
        ? {
            programData: join(options.root, 'ProgramData'),
            systemRoot: join(options.root, 'Windows'),
          }
        : windowsSystemFolders(options.runSync ?? runCommandSync);
      return windowsPolicySources(folders, fs, run);
    }
    case 'darwin':
      return macosPolicySources(root, fs, run, options.acl ?? macosAclCheck(run));
    default:
      return linuxPolicySources(root, fs, options.acl ?? linuxAclCheck(run, [0]));
  }
}
