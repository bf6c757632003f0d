// `npm start` (scripts/electron.mjs): with Electron's binary given by
// ELECTRON_OVERRIDE_DIST_PATH it starts the app offline; without one, and without a
// network to download it, it says so in one sentence with the two ways out.
// Needs `npm run build` first (the app is started with --skipBuild).
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'unhunch-start-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Environment without anything of this machine's Electron set-up in it. */
function cleanEnv(extra: Record<string, string>) {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(ELECTRON_|electron_|npm_config_electron)/.test(key))
      env[key] = value;
  }
  return { ...env, ...extra };
}

function start(dir: string, env: Record<string, string>) {
  return spawnSync(
    process.execPath,
    [join(dir, 'scripts/electron.mjs'), 'preview', '--skipBuild'],
    {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
}

describe('npm start', () => {
  it('starts the built app offline with the Electron build ELECTRON_OVERRIDE_DIST_PATH names', () => {
    const dist = join(work, 'electron-build');
    const record = join(work, 'launched.txt');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'electron'), `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > '${record}'\n`);
    chmodSync(join(dist, 'electron'), 0o755);

    const run = start(projectDir, cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist }));

    expect(run.status, run.stderr).toBe(0);
    const [cwd, ...args] = readFileSync(record, 'utf8').trim().split('\n');
    expect(cwd).toBe(projectDir.replace(/[\\/]$/, ''));
    expect(args).toEqual(['.']);
  });

  it('without a network says in one sentence what failed and the two ways out, not a stack', () => {
    // A copy of the project's start script beside Electron's real installer, with no
    // binary downloaded and the download mirror unreachable: this machine offline.
    const project = join(work, 'project');
    mkdirSync(join(project, 'scripts'), { recursive: true });
    mkdirSync(join(project, 'node_modules', 'electron'), { recursive: true });
    for (const file of ['electron.mjs', 'electron-binary.mjs']) {
      copyFileSync(join(projectDir, 'scripts', file), join(project, 'scripts', file));
    }
    for (const file of ['package.json', 'install.js', 'checksums.json']) {
      copyFileSync(
        join(projectDir, 'node_modules/electron', file),
        join(project, 'node_modules/electron', file),
      );
    }
    symlinkSync(
      join(projectDir, 'node_modules/@electron'),
      join(project, 'node_modules/@electron'),
    );
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
    const cache = mkdtempSync(join(work, 'cache-'));

    const run = start(
      project,
      cleanEnv({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache }),
    );

    expect(run.status).toBe(1);
    const said = run.stderr.trim();
    expect(said).toMatch(
      /^Unhunch cannot start: Electron's binary is not on this machine and could not be downloaded/,
    );
    expect(said).toMatch(/connect to the network/);
    expect(said).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
    expect(said.split('\n')).toHaveLength(1);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at |Electron uninstall/);
  });

  it('names an ELECTRON_OVERRIDE_DIST_PATH that holds no Electron, in one sentence', () => {
    const empty = mkdtempSync(join(work, 'empty-'));
    const run = start(projectDir, cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: empty }));
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(
      new RegExp(
        `^Unhunch cannot start: ELECTRON_OVERRIDE_DIST_PATH is ${empty}, which holds no Electron executable`,
      ),
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
