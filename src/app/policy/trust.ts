import { dirname } from 'node:path';
import type { PolicyFs, RunCommand } from './host';

/**
 * A location an ordinary user can write is never read as policy: otherwise anyone
 * could unlock their own settings by dropping a file. Each check answers null (only an
 * administrator can change this file) or the reason it is refused.
 */

const GROUP_WRITE = 0o020;
const WORLD_WRITE = 0o002;

/**
 * Who besides the owner, the group and everyone may write a file, as its extended
 * access control list says: a root-owned 0644 file can still be writable by a user
 * named in its ACL. Answers the reason to refuse, or null.
 */
export type AclCheck = (path: string, what: string) => Promise<string | null>;

export interface PosixTrustOptions {
  fs: PolicyFs;
  /** The extended ACL check of this platform (getfacl on Linux, `ls -le` on macOS). */
  acl?: AclCheck;
  /** Where the walk up the folders stops (included): `/`, or a test's temporary root. */
  stopAt: string;
  /** Groups whose members are administrators anyway: root's, and `admin` on macOS. */
  adminGroups: readonly number[];
}

/**
 * POSIX: the file and every folder above it, up to `stopAt`, owned by root and not
 * writable by any group but an administrators' one, nor by everyone. A symbolic link
 * is followed and its target's whole chain checked up to `/`.
 */
export async function posixTrustProblem(
  path: string,
  options: PosixTrustOptions,
): Promise<string | null> {
  const { fs, stopAt, adminGroups } = options;
  let current = path;
  for (;;) {
    const facts = await fs.lstat(current);
    if (facts.isSymbolicLink()) {
      const target = await fs.realpath(current);
      const problem = await posixTrustProblem(target, { ...options, stopAt: '/' });
      if (problem) return `${current} links to ${target}: ${problem}`;
    } else {
      const what = current === path ? 'the file' : `the folder ${current}`;
      if (facts.uid !== 0) return `${what} is owned by user ${facts.uid}, not root`;
      if (facts.mode & WORLD_WRITE) return `${what} can be changed by every user`;
      if (facts.mode & GROUP_WRITE && !adminGroups.includes(facts.gid)) {
        return `${what} can be changed by the members of group ${facts.gid}`;
      }
      const aclProblem = await options.acl?.(current, what);
      if (aclProblem) return aclProblem;
    }
    const parent = dirname(current);
    if (current === stopAt || parent === current) return null;
    current = parent;
  }
}

/** Well-known SIDs that only administrators and the system act as. */
const ADMIN_SIDS = new Set([
  'S-1-5-18', // LocalSystem
  'S-1-5-32-544', // BUILTIN\Administrators
  'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464', // TrustedInstaller
]);

/** Rights that let a holder change a file. */
const FILE_WRITE_RIGHTS =
  0x2 | // WriteData / CreateFiles
  0x4 | // AppendData / CreateDirectories
  0x10 | // WriteExtendedAttributes
  0x40 | // DeleteSubdirectoriesAndFiles
  0x100 | // WriteAttributes
  0x10000 | // Delete
  0x40000 | // ChangePermissions
  0x80000 | // TakeOwnership
  0x10000000 | // GenericAll
  0x40000000; // GenericWrite

/**
 * Rights on the folder that let a holder replace a file an administrator put there.
 * Creating new files is not among them: `%ProgramData%` lets users create files in
 * its subfolders by default, but a file a user creates is theirs and fails the owner
 * check, and only `policy.json` is ever read.
 */
const FOLDER_REPLACE_RIGHTS =
  0x40 | // DeleteSubdirectoriesAndFiles
  0x10000 | // Delete
  0x40000 | // ChangePermissions
  0x80000 | // TakeOwnership
  0x10000000 | // GenericAll
  0x40000000; // GenericWrite

/** One access rule of a Windows ACL as the PowerShell probe prints it. */
export interface WindowsAccessRule {
  sid: string;
  rights: number;
  allow: boolean;
  /** Inherit-only rules apply to what is created inside, not to this object. */
  inheritOnly: boolean;
}

export interface WindowsAcl {
  owner: string;
  rules: WindowsAccessRule[];
}

/** The decision on one Windows ACL, separate from reading it so it can be tested anywhere. */
export function windowsAclProblem(
  acl: WindowsAcl,
  what: string,
  kind: 'file' | 'folder',
): string | null {
  if (!ADMIN_SIDS.has(acl.owner)) return `${what} is owned by ${acl.owner}, not an administrator`;
  const risky = kind === 'file' ? FILE_WRITE_RIGHTS : FOLDER_REPLACE_RIGHTS;
  for (const rule of acl.rules) {
    if (rule.allow && !rule.inheritOnly && rule.rights & risky && !ADMIN_SIDS.has(rule.sid))
      return `${what} can be changed by ${rule.sid}, who is not an administrator`;
  }
  return null;
}

/** Prints the owner and access rules of `$path` as JSON, with SIDs (account names are localised). */
const ACL_PROBE = [
  "$ErrorActionPreference = 'Stop'",
  '$acl = Get-Acl -LiteralPath $path',
  '$sid = [System.Security.Principal.SecurityIdentifier]',
  '$rules = @($acl.GetAccessRules($true, $true, $sid) | ForEach-Object {',
  "  @{ sid = $_.IdentityReference.Value; rights = [int64]$_.FileSystemRights; allow = ($_.AccessControlType -eq 'Allow'); inheritOnly = (($_.PropagationFlags -band 2) -ne 0) } })",
  '@{ owner = $acl.GetOwner($sid).Value; rules = $rules } | ConvertTo-Json -Compress -Depth 4',
].join('\n');

