import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandResult, RunCommand } from '../../../src/app/policy/host';
import { loadPolicy } from '../../../src/app/policy/load';
import { parseRegQuery, registryToPolicy } from '../../../src/app/policy/registry';
import { machinePolicySources } from '../../../src/app/policy/sources';
import { parsePolicy } from '../../../src/contract/settings';
import { fakeRoot, removeAll } from './helpers';

const created: string[] = [];
afterEach(() => removeAll(created));

/** What `reg query HKLM\SOFTWARE\Policies\Unhunch /s` prints on Windows 11 (CRLF lines). */
const REG_QUERY = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Unhunch',
  '    Policy    REG_MULTI_SZ    {\\0  "version": 1,\\0  "links": [{"label": "Physio", "url": "https://intranet.example.com/physio"}]\\0}',
  '    locked.microBreak.every    REG_SZ    15m',
  '    locked.strictMode    REG_DWORD    0x1',
  '    defaults.naturalBreaks    REG_DWORD    0x0',
  '    locked.therapy.capMinutes    REG_DWORD    0xa',
  '    defaults.workHours.days    REG_MULTI_SZ    mon\\0tue\\0wed\\0thu',
  '    defaults.workHours.from    REG_SZ    08:00',
  '    defaults.skip.maxPerDay    REG_SZ    null',
  '    defaults.routines    REG_SZ    [{"id":"stand-up","cron":"0 15 * * 1-5"}]',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Unhunch\\Notes',
  '    locked.strictMode    REG_DWORD    0x0',
  '',
].join('\r\n');

const valuesOf = (output: string) => parseRegQuery(output)[0]?.values ?? {};

describe('the registry the Group Policy way', () => {
  it('reads every value type reg query prints', () => {
    const keys = parseRegQuery(REG_QUERY);
    expect(keys.map((k) => k.key)).toEqual([
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Unhunch',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Unhunch\\Notes',
    ]);
    expect(keys[0]?.values['locked.therapy.capMinutes']).toEqual({ type: 'REG_DWORD', data: 10 });
    expect(keys[0]?.values['defaults.workHours.days']).toEqual({
      type: 'REG_MULTI_SZ',
      data: ['mon', 'tue', 'wed', 'thu'],
    });
  });

  it('maps value names to policy keys, typed by the setting they name', () => {
    const mapped = registryToPolicy(valuesOf(REG_QUERY));
    expect(mapped).toEqual({
      ok: true,
      value: {
        version: 1,
        links: [{ label: 'Physio', url: 'https://intranet.example.com/physio' }],
        defaults: {
          naturalBreaks: false,
          workHours: { days: ['mon', 'tue', 'wed', 'thu'], from: '08:00' },
          skip: { maxPerDay: null },
          routines: [{ id: 'stand-up', cron: '0 15 * * 1-5' }],
        },
        locked: { microBreak: { every: '15m' }, strictMode: true, therapy: { capMinutes: 10 } },
      },
    });
    expect(mapped?.ok && parsePolicy(mapped.value).ok).toBe(true);
  });

  it('lets single values refine the whole-policy JSON value', () => {
    const mapped = registryToPolicy(
      valuesOf(
        [
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Unhunch',
          '    Policy    REG_SZ    {"version":1,"locked":{"microBreak":{"every":"30m","duration":"1m"}}}',
          '    locked.microBreak.every    REG_SZ    20m',
        ].join('\r\n'),
      ),
    );
    expect(mapped).toEqual({
      ok: true,
      value: { version: 1, locked: { microBreak: { every: '20m', duration: '1m' } } },
    });
  });

  it('names the value when it cannot be read', () => {
    const mapped = registryToPolicy(
      valuesOf(
        [
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Unhunch',
          '    Policy    REG_SZ    {"version":1,',
          '    locked.strictMode    REG_DWORD    0x2',
          '    defaults.routines    REG_SZ    every monday',
          '    links    REG_BINARY    00FF',
        ].join('\r\n'),
      ),
    );
    expect(mapped?.ok).toBe(false);
    const issues = mapped && !mapped.ok ? mapped.issues : [];
    expect(issues).toHaveLength(4);
    expect(issues[0]).toMatch(/^Policy: not valid JSON/);
    expect(issues).toContain('locked.strictMode: write 1 for on or 0 for off, not 2');
    expect(issues.some((i) => i.startsWith('defaults.routines: not valid JSON'))).toBe(true);
    expect(issues).toContain('links: a REG_BINARY value cannot hold a policy value');
  });

  it('leaves an unknown value name to the policy schema, which names its JSON path', () => {
    const mapped = registryToPolicy(
      valuesOf(
        [
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Unhunch',
          '    locked.microBreak.evry    REG_SZ    20m',
        ].join('\r\n'),
      ),
    );
    expect(mapped?.ok).toBe(true);
    const parsed = mapped?.ok ? parsePolicy(mapped.value) : undefined;
    expect(parsed).toEqual({
      ok: false,
      issues: ['policy.locked.microBreak.evry: unknown key "evry"'],
    });
  });

  it('has no policy when the key holds no values', () => {
    expect(registryToPolicy({})).toBeUndefined();
  });
});

