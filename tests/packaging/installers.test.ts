// What the per-machine installers do beyond copying the app, checked offline: the
// deb/rpm and macOS pkg scripts run against a scratch root folder, the NSIS additions and
// electron-builder.yml read (NSIS itself and macOS cannot run here).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../../', import.meta.url));
// The YAML reader electron-builder itself reads electron-builder.yml with.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'));
const { load } = builderRequire('js-yaml') as { load(text: string): unknown };
const config = load(readFileSync(join(projectDir, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  electronFuses: Record<string, boolean>;
  nsis: { perMachine: boolean; include: string };
  pkg: { scripts: string };
  deb: { afterInstall: string; afterRemove: string };
  rpm: { afterInstall: string; afterRemove: string };
};
const work = mkdtempSync(join(tmpdir(), 'unhunch-installers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A deb/rpm script as electron-builder writes it: its ${macros} filled in. */
function linuxScript(path: string): string {
  const macros: Record<string, string> = { executable: 'unhunch', sanitizedProductName: 'Unhunch' };
  const source = readFileSync(join(projectDir, path), 'utf8');
  const filled = source.replace(/\${([a-zA-Z]+)}/g, (_match, name: string) => {
    if (!(name in macros)) throw new Error(`${path}: electron-builder has no macro \${${name}}`);
    return macros[name]!;
  });
  const file = join(work, `${path.replaceAll('/', '_')}.sh`);
  writeFileSync(file, filled);
  return file;
}

function run(script: string, env: Record<string, string>, args: string[] = []) {
  const result = spawnSync('sh', [script, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
}

const mode = (path: string) => statSync(path).mode & 0o7777;

describe('the deb and rpm packages', () => {
  it('run the same install and remove scripts', () => {
    expect(config.deb.afterInstall).toBe('build/linux/after-install.sh');
    expect(config.rpm.afterInstall).toBe(config.deb.afterInstall);
    expect(config.rpm.afterRemove).toBe(config.deb.afterRemove);
  });

  it('create the policy folder /etc/unhunch, root-owned and 0755, and no autostart unless asked', () => {
    const root = mkdtempSync(join(work, 'linux-'));
    run(linuxScript(config.deb.afterInstall), { UNHUNCH_INSTALL_ROOT: root });
    expect(mode(join(root, 'etc/unhunch'))).toBe(0o755);
    expect(mode(join(root, 'etc/unhunch/policy.d'))).toBe(0o755);
    expect(readFileSync(join(projectDir, config.deb.afterInstall), 'utf8')).toMatch(
      /chown root:root \/etc\/unhunch /,
    );
    expect(existsSync(join(root, 'etc/xdg/autostart/unhunch.desktop'))).toBe(false);
  });

  it("still do what electron-builder's own script did: the command on PATH, the sandbox, AppArmor", () => {
    const root = mkdtempSync(join(work, 'linux-'));
    run(linuxScript(config.deb.afterInstall), { UNHUNCH_INSTALL_ROOT: root });
    expect(readlinkSync(join(root, 'usr/bin/unhunch'))).toBe('/opt/Unhunch/unhunch');
    const script = readFileSync(join(projectDir, config.deb.afterInstall), 'utf8');
    expect(script).toMatch(/chmod 4755 "\$root\$app_dir\/chrome-sandbox"/);
    expect(script).toMatch(/apparmor_parser --replace/);
  });

  it('start Unhunch at login for every user when the administrator asks, and take that back on removal', () => {
    const root = mkdtempSync(join(work, 'linux-'));
    run(linuxScript(config.deb.afterInstall), {
      UNHUNCH_INSTALL_ROOT: root,
      UNHUNCH_AUTOSTART_ALL_USERS: '1',
    });
    const entry = join(root, 'etc/xdg/autostart/unhunch.desktop');
    expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=\/opt\/Unhunch\/unhunch$/m);
    expect(mode(entry)).toBe(0o644);

    writeFileSync(join(root, 'etc/unhunch/policy.json'), '{ "version": 1 }');
    // An upgrade (deb: "upgrade", rpm: 1 left) keeps it.
    run(linuxScript(config.deb.afterRemove), { UNHUNCH_INSTALL_ROOT: root }, ['upgrade']);
    run(linuxScript(config.rpm.afterRemove), { UNHUNCH_INSTALL_ROOT: root }, ['1']);
    expect(existsSync(entry)).toBe(true);
    run(linuxScript(config.deb.afterRemove), { UNHUNCH_INSTALL_ROOT: root }, ['remove']);
    expect(existsSync(entry)).toBe(false);
    // The policy is the administrator's: it stays.
    expect(existsSync(join(root, 'etc/unhunch/policy.json'))).toBe(true);
  });
});

describe('the macOS pkg', () => {
  const postinstall = () => join(projectDir, config.pkg.scripts, 'postinstall');

  it('creates /Library/Application Support/Unhunch, root:wheel and 0755, and no LaunchAgent unless asked', () => {
    expect(mode(postinstall()) & 0o111).not.toBe(0);
    const root = mkdtempSync(join(work, 'mac-'));
    run(postinstall(), { UNHUNCH_INSTALL_ROOT: root });
    expect(mode(join(root, 'Library/Application Support/Unhunch'))).toBe(0o755);
    expect(readFileSync(postinstall(), 'utf8')).toMatch(/chown root:wheel "\$policy"/);
    expect(existsSync(join(root, 'Library/LaunchAgents/org.unhunch.app.plist'))).toBe(false);
  });

  it('installs an all-users LaunchAgent when the administrator left autostart-all-users in the policy folder', () => {
    const root = mkdtempSync(join(work, 'mac-'));
    mkdirSync(join(root, 'Library/Application Support/Unhunch'), { recursive: true });
    writeFileSync(join(root, 'Library/Application Support/Unhunch/autostart-all-users'), '');
    run(postinstall(), { UNHUNCH_INSTALL_ROOT: root });
    const agent = readFileSync(join(root, 'Library/LaunchAgents/org.unhunch.app.plist'), 'utf8');
    expect(agent).toMatch(/<key>Label<\/key>\s*<string>org\.unhunch\.app<\/string>/);
    expect(agent).toMatch(
      /<string>\/Applications\/Unhunch\.app\/Contents\/MacOS\/Unhunch<\/string>/,
    );
    expect(agent).toMatch(/<key>RunAtLoad<\/key>\s*<true\/>/);
  });

  it('is re-signed ad hoc after the fuses are flipped, so Apple Silicon starts it unsigned', () => {
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
    expect(config.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });
});

describe('the Windows NSIS installer', () => {
  const script = () => readFileSync(join(projectDir, config.nsis.include), 'utf8');

  it('is per-machine and makes %ProgramData%\\Unhunch writable by Administrators and SYSTEM only', () => {
    expect(config.nsis.perMachine).toBe(true);
    const install = /!macro customInstall([\s\S]*?)!macroend/.exec(script())?.[1] ?? '';
    expect(install).toContain('CreateDirectory "$COMMONAPPDATA\\Unhunch"');
    expect(install).toContain('/inheritance:r');
    // Administrators and SYSTEM full control, Users read and execute, no one else.
    expect(install).toMatch(
      /\*S-1-5-32-544:\(OI\)\(CI\)F \*S-1-5-18:\(OI\)\(CI\)F \*S-1-5-32-545:\(OI\)\(CI\)RX'/,
    );
  });

  it('starts Unhunch at login for every user with /ALLUSERSAUTOSTART, and the uninstaller takes it back', () => {
    const install = /!macro customInstall([\s\S]*?)!macroend/.exec(script())?.[1] ?? '';
    const uninstall = /!macro customUnInstall([\s\S]*?)!macroend/.exec(script())?.[1] ?? '';
    expect(install).toMatch(/\$\{GetOptions\} \$R0 "\/ALLUSERSAUTOSTART"/);
    expect(install).toContain(
      'WriteRegStr HKLM "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "Unhunch"',
    );
    expect(uninstall).toContain(
      'DeleteRegValue HKLM "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "Unhunch"',
    );
  });
});