export function parseWindowsAcl(json: string): WindowsAcl | null {
  try {
    const value = JSON.parse(json) as { owner?: unknown; rules?: unknown };
    if (typeof value.owner !== 'string') return null;
    const rules = Array.isArray(value.rules) ? value.rules : value.rules ? [value.rules] : [];
    return {
      owner: value.owner,
      rules: rules.map((rule: Record<string, unknown>) => ({
        sid: String(rule.sid),
        rights: Number(rule.rights),
        allow: rule.allow === true,
        inheritOnly: rule.inheritOnly === true,
      })),
    };
  } catch {
    return null;
  }
}

export interface WindowsTrustOptions {
  run: RunCommand;
  /** Full path of powershell.exe, never looked up on PATH. */
  powershell: string;
}

/** Windows: the file and its folder owned by administrators; no one else can change the file. */
export async function windowsTrustProblem(
  path: string,
  options: WindowsTrustOptions,
): Promise<string | null> {
  for (const [target, what, kind] of [
    [path, 'the file', 'file'],
    [dirname(path), `the folder ${dirname(path)}`, 'folder'],
  ] as const) {
    const encoded = Buffer.from(
      `$path = '${target.replaceAll("'", "''")}'\n${ACL_PROBE}`,
      'utf16le',
    ).toString('base64');
    const result = await options.run(options.powershell, [
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
      encoded,
    ]);
    const acl = result.code === 0 ? parseWindowsAcl(result.stdout.trim()) : null;
    if (!acl)
      return `the permissions of ${what} could not be read${result.stderr ? `: ${result.stderr.trim()}` : ''}`;
    const problem = windowsAclProblem(acl, what, kind);
    if (problem) return problem;
  }
  return null;
}

/**
 * Linux: the named users and groups of a POSIX ACL (`getfacl --numeric` output) that
 * can write, the mask applied; `default:` entries only shape new files and are left
 * out. Root (0) and the administrators' groups may write.
 */
export function linuxAclProblem(
  getfaclOutput: string,
  what: string,
  adminGroups: readonly number[],
): string | null {
  const entries = getfaclOutput
    .split('\n')
    .map((line) => line.split('#')[0]!.trim())
    .filter((line) => line !== '' && !line.startsWith('default:'))
    .map((line) => line.split(':'));
  const mask = entries.find(([tag]) => tag === 'mask')?.[2];
  const writes = (perms: string | undefined) =>
    perms?.includes('w') === true && (mask === undefined || mask.includes('w'));
  for (const [tag, id, perms] of entries) {
    if (!id || !writes(perms)) continue;
    if (tag === 'user' && id !== '0') return `${what} can be changed by user ${id} (its ACL)`;
    if (tag === 'group' && !adminGroups.includes(Number(id))) {
      return `${what} can be changed by the members of group ${id} (its ACL)`;
    }
  }
  return null;
}

/** macOS ACL rights that let a holder change a file or what a folder holds. */
const MACOS_WRITE_RIGHTS = new Set([
  'write',
  'append',
  'writeattr',
  'writeextattr',
  'writesecurity',
  'chown',
  'delete',
  'delete_child',
  'add_file',
  'add_subdirectory',
]);
const MACOS_ADMINS = new Set(['user:root', 'group:admin', 'group:wheel']);
const MACOS_ACL_LINE = /^\s*\d+:\s+(user|group):(.+?)\s+(?:inherited\s+)?(allow|deny)\s+(\S+)/;

/** macOS: an `allow` entry of `ls -led` that lets anyone but root or the admins write. */
export function macosAclProblem(lsOutput: string, what: string): string | null {
  for (const line of lsOutput.split('\n')) {
    const match = MACOS_ACL_LINE.exec(line);
    if (!match) continue;
    const [, tag, name, kind, rights = ''] = match;
    if (kind !== 'allow' || MACOS_ADMINS.has(`${tag}:${name}`)) continue;
    if (rights.split(',').some((right) => MACOS_WRITE_RIGHTS.has(right))) {
      return `${what} can be changed by ${tag} ${name} (its ACL)`;
    }
  }
  return null;
}

/**
 * The Linux ACL check with the system's getfacl. Where getfacl is not installed, `ls`
 * still shows whether there is an ACL (a `+` after the mode): such a file is refused,
 * since who it lets in cannot be read.
 */
export function linuxAclCheck(run: RunCommand, adminGroups: readonly number[]): AclCheck {
  return async (path, what) => {
    const acl = await run('/usr/bin/getfacl', [
      '--absolute-names',
      '--numeric',
      '--omit-header',
      '--',
      path,
    ]);
    if (acl.code === 0) return linuxAclProblem(acl.stdout, what, adminGroups);
    const listed = await run('/bin/ls', ['-ld', '--', path]);
    if (listed.code === 0 && /^\S+\+/.test(listed.stdout)) {
      return `${what} has an access control list that could not be read (install the acl package)`;
    }
    return null;
  };
}

/** The macOS ACL check: `ls -led` lists a file's or folder's ACL entries. */
export function macosAclCheck(run: RunCommand): AclCheck {
  return async (path, what) => {
    const listed = await run('/bin/ls', ['-led', path]);
    if (listed.code !== 0) return `the permissions of ${what} could not be read`;
    return macosAclProblem(listed.stdout, what);
  };
}
