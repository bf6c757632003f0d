import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BrowserContext,
  test as base,
  expect,
  type Locator,
  type Page,
} from 'playwright/test';
import type { HostResources } from '../../src/web/diagnostics';

/**
 * Starts the built web host (out/node/web.js) with a fresh data folder for each test:
 * the real app services, the real renderer, nothing faked.
 */
export interface WebHostProcess {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

export async function startWebHostProcess(
  extraArgs: string[] = [],
  env: Record<string, string> = {},
  /** Files written into the data folder before the host starts (name -> contents). */
  seed: Record<string, string> = {},
): Promise<WebHostProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-e2e-'));
  for (const [name, contents] of Object.entries(seed)) writeFileSync(join(dataDir, name), contents);
  // --diagnostics and --test-clock answer over an IPC channel to this process.
  const ipc = extraArgs.some((arg) => arg === '--diagnostics' || arg === '--test-clock')
    ? ['ipc' as const]
    : [];
  const child = spawn(
    process.execPath,
    ['out/node/web.js', '--port', '0', '--no-open', '--data', dataDir, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe', ...ipc], env: { ...process.env, ...env } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 15_000);
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      // The whole URL: it carries the run's token, without which the page gets no WebSocket.
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  return { url, dataDir, process: child };
}

/** What a host started with --diagnostics holds now (listeners, timers, sockets). */
export function readHostResources(host: WebHostProcess): Promise<HostResources> {
  return new Promise((resolve, reject) => {
    if (!host.process.send) {
      reject(new Error('start the host with --diagnostics'));
      return;
    }
    host.process.once('message', (message) => resolve(message as HostResources));
    host.process.send('resources');
  });
}

/** Moves the clock of a host started with --test-clock forward, as if `ms` had passed. */
export function advanceHostClock(host: WebHostProcess, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!host.process.send) {
      reject(new Error('start the host with --test-clock'));
      return;
    }
    host.process.once('message', () => resolve());
    host.process.send({ advance: ms });
  });
}

/** A browser profile that has seen the first-run welcome, so a test starts where it says. */
export async function skipWelcome(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => localStorage.setItem('unhunch.welcome-seen', '1'));
}

export const test = base.extend<{ host: WebHostProcess; hostArgs: string[] }>({
  context: async ({ context }, use) => {
    await skipWelcome(context);
    await use(context);
  },
  /** Extra arguments for the host of each test (`test.use({ hostArgs: ['--test-clock'] })`). */
  hostArgs: [[], { option: true }],
  host: async ({ hostArgs }, use) => {
    const host = await startWebHostProcess(hostArgs);
    await use(host);
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Presses Tab until `target` has focus, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 15) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  await expect(target, `not reachable with ${max} presses of Tab`).toBeFocused();
}

/** The pages people reach from the navigation, in its order. */
export const NAV_PAGES = [
  'status',
  'exercises',
  'checklist',
  'breathing',
  'core-routine',
  'health',
  'therapy',
  'stats',
  'settings',
] as const;

/** A contract call from the page, as the renderer makes it (`window.unhunch`). */
export async function callFromPage(page: Page, name: string, input?: unknown): Promise<unknown> {
  return page.evaluate(
    ([callName, callInput]) =>
      (
        window as unknown as {
          unhunch: { call(name: string, input?: unknown): Promise<unknown> };
        }
      ).unhunch.call(callName, callInput),
    [name, input] as const,
  );
}
