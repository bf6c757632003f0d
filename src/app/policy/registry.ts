import { isRecord } from '../../core/json';
import { mergePolicyValues } from './merge';
import { type SettingKind, settingKind } from './shape';

/**
 * Windows policy in the registry, the Group Policy way: values under
 * `HKLM\SOFTWARE\Policies\Unhunch`, which only administrators (and Group Policy) can
 * write. The mapping, documented in docs/policy.md:
 *
 * - `Policy` (REG_SZ, or REG_MULTI_SZ whose lines are joined): a whole policy as JSON,
 *   the base the other values refine;
 * - `defaults.<setting>` / `locked.<setting>`, e.g. `locked.microBreak.every`: one
 *   setting each; REG_DWORD for numbers and on/off (1/0), REG_SZ for text (JSON for
 *   lists of objects and `null`), REG_MULTI_SZ for lists of words like work days;
 * - `exercises`, `checklist`, `links` (REG_SZ): JSON lists;
 * - `version` (REG_DWORD): optional, 1.
 *
 * Values in subkeys and the key's unnamed default value are not read.
 */

export const POLICY_REGISTRY_KEY = 'HKLM\\SOFTWARE\\Policies\\Unhunch';

export type RegistryValue =
  | { type: 'REG_SZ' | 'REG_EXPAND_SZ'; data: string }
  | { type: 'REG_DWORD' | 'REG_QWORD'; data: number }
  | { type: 'REG_MULTI_SZ'; data: string[] }
  | { type: 'other'; typeName: string };

export interface RegistryKey {
  key: string;
  values: Record<string, RegistryValue>;
}

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** The keys and values printed by `reg query <key> /s`. */
export function parseRegQuery(output: string): RegistryKey[] {
  const keys: RegistryKey[] = [];
  let current: RegistryKey | undefined;
  for (const raw of output.split(/\r?\n/)) {
    if (/^HKEY_/i.test(raw)) {
      current = { key: raw.trim(), values: {} };
      keys.push(current);
      continue;
    }
    const match = VALUE_LINE.exec(raw);
    if (!match || !current) continue;
    const [, name = '', type = '', data = ''] = match;
    current.values[name] = registryValue(type, data);
  }
  return keys;
}

function registryValue(type: string, data: string): RegistryValue {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return { type, data };
    case 'REG_DWORD':
    case 'REG_QWORD':
      return { type, data: Number.parseInt(data, data.startsWith('0x') ? 16 : 10) };
    case 'REG_MULTI_SZ':
      return { type, data: data === '' ? [] : data.split('\\0').filter((word) => word !== '') };
    default:
      return { type: 'other', typeName: type };
  }
}

export type RegistryPolicy = { ok: true; value: unknown } | { ok: false; issues: string[] };

const CONTENT = new Set(['exercises', 'checklist', 'links']);
const LAYERS = new Set(['defaults', 'locked']);

/** A registry value as the policy value its setting takes. */
function convert(
  name: string,
  value: RegistryValue,
  kind: SettingKind | undefined,
): { ok: true; value: unknown } | { ok: false; issue: string } {
  switch (value.type) {
    case 'REG_DWORD':
    case 'REG_QWORD':
      if (kind === 'boolean') {
        if (value.data === 0 || value.data === 1) return { ok: true, value: value.data === 1 };
        return { ok: false, issue: `${name}: write 1 for on or 0 for off, not ${value.data}` };
      }
      return { ok: true, value: value.data };
    case 'REG_MULTI_SZ':
      // A list of words; for a JSON setting, the lines of a multi-line text box.
      if (kind === 'list' || kind === 'string' || kind === undefined)
        return { ok: true, value: value.data };
      return parseJson(name, value.data.join('\n'), kind);
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      // Text settings take the string as it is; anything else is written as JSON.
      if (kind === 'string' || kind === undefined) return { ok: true, value: value.data };
      return parseJson(name, value.data, kind);
    case 'other':
      return { ok: false, issue: `${name}: a ${value.typeName} value cannot hold a policy value` };
  }
}

function parseJson(
  name: string,
  text: string,
  kind: SettingKind,
): { ok: true; value: unknown } | { ok: false; issue: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      issue: `${name}: not valid JSON (${(error as Error).message}); a ${kind} setting takes ${
        kind === 'boolean' || kind === 'integer' ? 'a REG_DWORD' : 'JSON text'
      }`,
    };
  }
}

