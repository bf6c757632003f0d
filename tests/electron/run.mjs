// Runs the Electron end-to-end suite where the Electron binary is installed, and says
// plainly why it is skipped where it is not. `npm run test:electron`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronMissingMessage, findElectronBinary } from '../../scripts/electron-binary.mjs';

const projectDir = fileURLToPath(new URL('../../', import.meta.url));

if (findElectronBinary(projectDir) === null) {
  console.log(electronMissingMessage);
  process.exit(0);
}

const playwright = [
  fileURLToPath(new URL('../../node_modules/playwright/cli.js', import.meta.url)),
  'test',
  '-c',
  'tests/electron/playwright.config.ts',
  ...process.argv.slice(2),
];

function hasXvfbRun() {
  return spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
}

// A tray app needs a display; on a headless Linux machine give it a virtual one.
const [command, args] =
  process.platform === 'linux' && !process.env.DISPLAY && hasXvfbRun()
    ? ['xvfb-run', ['--auto-servernum', process.execPath, ...playwright]]
    : [process.execPath, playwright];

const result = spawnSync(command, args, { cwd: projectDir, stdio: 'inherit' });
if (result.error) {
  console.error(`Could not start the Electron end-to-end suite: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
