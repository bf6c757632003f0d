// `npm start` and `npm run dev`: electron-vite, given the Electron binary to run.
// electron-vite finds Electron only through node_modules/electron/path.txt, which Electron
// 42 and later write on their first download, not at install, and it ignores
// ELECTRON_OVERRIDE_DIST_PATH: so this finds the binary (downloading it once if it is
// missing), hands it to electron-vite as ELECTRON_EXEC_PATH, and when there is none to
// be had says so in one sentence instead of a stack.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const projectDir = fileURLToPath(new URL('../', import.meta.url));

/** What to tell a person for whom Electron cannot be started, in one sentence. */
export function noElectronMessage(env = process.env) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    return `Unhunch cannot start: ELECTRON_OVERRIDE_DIST_PATH is ${override}, which holds no Electron executable; point it at the folder of an Electron build (the one with the electron executable in it), or unset it and run npm start with a network connection so that Electron can be downloaded.`;
  }
  return "Unhunch cannot start: Electron's binary is not on this machine and could not be downloaded; connect to the network and run npm start again, or set ELECTRON_OVERRIDE_DIST_PATH to the folder of an Electron build already on this machine.";
}

/** Electron's own installer, run once: it downloads the binary and writes path.txt. */
function downloadElectron(env) {
  const installer = join(projectDir, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  console.log('Downloading Electron (once)…');
  // Its output on failure is a stack: kept out of sight, the sentence says what to do.
  const result = spawnSync(process.execPath, [installer], {
    cwd: projectDir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return result.status === 0;
}

function main(args) {
  const env = { ...process.env };
  let binary = findElectronBinary(projectDir, env);
  if (binary === null && !env.ELECTRON_OVERRIDE_DIST_PATH && downloadElectron(env)) {
    binary = findElectronBinary(projectDir, env);
  }
  if (binary === null) {
    console.error(noElectronMessage(env));
    return 1;
  }
  const electronVite = join(projectDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [electronVite, ...args], {
    cwd: projectDir,
    env: { ...env, ELECTRON_EXEC_PATH: binary },
    stdio: 'inherit',
  });
  if (result.error) {
    console.error(`Unhunch cannot start: electron-vite did not run (${result.error.message}).`);
    return 1;
  }
  return result.status ?? 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(main(process.argv.slice(2)));
}
