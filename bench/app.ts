/**
 * `npm run bench` (app part): start-up and memory of the app services, written to
 * bench/results/app.json. The services run as the web host runs them (out/node/web.js,
 * the real app over a WebSocket; the Electron host's own part needs Electron), against
 * a bare Node process measured in the same run as the baseline:
 * - the time from spawning the process to its first status answer (bare Node: to its
 *   first line of output), median of several starts;
 * - the resident memory after start and after 10,000 contract calls (and the growth over
 *   10,000 more: a leak keeps growing, a heap settling in does not).
 * Needs `npm run build` first.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB_HOST = join(ROOT, 'out', 'node', 'web.js');
const RESULTS = join(ROOT, 'bench', 'results', 'app.json');
const STARTS = 5;
const CALLS = 10_000;
/** Read-only calls a window makes, in turn. */
const CALL_NAMES = ['getStatus', 'getSettings', 'getTherapy', 'getNotices', 'getLocale'];

/** Resident memory of a process, in KB: /proc on Linux, `ps` elsewhere. */
function rssKb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(status, 'utf8'));
    if (match) return Number(match[1]);
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
}

/** Resolves with the process's first line of output. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end >= 0) resolve(text.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before its first line`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A bare Node process that says it is up and waits. */
async function startBareNode() {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['-e', "process.stdout.write('ready\\n'); setInterval(() => {}, 1 << 30);"],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await firstLine(child);
  return { child, ms: performance.now() - started };
}

/** The web host on a fresh data folder, up to its first status answer. */
async function startAppServices() {
  const data = mkdtempSync(join(tmpdir(), 'unhunch-bench-app-'));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [WEB_HOST, '--port', '0', '--no-open', '--data', data, '--timezone', 'Europe/Berlin'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = new URL((await firstLine(child)).replace(/^.* listening on /, ''));
  // The host asks for its per-run token (in the address it prints) on the socket too.
  const socket = new WebSocket(`ws://${url.host}/api${url.search}`, { origin: url.origin });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const pending = new Map<number, (reply: { ok: boolean }) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; reply?: { ok: boolean } };
    if (message.id !== undefined && message.reply) pending.get(message.id)?.(message.reply);
    if (message.id !== undefined) pending.delete(message.id);
  });
  let nextId = 1;
  const call = (name: string) =>
    new Promise<{ ok: boolean }>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, name }));
    });
  const first = await call('getStatus');
  if (!first.ok) throw new Error(`the first status call failed: ${JSON.stringify(first)}`);
  const ms = performance.now() - started;
  return {
    child,
    ms,
    call,
    async close() {
      socket.close();
      await stop(child);
      rmSync(data, { recursive: true, force: true });
    },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;

if (!existsSync(WEB_HOST)) throw new Error(`${WEB_HOST} is missing: run \`npm run build\` first`);

// Start-up, alternating the two so a busy moment of the machine falls on both.
const bareStarts: number[] = [];
const appStarts: number[] = [];
for (let i = 0; i < STARTS; i++) {
  const bare = await startBareNode();
  bareStarts.push(bare.ms);
  await stop(bare.child);
  const app = await startAppServices();
  appStarts.push(app.ms);
  await app.close();
}

// Memory: both processes side by side, the app measured after start and after the calls.
const bare = await startBareNode();
const app = await startAppServices();
const bareRssKb = rssKb(bare.child.pid ?? 0);
const appRssAfterStartKb = rssKb(app.child.pid ?? 0);
const callMany = async () => {
  // The web host takes at most 100 calls a second from a page (WEB_HOST_LIMITS): the calls
  // go in batches of 100, a second apart at the least.
  for (let sent = 0; sent < CALLS; sent += 100) {
    const batchStarted = performance.now();
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        app.call(CALL_NAMES[(sent + i) % CALL_NAMES.length] ?? ''),
      ),
    );
    const failed = replies.find((reply) => !reply.ok);
    if (failed) throw new Error(`a contract call failed: ${JSON.stringify(failed)}`);
    const wait = 1000 - (performance.now() - batchStarted);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
};
await callMany();
const appRssAfterCallsKb = rssKb(app.child.pid ?? 0);
// Another 10,000: memory that keeps growing would be a leak; a heap settling in does not.
await callMany();
const appRssAfterMoreCallsKb = rssKb(app.child.pid ?? 0);
await app.close();
await stop(bare.child);

const mb = (kb: number) => round(kb / 1024);
const results = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  host: 'the app services as the web host runs them (out/node/web.js), over its WebSocket',
  msToFirstStatus: {
    value: round(median(appStarts)),
    bareNodeMs: round(median(bareStarts)),
    ratio: round(median(appStarts) / median(bareStarts), 2),
    starts: STARTS,
    unit: 'ms from spawning the process to its first status answer (bare Node: to its first line), median; informational',
  },
  rssAfterStartMb: {
    value: mb(appRssAfterStartKb),
    bareNodeMb: mb(bareRssKb),
    ratio: round(appRssAfterStartKb / bareRssKb, 2),
    unit: 'MB resident after the first status answer, beside an idle bare Node process; informational',
  },
  rssAfterCallsMb: {
    value: mb(appRssAfterCallsKb),
    bareNodeMb: mb(bareRssKb),
    ratio: round(appRssAfterCallsKb / bareRssKb, 2),
    growthMb: mb(appRssAfterCallsKb - appRssAfterStartKb),
    growthOverNext10000Mb: mb(appRssAfterMoreCallsKb - appRssAfterCallsKb),
    calls: CALLS,
    callNames: CALL_NAMES,
    unit: 'MB resident after 10,000 contract calls (read-only, 100 at a time); informational',
  },
};

mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `info  first status answer ${results.msToFirstStatus.value} ms (bare Node ${results.msToFirstStatus.bareNodeMs} ms, ×${results.msToFirstStatus.ratio})`,
);
console.log(
  `info  resident after start ${results.rssAfterStartMb.value} MB (bare Node ${results.rssAfterStartMb.bareNodeMb} MB, ×${results.rssAfterStartMb.ratio})`,
);
console.log(
  `info  resident after ${CALLS} calls ${results.rssAfterCallsMb.value} MB (×${results.rssAfterCallsMb.ratio}, +${results.rssAfterCallsMb.growthMb} MB; +${results.rssAfterCallsMb.growthOverNext10000Mb} MB over the next ${CALLS})`,
);
console.log(`wrote ${RESULTS}`);