/** Captured output of the PowerShell ACL probe. */
const ADMIN_ONLY_ACL = JSON.stringify({
  owner: 'S-1-5-32-544',
  rules: [
    { sid: 'S-1-5-18', rights: 2032127, allow: true, inheritOnly: false },
    { sid: 'S-1-5-32-544', rights: 2032127, allow: true, inheritOnly: false },
    { sid: 'S-1-5-32-545', rights: 1179817, allow: true, inheritOnly: false },
    { sid: 'S-1-3-0', rights: 268435456, allow: true, inheritOnly: true },
  ],
});
/** `%ProgramData%`'s default for users: they may create files in a subfolder, not replace them. */
const PROGRAMDATA_FOLDER_ACL = JSON.stringify({
  owner: 'S-1-5-18',
  rules: [
    { sid: 'S-1-5-18', rights: 2032127, allow: true, inheritOnly: false },
    { sid: 'S-1-5-32-544', rights: 2032127, allow: true, inheritOnly: false },
    { sid: 'S-1-5-32-545', rights: 1179817, allow: true, inheritOnly: false },
    { sid: 'S-1-5-32-545', rights: 0x116, allow: true, inheritOnly: false },
  ],
});
const USERS_MODIFY_ACL = JSON.stringify({
  owner: 'S-1-5-32-544',
  rules: [{ sid: 'S-1-5-32-545', rights: 1245631, allow: true, inheritOnly: false }],
});

function fakeWindows(
  root: string,
  answers: { reg: CommandResult; fileAcl: string; folderAcl: string },
): { run: RunCommand; calls: string[] } {
  const calls: string[] = [];
  const run: RunCommand = async (file, args) => {
    calls.push(file);
    if (file === join(root, 'Windows', 'System32', 'reg.exe')) return answers.reg;
    if (file.endsWith('powershell.exe')) {
      const script = Buffer.from(args.at(-1) ?? '', 'base64').toString('utf16le');
      const isFile = script.includes("policy.json'");
      return { code: 0, stdout: isFile ? answers.fileAcl : answers.folderAcl, stderr: '' };
    }
    return { code: null, stdout: '', stderr: `unexpected ${file}` };
  };
  return { run, calls };
}

