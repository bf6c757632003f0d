// Packaging smoke test: electron-builder packs the built app for a Linux `dir` target,
// offline, around a placeholder Electron (the real binary cannot be downloaded here).
// Needs `npm run build` first.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP, rendererRequestHandler } from '../../src/main/renderer-protocol';
import { electron45DefaultFuses, makePlaceholderElectronDist } from './placeholder-electron';

const projectDir = fileURLToPath(new URL('../../', import.meta.url));
const builtEntries = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

let workDir = '';
let appOutDir = '';
let asarPath = '';
let packagedFiles: string[] = [];

beforeAll(async () => {
  const missing = builtEntries.filter((entry) => !existsSync(join(projectDir, entry)));
  if (missing.length > 0) {
    throw new Error(
      `The app is not built (missing ${missing.join(', ')}): run \`npm run build\` before the packaging test.`,
    );
  }
  workDir = await mkdtemp(join(tmpdir(), 'unhunch-packaging-'));
  const electronDist = await makePlaceholderElectronDist(join(workDir, 'electron-dist'));
  const outputDir = join(workDir, 'dist');
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      // The project's configuration, with only what this offline run needs changed.
      extends: join(projectDir, 'electron-builder.yml'),
      electronDist,
      directories: { output: outputDir },
      // No native modules to rebuild, and rebuilding would fetch Electron headers.
      npmRebuild: false,
    },
  });
  appOutDir = join(outputDir, 'linux-unpacked');
  asarPath = join(appOutDir, 'resources', 'app.asar');
  packagedFiles = listPackage(asarPath, { isPack: false }).map((file) =>
    file.replace(/^[\\/]/, '').replaceAll('\\', '/'),
  );
}, 240_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the packaged Linux app', () => {
  it('holds the built main, preload and renderer bundles and the icons in app.asar', () => {
    expect(existsSync(asarPath)).toBe(true);
    for (const entry of builtEntries) expect(packagedFiles).toContain(entry);
    for (const icon of ['icon.png', 'tray-light.png', 'tray-dark.png', 'trayTemplate.png']) {
      expect(packagedFiles).toContain(`assets/icons/${icon}`);
    }
  });

  it('starts the ESM main bundle from its packaged package.json', () => {
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as {
      main?: string;
      type?: string;
    };
    expect(manifest.main?.replace(/^\.\//, '')).toBe('out/main/index.js');
    expect(manifest.type).toBe('module');
  });

  it('leaves sources, tests, docs, configuration and source maps out', () => {
    const strays = packagedFiles.filter(
      (file) =>
        /^(src|renderer|tests|docs|scripts|bench|\.ci)\//.test(file) ||
        /^[^/]+\.(ts|ya?ml|md)$/.test(file) ||
        (!file.startsWith('node_modules/') && /\.(ts|tsx|map)$/.test(file)),
    );
    expect(strays).toEqual([]);
  });

  it("serves index.html and its module scripts from app.asar through the app's protocol handler", async () => {
    // The handler the app registers for unhunch://, reading the packed archive as
    // Electron's asar-aware fs does inside the installed app.
    const root = join(asarPath, 'out', 'renderer');
    const handler = rendererRequestHandler(root, async (file) =>
      extractFile(asarPath, relative(asarPath, file)),
    );
    const page = await handler(new Request('unhunch://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(RENDERER_CSP).toMatch(/default-src 'none'/);
    expect(RENDERER_CSP).toMatch(/script-src 'self'(;|$)/);
    const html = await page.text();
    expect(html).toBe(await readFile(join(projectDir, 'out/renderer/index.html'), 'utf8'));

    const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map(
      (match) => match[1]!,
    );
    const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
      (match) => match[1]!,
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const [src, type] of [
      ...scripts.map((src) => [src, 'text/javascript; charset=utf-8'] as const),
      ...styles.map((href) => [href, 'text/css; charset=utf-8'] as const),
    ]) {
      const url = new URL(src, 'unhunch://app/index.html').href;
      const answer = await handler(new Request(url));
      expect(answer.status, url).toBe(200);
      expect(answer.headers.get('content-type'), url).toBe(type);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await answer.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('refuses to serve anything outside the renderer folder of app.asar', async () => {
    const root = join(asarPath, 'out', 'renderer');
    const read = async (file: string) => extractFile(asarPath, relative(asarPath, file));
    const handler = rendererRequestHandler(root, read);
    for (const url of [
      'unhunch://app/../../package.json',
      'unhunch://app/%2e%2e/%2e%2e/package.json',
      'unhunch://app/..%2F..%2Fpackage.json',
      'unhunch://app/..%5C..%5Cpackage.json',
      'unhunch://elsewhere/index.html',
    ]) {
      const answer = await handler(new Request(url));
      expect(answer.status, url).toBe(404);
    }
    // The main bundle is in the same archive, and stays out of reach.
    expect(packagedFiles).toContain('out/main/index.js');
    expect((await handler(new Request('unhunch://app/../main/index.js'))).status).toBe(404);
  });

  it('has the security fuses flipped in the Electron binary', async () => {
    const wire = await getCurrentFuseWire(join(appOutDir, 'unhunch'));
    const { DISABLE, ENABLE } = FuseState;
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      nodeCliInspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      browserV8Snapshot: wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
      fileProtocolPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: DISABLE,
      cookieEncryption: ENABLE,
      nodeOptions: DISABLE,
      nodeCliInspect: DISABLE,
      asarIntegrity: ENABLE,
      onlyLoadAppFromAsar: ENABLE,
      browserV8Snapshot: DISABLE,
      fileProtocolPrivileges: DISABLE,
    });
    // A fuse the configuration does not name keeps Electron's default.
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(
      electron45DefaultFuses[FuseV1Options.WasmTrapHandlers],
    );
  });
});