/** Sets `path` in `target`, refusing to put a value both at a key and inside it. */
function place(target: Record<string, unknown>, path: string[], value: unknown): string | null {
  let node = target;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      if (key in node) return `${path.join('.')} is set twice`;
      node[key] = value;
      return null;
    }
    const next = node[key];
    if (next === undefined) node[key] = {};
    else if (!isRecord(next))
      return `${path.slice(0, index + 1).join('.')} is set as a whole and by its parts`;
    node = node[key] as Record<string, unknown>;
  }
  return null;
}

/**
 * The policy the values of `HKLM\SOFTWARE\Policies\Unhunch` describe (not yet
 * validated: the policy schema checks it like any file), or the values that cannot
 * be read. `undefined` when the key holds no values.
 */
export function registryToPolicy(
  values: Record<string, RegistryValue>,
): RegistryPolicy | undefined {
  const names = Object.keys(values).filter((name) => !/^\(.*\)$/.test(name));
  if (names.length === 0) return undefined;
  const issues: string[] = [];
  let policy: Record<string, unknown> = {};
  const whole = values.Policy;
  if (whole) {
    const parsed = convert('Policy', whole, 'object');
    if (!parsed.ok) issues.push(parsed.issue);
    else if (isRecord(parsed.value)) policy = parsed.value;
    else issues.push('Policy: the JSON is not an object like {"version": 1, …}');
  }
  // Single values refine the JSON one, as a later source refines an earlier one.
  const single: Record<string, unknown> = {};
  for (const name of names.sort()) {
    if (name === 'Policy') continue;
    const [head = '', ...rest] = name.split('.');
    const kind =
      LAYERS.has(head) && rest.length > 0
        ? settingKind(rest)
        : head === 'version' && rest.length === 0
          ? 'integer'
          : CONTENT.has(head) && rest.length === 0
            ? 'json'
            : undefined;
    const converted = convert(name, values[name]!, kind);
    if (!converted.ok) {
      issues.push(converted.issue);
      continue;
    }
    const problem = place(single, name.split('.'), converted.value);
    if (problem) issues.push(`${name}: ${problem}`);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: mergePolicyValues({ version: 1, ...policy }, single) };
}

/**
 * System32 as the kernel names it: `\SystemRoot` is a link in the object manager's
 * namespace that Windows sets at boot. No environment variable takes part, so a user
 * who sets `%SystemRoot%` for their own session cannot point Unhunch at their own
 * `reg.exe`.
 */
export const KERNEL_SYSTEM32 = '\\\\?\\GLOBALROOT\\SystemRoot\\System32';
const WINDOWS_NT_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
const PROFILE_LIST_KEY = `${WINDOWS_NT_KEY}\\ProfileList`;

/** Where Windows is and where machine-wide program data goes, as the system says. */
export interface WindowsSystemFolders {
  systemRoot: string;
  programData: string;
}

/** Runs a program synchronously (once, at start, on Windows only). */
export type RunCommandSync = (
  file: string,
  args: readonly string[],
) => {
  code: number | null;
  stdout: string;
};

const PLAIN_WINDOWS_PATH = /^[A-Za-z]:\\[^%"<>|?*]*$/;

/**
 * The Windows folders from the machine's registry (HKLM, which only administrators
 * write), read with the `reg.exe` of `KERNEL_SYSTEM32`; never from `%ProgramData%` or
 * `%SystemRoot%`. `%SystemDrive%` and `%SystemRoot%` in a registry value are expanded
 * from the registry's own SystemRoot. When the registry cannot be read, Windows'
 * defaults (`C:\Windows`, `C:\ProgramData`): still nothing a user can set.
 */
export function windowsSystemFolders(run: RunCommandSync): WindowsSystemFolders {
  const regValue = (key: string, name: string): string | undefined => {
    const result = run(`${KERNEL_SYSTEM32}\\reg.exe`, ['query', key, '/v', name]);
    if (result.code !== 0) return undefined;
    const value = parseRegQuery(result.stdout)[0]?.values[name];
    return value && (value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ')
      ? value.data
      : undefined;
  };
  const registryRoot = regValue(WINDOWS_NT_KEY, 'SystemRoot');
  const systemRoot =
    registryRoot && PLAIN_WINDOWS_PATH.test(registryRoot) ? registryRoot : 'C:\\Windows';
  const systemDrive = systemRoot.slice(0, 2);
  const programData = regValue(PROFILE_LIST_KEY, 'ProgramData')
    ?.replace(/%SystemDrive%/gi, systemDrive)
    .replace(/%SystemRoot%/gi, systemRoot);
  return {
    systemRoot,
    programData:
      programData && PLAIN_WINDOWS_PATH.test(programData)
        ? programData
        : `${systemDrive}\\ProgramData`,
  };
}
