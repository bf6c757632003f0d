import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunCommand } from '../../../src/app/policy/host';
import { runCommand } from '../../../src/app/policy/host';
import { loadPolicy } from '../../../src/app/policy/load';
import { machinePolicySources } from '../../../src/app/policy/sources';
import { linuxAclProblem, macosAclProblem } from '../../../src/app/policy/trust';
import { adminFs, fakeRoot, removeAll } from './helpers';

/**
 * A root-owned 0644 policy file is still writable by anyone its access control list
 * names: such a file (or a folder above it) is refused, on Linux and on macOS.
 */
const created: string[] = [];
afterEach(() => removeAll(created));

const POLICY = { version: 1, locked: { strictMode: false } };

/** What `getfacl --numeric --omit-header` prints for a file user 1000 may write. */
const USER_CAN_WRITE = ['user::rw-', 'user:1000:rw-', 'group::r--', 'mask::rw-', 'other::r--'];

/** The machine's tools, except getfacl, which answers with `acl` for the file named `at`. */
function linuxWithAcl(at: string, acl: string[]): RunCommand {
  return async (file, args) =>
    file === '/usr/bin/getfacl' && args.at(-1) === at
      ? { code: 0, stdout: `${acl.join('\n')}\n`, stderr: '' }
      : runCommand(file, args);
}

describe('Linux ACLs', () => {
  it('a named user or group that can write makes the file untrusted; the mask and root do not', () => {
    expect(linuxAclProblem(USER_CAN_WRITE.join('\n'), 'the file', [0])).toBe(
      'the file can be changed by user 1000 (its ACL)',
    );
    expect(
      linuxAclProblem(['user::rw-', 'group:50:rw-', 'mask::rw-'].join('\n'), 'the file', [0]),
    ).toMatch(/group 50/);
    // The mask takes write away; root and the admins' group may write; defaults shape new files only.
    expect(
      linuxAclProblem(['user:1000:rw-\t#effective:r--', 'mask::r--'].join('\n'), 'f', [0]),
    ).toBeNull();
    expect(
      linuxAclProblem(['user:0:rw-', 'group:0:rw-', 'mask::rw-'].join('\n'), 'f', [0]),
    ).toBeNull();
    expect(linuxAclProblem('default:user:1000:rwx\nmask::rwx', 'f', [0])).toBeNull();
  });

  it('refuses a root-owned 0644 policy whose ACL lets a user write it (the ACL reader injected)', async () => {
    const { root, write } = fakeRoot(created);
    const file = write('etc/unhunch/policy.json', POLICY);
    const load = await loadPolicy(
      machinePolicySources({
        platform: 'linux',
        root,
        fs: adminFs,
        run: linuxWithAcl(file, USER_CAN_WRITE),
      }),
    );
    expect(load.sources[0]).toMatchObject({ state: 'refused' });
    expect(load.sources[0]?.issues.join()).toMatch(/user 1000 \(its ACL\)/);
    expect(load.policy).toBeUndefined();
  });

  it('refuses it when a folder above has such an ACL', async () => {
    const { root, write } = fakeRoot(created);
    write('etc/unhunch/policy.json', POLICY);
    const load = await loadPolicy(
      machinePolicySources({
        platform: 'linux',
        root,
        fs: adminFs,
        run: linuxWithAcl(join(root, 'etc/unhunch'), USER_CAN_WRITE),
      }),
    );
    expect(load.sources[0]?.issues.join()).toMatch(
      /the folder .*etc\/unhunch can be changed by user 1000/,
    );
  });

  // A real ACL, set with the acl package's setfacl (the CI machine installs `acl`).
  it('refuses a policy file given a real ACL with setfacl, and trusts it again once removed', async () => {
    expect(existsSync('/usr/bin/setfacl'), 'install the acl package (setfacl, getfacl)').toBe(true);
    const { root, write } = fakeRoot(created);
    const file = write('etc/unhunch/policy.json', POLICY);
    const sources = () => machinePolicySources({ platform: 'linux', root, fs: adminFs });
    expect((await loadPolicy(sources())).sources[0]?.state).toBe('in force');
    execFileSync('/usr/bin/setfacl', ['-m', 'u:12345:rw', file]);
    const refused = await loadPolicy(sources());
    expect(refused.sources[0]?.state).toBe('refused');
    expect(refused.sources[0]?.issues.join()).toMatch(/user 12345 \(its ACL\)/);
    execFileSync('/usr/bin/setfacl', ['-b', file]);
    expect((await loadPolicy(sources())).sources[0]?.state).toBe('in force');
  });
});

describe('macOS ACLs', () => {
  const LS_LED = (entries: string[]) =>
    [
      '-rw-r--r--+ 1 root  wheel  52 Dec  5 10:00 /Library/Application Support/Unhunch/policy.json',
      ...entries,
    ].join('\n');

  it('an allow entry with a write right for anyone but root or the admins makes it untrusted', () => {
    expect(macosAclProblem(LS_LED([' 0: user:eve allow write,append']), 'the file')).toBe(
      'the file can be changed by user eve (its ACL)',
    );
    expect(macosAclProblem(LS_LED([' 0: group:everyone inherited allow delete']), 'f')).toMatch(
      /group everyone/,
    );
    expect(
      macosAclProblem(LS_LED([' 0: user:eve deny write', ' 1: user:eve allow read']), 'f'),
    ).toBeNull();
    expect(macosAclProblem(LS_LED([' 0: group:admin allow write']), 'f')).toBeNull();
  });

  it('refuses the Application Support policy when ls -le shows such an entry (injected)', async () => {
    const { root, write } = fakeRoot(created);
    const file = write('Library/Application Support/Unhunch/policy.json', POLICY);
    const run: RunCommand = async (program, args) =>
      program === '/bin/ls' && args.at(-1) === file
        ? { code: 0, stdout: LS_LED([' 0: user:eve allow write']), stderr: '' }
        : program === '/bin/ls'
          ? { code: 0, stdout: LS_LED([]), stderr: '' }
          : { code: 1, stdout: '', stderr: 'no plist' };
    const load = await loadPolicy(
      machinePolicySources({ platform: 'darwin', root, run, fs: adminFs }),
    );
    expect(load.sources[0]).toMatchObject({ state: 'refused' });
    expect(load.sources[0]?.issues.join()).toMatch(/user eve \(its ACL\)/);
  });
});
