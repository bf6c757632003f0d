import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { openApp } from '../../src/app/open';
import { VirtualClock } from '../../src/core/time/virtual-clock';
import {
  startWebHost,
  WEB_HOST_LIMITS,
  type WebHost,
  type WebHostLimits,
} from '../../src/web/server';

/**
 * The web host as an attacker on the same machine meets it: raw HTTP requests it must
 * answer without falling over, WebSockets without the run's token, a client that stops
 * reading, one that floods it, and messages nested to blow the parser.
 */
const dirs: string[] = [];
const hosts: WebHost[] = [];

async function startHost(limits: Partial<WebHostLimits> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-web-test-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'unhunch-web-renderer-'));
  dirs.push(dataDir, rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Unhunch</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
  const app = openApp({
    dataDir,
    clock: new VirtualClock(Date.parse('2026-11-23T09:30:00+01:00')),
    timeZone: 'Europe/Berlin',
  });
  const host = await startWebHost({ app, rendererDir, limits });
  hosts.push(host);
  const url = new URL(host.url);
  return { host, url, token: url.searchParams.get('token') ?? '', origin: url.origin };
}

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Sends raw bytes and resolves with the status line of the answer ('' if the socket just closed). */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += String(chunk);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

const get = (path: string, extra = '') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`;
const upgrade = (path: string, origin: string) =>
  get(
    path,
    `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: ${origin}\r\n`,
  );

function openSocket(address: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(address, { origin });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`refused with ${res.statusCode}`)),
    );
  });
}

function closedWith(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

async function pollUntil(condition: () => boolean, what: string) {
  for (let tries = 0; tries < 200; tries++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function callOnce(socket: WebSocket, name: string) {
  const reply = new Promise<unknown>((resolve) =>
    socket.once('message', (data) => resolve(JSON.parse(String(data)))),
  );
  socket.send(JSON.stringify({ id: 1, name }));
  return reply;
}

describe('the web host', () => {
  it.each([
    ['GET /%ff', get('/%ff'), '400'],
    ['GET /assets/%ff.js', get('/assets/%ff.js'), '400'],
    ['GET //[::1/', get('//[::1/'), '400'],
    ['an upgrade to http://[/api', upgrade('http://[/api', 'http://127.0.0.1'), '400'],
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n', '400'],
  ])('answers %s with an error status and keeps serving', async (_name, request, status) => {
    const { url } = await startHost();
    const port = Number(url.port);
    expect(await rawRequest(port, request)).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(await rawRequest(port, get('/'))).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('prints a URL with a token that a page must pass on its WebSocket', async () => {
    const { url, token, origin } = await startHost();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const api = `ws://${url.host}/api`;
    await expect(openSocket(api, origin)).rejects.toThrow('refused with 403');
    await expect(openSocket(`${api}?token=${token.slice(1)}x`, origin)).rejects.toThrow(
      'refused with 403',
    );
    // The token does not replace the Origin check: both are needed.
    await expect(openSocket(`${api}?token=${token}`, 'http://evil.example')).rejects.toThrow(
      'refused with 403',
    );
    const socket = await openSocket(`${api}?token=${token}`, origin);
    expect(await callOnce(socket, 'getStatus')).toMatchObject({ id: 1, reply: { ok: true } });
    socket.close();
  });

  it('makes a new token each run', async () => {
    const one = await startHost();
    const two = await startHost();
    expect(one.token).not.toBe(two.token);
  });

  it('drops a client that stops reading instead of buffering for it without end', async () => {
    // A smaller bound than the real 4 MB, so the loopback's own buffers fill well before.
    const { host, url, token, origin } = await startHost({ clientBufferBytes: 512 * 1024 });
    const api = `ws://${url.host}/api?token=${token}`;
    const stalled = await openSocket(api, origin);
    stalled.pause();
    // Big replies (the exercise catalogue, 25 KB each): 5 MB, more than the loopback holds.
    for (let i = 0; i < WEB_HOST_LIMITS.callsBurst - 1; i++) {
      stalled.send(JSON.stringify({ id: i, name: 'listExercises' }));
    }
    await pollUntil(() => host.connections() === 0, 'the stalled client to be dropped');
    const other = await openSocket(api, origin);
    expect(await callOnce(other, 'getStatus')).toMatchObject({ reply: { ok: true } });
    other.close();
    stalled.terminate();
  });

  it('closes a client that floods it with calls', async () => {
    const { url, token, origin } = await startHost();
    const socket = await openSocket(`ws://${url.host}/api?token=${token}`, origin);
    const closed = closedWith(socket);
    for (let i = 0; i < WEB_HOST_LIMITS.callsBurst * 5; i++) {
      socket.send(JSON.stringify({ id: i, name: 'getStatus' }));
    }
    expect(await closed).toBe(1008);
  });

  it('refuses a message nested too deeply before parsing it', async () => {
    const { url, token, origin } = await startHost();
    const socket = await openSocket(`ws://${url.host}/api?token=${token}`, origin);
    const closed = closedWith(socket);
    const depth = 100_000;
    socket.send(`{"id":1,"name":"getStatus","input":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(await closed).toBe(1008);
  });

  it('still takes an ordinary call whose strings hold brackets', async () => {
    const { url, token, origin } = await startHost();
    const socket = await openSocket(`ws://${url.host}/api?token=${token}`, origin);
    const reply = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    socket.send(
      JSON.stringify({ id: 7, name: 'getStatus', input: undefined, note: '['.repeat(500) }),
    );
    expect(await reply).toMatchObject({ id: 7, reply: { ok: true } });
    socket.close();
  });
});
