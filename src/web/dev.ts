import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { openApp } from '../app/open';
import { signalSupport } from '../app/platform';
import { createSystemClock } from '../core/time/system-clock';
import { startWebHost } from './server';

/** `npm run dev:web`: the real app services in Node, the UI in a browser. */
const program = new Command('unhunch-web')
  .description('Serve the Unhunch UI and its services on 127.0.0.1')
  .option('--port <port>', 'port to listen on (0 picks a free one)', '0')
  .option('--data <dir>', 'folder for settings (default: a new temporary folder)')
  .option('--renderer <dir>', 'built renderer folder')
  .option('--timezone <tz>', 'IANA time zone', Intl.DateTimeFormat().resolvedOptions().timeZone)
  .option('--no-open', 'do not open a browser')
  .parse();

const options = program.opts<{
  port: string;
  data?: string;
  renderer?: string;
  timezone: string;
  open: boolean;
}>();
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = options.data ?? mkdtempSync(join(tmpdir(), 'unhunch-web-'));
const app = openApp({
  dataDir,
  clock: createSystemClock(),
  timeZone: options.timezone,
  signalSupport: signalSupport({ platform: process.platform, env: process.env }),
});
const host = await startWebHost({
  app,
  rendererDir: resolve(options.renderer ?? join(here, '../renderer')),
  port: Number(options.port),
});
// The first line is machine-readable: tests wait for it.
process.stdout.write(`Unhunch web host listening on ${host.url}\n`);
if (options.open) {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'start' : 'xdg-open';
  spawn(opener, [host.url], {
    stdio: 'ignore',
    detached: true,
    shell: process.platform === 'win32',
  })
    .on('error', () => process.stdout.write(`Open ${host.url} in your browser.\n`))
    .unref();
}
const shutdown = async () => {
  await host.close();
  app.dispose();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