describe('Windows: %ProgramData%\\Unhunch\\policy.json, then the registry', () => {
  it('applies the registry over the file, key by key', async () => {
    const { root, write } = fakeRoot(created);
    write('ProgramData/Unhunch/policy.json', {
      version: 1,
      defaults: { longBreak: { duration: '10m' } },
      locked: { microBreak: { every: '30m' }, strictMode: false },
    });
    const { run } = fakeWindows(root, {
      reg: { code: 0, stdout: REG_QUERY, stderr: '' },
      fileAcl: ADMIN_ONLY_ACL,
      folderAcl: PROGRAMDATA_FOLDER_ACL,
    });
    const load = await loadPolicy(machinePolicySources({ platform: 'win32', root, run }));
    expect(load.sources.map((s) => s.state)).toEqual(['in force', 'in force']);
    expect(load.sources[1]?.where).toBe('HKLM\\SOFTWARE\\Policies\\Unhunch');
    expect(load.policy?.locked).toEqual({
      microBreak: { every: '15m' },
      strictMode: true,
      therapy: { capMinutes: 10 },
    });
    expect(load.policy?.defaults?.longBreak).toEqual({ duration: '10m' });
    expect(load.origins['locked.microBreak.every']).toBe('HKLM\\SOFTWARE\\Policies\\Unhunch');
    expect(load.origins['defaults.longBreak.duration']).toBe(
      join(root, 'ProgramData/Unhunch/policy.json'),
    );
  });

  it('treats a missing registry key as no registry policy', async () => {
    const { root } = fakeRoot(created);
    const { run } = fakeWindows(root, {
      reg: {
        code: 1,
        stdout: '',
        stderr: 'ERROR: The system was unable to find the specified registry key or value.',
      },
      fileAcl: ADMIN_ONLY_ACL,
      folderAcl: ADMIN_ONLY_ACL,
    });
    const load = await loadPolicy(machinePolicySources({ platform: 'win32', root, run }));
    expect(load.sources.map((s) => s.state)).toEqual(['absent', 'absent']);
    expect(load.policy).toBeUndefined();
  });

  it('refuses a policy file users can modify, or one a user owns', async () => {
    const { root, write } = fakeRoot(created);
    write('ProgramData/Unhunch/policy.json', { version: 1, locked: { strictMode: true } });
    const missingKey = { code: 1, stdout: '', stderr: '' };
    const modifiable = fakeWindows(root, {
      reg: missingKey,
      fileAcl: USERS_MODIFY_ACL,
      folderAcl: ADMIN_ONLY_ACL,
    });
    const load = await loadPolicy(
      machinePolicySources({ platform: 'win32', root, run: modifiable.run }),
    );
    expect(load.sources[0]).toMatchObject({
      state: 'refused',
      issues: ['the file can be changed by S-1-5-32-545, who is not an administrator'],
    });
    const userOwned = fakeWindows(root, {
      reg: missingKey,
      fileAcl: JSON.stringify({ owner: 'S-1-5-21-1-2-3-1001', rules: [] }),
      folderAcl: ADMIN_ONLY_ACL,
    });
    const second = await loadPolicy(
      machinePolicySources({ platform: 'win32', root, run: userOwned.run }),
    );
    expect(second.sources[0]?.issues).toEqual([
      'the file is owned by S-1-5-21-1-2-3-1001, not an administrator',
    ]);
  });
});

describe('the Windows folders', () => {
  const HOSTILE = {
    ProgramData: 'C:\\Users\\eve\\empty',
    SystemRoot: 'C:\\Users\\eve\\fake-windows',
    windir: 'C:\\Users\\eve\\fake-windows',
    SystemDrive: 'E:',
  };

  /** What `reg query KEY /v NAME` prints for the two values the lookup asks for. */
  const registry: Record<string, string> = {
    SystemRoot: '    SystemRoot    REG_SZ    D:\\Windows',
    ProgramData: '    ProgramData    REG_EXPAND_SZ    %SystemDrive%\\ProgramData',
  };

  it('come from the registry through the kernel’s System32, whatever the environment says', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, HOSTILE);
    try {
      const ranSync: string[] = [];
      const ran: string[] = [];
      const runSync = (file: string, args: readonly string[]) => {
        ranSync.push(file);
        const name = args[args.indexOf('/v') + 1] ?? '';
        return { code: 0, stdout: `\r\nHKEY_LOCAL_MACHINE\\X\r\n${registry[name]}\r\n` };
      };
      const run: RunCommand = async (file) => {
        ran.push(file);
        return { code: 1, stdout: '', stderr: '' };
      };
      const sources = machinePolicySources({ platform: 'win32', run, runSync });
      expect(sources[0]?.where).toBe(join('D:\\ProgramData', 'Unhunch', 'policy.json'));
      await sources[1]?.read();
      expect(ran).toEqual([join('D:\\Windows', 'System32', 'reg.exe')]);
      expect(ranSync).toEqual([
        '\\\\?\\GLOBALROOT\\SystemRoot\\System32\\reg.exe',
        '\\\\?\\GLOBALROOT\\SystemRoot\\System32\\reg.exe',
      ]);
      expect(JSON.stringify([sources, ran, ranSync])).not.toMatch(/eve|E:/);
    } finally {
      process.env = saved;
    }
  });

  it('fall back to Windows’ own defaults, not the environment, when the registry cannot be read', () => {
    const saved = { ...process.env };
    Object.assign(process.env, HOSTILE);
    try {
      const sources = machinePolicySources({
        platform: 'win32',
        runSync: () => ({ code: null, stdout: '' }),
      });
      expect(sources[0]?.where).toBe(join('C:\\ProgramData', 'Unhunch', 'policy.json'));
    } finally {
      process.env = saved;
    }
  });
});
