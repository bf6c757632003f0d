// The Windows MSI's per-machine additions (build/msi-project.cjs), checked on the WiX
// project electron-builder itself writes: electron-builder builds the MSI target from a
// prepackaged stand-in of the Windows app, offline, and the test stops it right after the
// project hook ran, before WiX (a Windows program) would compile it.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const builderRequire = createRequire(require.resolve('app-builder-lib'));
const { load } = builderRequire('js-yaml') as { load(text: string): unknown };

interface MsiHook {
  msiProjectCreated(projectFile: string): Promise<void>;
  addMachineComponents(project: string): string;
  POLICY_FOLDER_SDDL: string;
}

const WIX = 'http://wixtoolset.org/schemas/v4/wxs';
const STOP = 'stopped by the test after the MSI project hook';

/** An .ico holding one PNG image: a 6-byte header, one 16-byte entry, the PNG. */
function icoFromPng(png: Buffer): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  // Width and height 0 mean 256 or more; no palette; one plane; 32 bits per pixel.
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, png]);
}

let workDir = '';
let hookPath = '';
let hook: MsiHook;
/** The project as electron-builder wrote it, and as the project's hook left it. */
let written = '';
let project: Document;

beforeAll(async () => {
  const config = load(await readFile(join(projectDir, 'electron-builder.yml'), 'utf8')) as {
    msiProjectCreated?: string;
  };
  hookPath = config.msiProjectCreated ?? '';
  if (!hookPath) throw new Error('electron-builder.yml names no msiProjectCreated hook');
  hook = require(join(projectDir, hookPath)) as MsiHook;
  // The hook as electron-builder itself finds it from electron-builder.yml.
  const { resolveFunction } = builderRequire('app-builder-lib/out/util/resolve.js') as {
    resolveFunction(
      type: unknown,
      executor: string,
      name: string,
      root: string,
    ): Promise<(projectFile: string) => Promise<void>>;
  };
  const projectHook = await resolveFunction(undefined, hookPath, 'msiProjectCreated', projectDir);

  workDir = await mkdtemp(join(tmpdir(), 'unhunch-msi-'));
  // What electron-builder would have packed for Windows: the program, its resources.
  const prepackaged = join(workDir, 'win-unpacked');
  await mkdir(join(prepackaged, 'resources'), { recursive: true });
  await writeFile(join(prepackaged, 'Unhunch.exe'), 'stand-in for the Windows build');
  await writeFile(join(prepackaged, 'resources', 'app.asar'), 'stand-in');
  await writeFile(join(prepackaged, 'LICENSE.electron.txt'), 'stand-in');
  // electron-builder makes the Windows icon from the PNG with a tool it downloads; here
  // the PNG goes into an .ico by hand (one PNG-compressed image, as Windows Vista+ reads).
  const icon = join(workDir, 'icon.ico');
  await writeFile(icon, icoFromPng(await readFile(join(projectDir, 'assets/icons/icon.png'))));

  const run = build({
    projectDir,
    targets: Platform.WINDOWS.createTarget('msi', Arch.x64),
    prepackaged,
    publish: 'never',
    config: {
      extends: join(projectDir, 'electron-builder.yml'),
      directories: { output: join(workDir, 'dist') },
      npmRebuild: false,
      win: { icon },
      // The project's hook, as electron-builder calls it, then a stop before WiX.
      msiProjectCreated: async (projectFile: string) => {
        written = await readFile(projectFile, 'utf8');
        await projectHook(projectFile);
        const hooked = await readFile(projectFile, 'utf8');
        const refuse = (message: string) => {
          throw new Error(`project.wxs is not well-formed: ${message}`);
        };
        project = new DOMParser({
          errorHandler: { error: refuse, fatalError: refuse },
        }).parseFromString(hooked, 'text/xml') as unknown as Document;
        throw new Error(STOP);
      },
    },
  });
  await expect(run).rejects.toThrow(STOP);
}, 240_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const all = (name: string) => Array.from(project.getElementsByTagNameNS(WIX, name));
const byId = (name: string, id: string) => {
  const found = all(name).filter((element) => element.getAttribute('Id') === id);
  expect(found, `${name} ${id}`).toHaveLength(1);
  return found[0]!;
};

describe('the Windows MSI', () => {
  it('runs the project hook named in electron-builder.yml', () => {
    expect(hookPath).toBe('./build/msi-project.cjs');
    expect(written).toContain('<Product ');
    expect(written).not.toContain('UnhunchPolicyFolder');
  });

  it("creates %ProgramData%\\Unhunch and keeps it on uninstall: the policy in it is the administrator's", () => {
    const folder = byId('Directory', 'UNHUNCHPOLICYDIR');
    expect(folder.getAttribute('Name')).toBe('Unhunch');
    expect((folder.parentNode as Element).getAttribute('Id')).toBe('CommonAppDataFolder');
    const component = byId('Component', 'UnhunchPolicyFolder');
    expect(component.getAttribute('Directory')).toBe('UNHUNCHPOLICYDIR');
    expect(component.getAttribute('Permanent')).toBe('yes');
    expect(component.getElementsByTagNameNS(WIX, 'CreateFolder')).toHaveLength(1);
  });

  it('lets only Administrators and SYSTEM write the policy folder; Users read it; nothing is inherited', () => {
    const [permission] = Array.from(
      byId('Component', 'UnhunchPolicyFolder').getElementsByTagNameNS(WIX, 'PermissionEx'),
    );
    const sddl = permission?.getAttribute('Sddl') ?? '';
    // Owner BUILTIN\Administrators; a protected DACL (P), so ProgramData's rights stop here.
    expect(sddl).toMatch(/^O:BAG:BAD:PAI/);
    const aces = sddl.match(/\([^)]*\)/g) ?? [];
    // Allow ACEs only, each inherited by what the folder holds (OICI): who gets what.
    const rights = Object.fromEntries(
      aces.map((ace) => {
        const [type, flags, access, , , sid] = ace.slice(1, -1).split(';');
        expect(type, ace).toBe('A');
        expect(flags, ace).toBe('OICI');
        return [sid, access];
      }),
    );
    // FA full access; 0x1200a9 read and execute, with no write or delete right in it.
    expect(rights).toEqual({ BA: 'FA', SY: 'FA', BU: '0x1200a9' });
    const WRITE_RIGHTS = 0x2 | 0x4 | 0x10 | 0x100 | 0x10000 | 0x40000 | 0x80000;
    expect(Number(rights.BU) & WRITE_RIGHTS).toBe(0);
  });

  it('starts Unhunch at login for every user only with ALLUSERSAUTOSTART=1, and uninstalling takes it back', () => {
    const secure = byId('Property', 'ALLUSERSAUTOSTART');
    expect(secure.getAttribute('Secure')).toBe('yes');
    const component = byId('Component', 'UnhunchAllUsersAutostart');
    // Not Permanent: Windows Installer removes the value with the product.
    expect(component.hasAttribute('Permanent')).toBe(false);
    const condition = component.getElementsByTagNameNS(WIX, 'Condition')[0]?.textContent;
    expect(condition?.trim()).toBe('ALLUSERSAUTOSTART = "1"');
    const [value] = Array.from(component.getElementsByTagNameNS(WIX, 'RegistryValue'));
    expect({
      root: value?.getAttribute('Root'),
      key: value?.getAttribute('Key'),
      name: value?.getAttribute('Name'),
      value: value?.getAttribute('Value'),
    }).toEqual({
      root: 'HKLM',
      key: 'Software\\Microsoft\\Windows\\CurrentVersion\\Run',
      name: 'Unhunch',
      // The installed program's full path, quoted: electron-builder's id for Unhunch.exe.
      value: '"[#mainExecutable]"',
    });
    const program = byId('File', 'mainExecutable');
    expect(program.getAttribute('Name')).toBe('Unhunch.exe');
  });

  it('installs both with the product: its one feature holds them', () => {
    const feature = byId('Feature', 'ProductFeature');
    const refs = Array.from(feature.getElementsByTagNameNS(WIX, 'ComponentGroupRef')).map((ref) =>
      ref.getAttribute('Id'),
    );
    expect(refs).toContain('UnhunchMachineComponents');
    const group = byId('ComponentGroup', 'UnhunchMachineComponents');
    const components = Array.from(group.getElementsByTagNameNS(WIX, 'Component')).map((c) =>
      c.getAttribute('Id'),
    );
    expect(components).toEqual(['UnhunchPolicyFolder', 'UnhunchAllUsersAutostart']);
  });

  it("refuses to build an MSI without them when electron-builder's project changes shape", () => {
    expect(() => hook.addMachineComponents(written.replace('Id="TARGETDIR"', 'Id="ROOT"'))).toThrow(
      /WiX project has no <Directory Id="TARGETDIR" Name="SourceDir">/,
    );
    expect(() => hook.addMachineComponents(written.replace('Id="mainExecutable"', ''))).toThrow(
      /names no mainExecutable file/,
    );
  });
});
