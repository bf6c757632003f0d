// Finds the Electron binary without loading the `electron` package, whose index.js
// starts a download when the binary is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const electronMissingMessage =
  'Electron end-to-end suite skipped: the Electron binary is not installed (node_modules/electron/dist is missing; it downloads on the first `npm start`, or set ELECTRON_OVERRIDE_DIST_PATH to an Electron build). Run `npm run test:electron` on a machine with it.';

/** Where the binary sits inside an Electron build, when path.txt does not say. */
function defaultBinaryPath(platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * The Electron executable the project would run, or null when it is not installed:
 * ELECTRON_OVERRIDE_DIST_PATH first (as the electron package does), else
 * node_modules/electron/dist/<path.txt>.
 */
export function findElectronBinary(projectDir, env = process.env, platform = process.platform) {
  const electronDir = join(projectDir, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, recorded || defaultBinaryPath(platform))
    : recorded
      ? join(electronDir, 'dist', recorded)
      : null;
  return candidate !== null && existsSync(candidate) ? candidate : null;
}
