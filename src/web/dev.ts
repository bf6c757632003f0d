import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { openApp } from '../app/open';
import { signalSupport } from '../app/platform';
import { createSystemClock } from '../app/system-clock';
import { type Policy, parsePolicy } from '../contract/settings';
import { environmentLanguages } from './accept-language';
import { answerResourceQueries } from './diagnostics';
import { startWebHost } from './server';
import { answerClockRequests, createAdjustableClock } from './test-clock';

/** `npm run dev:web`: the real app services in Node, the UI in a browser. */
const program = new Command('unhunch-web')
  .description('Serve the Unhunch UI and its services on 127.0.0.1')
  .option('--port <port>', 'port to listen on (0 picks a free one)', '0')
  .option('--data <dir>', 'folder for settings (default: a new temporary folder)')
  .option('--renderer <dir>', 'built renderer folder')
  .option('--timezone <tz>', 'IANA time zone', Intl.DateTimeFormat().resolvedOptions().timeZone)
  .option('--no-open', 'do not open a browser')
  .option('--policy <file>', 'a policy file to run under (for development and tests only)')
  .option(
    '--diagnostics',
    "answer 'resources' from the parent process over IPC (listeners, timers, sockets; for tests)",
  )
  .option(
    '--test-clock',
    'let the parent process move the clock forward over IPC (end-to-end tests only)',
  )
  .parse();

const options = program.opts<{
  port: string;
  data?: string;
  renderer?: string;
  timezone: string;
  open: boolean;
  policy?: string;
  diagnostics?: boolean;
  testClock?: boolean;
}>();
/** The web host is for development: a policy comes from a file named here, not the admin locations. */
function policyFromFile(path: string): Policy {
  let parsed: ReturnType<typeof parsePolicy>;
  try {
    parsed = parsePolicy(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    process.stderr.write(
      `unhunch-web: cannot read the policy ${path}: ${(error as Error).message}\n`,
    );
    process.exit(2);
  }
  if (!parsed.ok) {
    process.stderr.write(
      `unhunch-web: the policy ${path} is not valid:\n  ${parsed.issues.join('\n  ')}\n`,
    );
    process.exit(2);
  }
  return parsed.policy;
}
const policy = options.policy ? policyFromFile(options.policy) : undefined;
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = options.data ?? mkdtempSync(join(tmpdir(), 'unhunch-web-'));
const testClock = options.testClock ? createAdjustableClock() : undefined;
if (testClock && !answerClockRequests(testClock)) {
  process.stderr.write('unhunch-web: --test-clock needs an IPC channel to the parent\n');
  process.exit(2);
}
const app = openApp({
  dataDir,
  clock: testClock ?? createSystemClock(),
  timeZone: options.timezone,
  ...(policy ? { policy } : {}),
  signalSupport: signalSupport({ platform: process.platform, env: process.env }),
  // Until a browser asks for the page with its own languages (Accept-Language).
  systemLanguages: environmentLanguages(process.env),
});
const host = await startWebHost({
  app,
  rendererDir: resolve(options.renderer ?? join(here, '../renderer')),
  port: Number(options.port),
});
if (options.diagnostics) answerResourceQueries(app, host);
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
