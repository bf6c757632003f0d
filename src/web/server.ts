import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import type { UnhunchApp } from '../app/app';
import { dispatchCall } from '../contract/dispatch';
import { acceptedLanguages } from './accept-language';

/**
 * The contract over a WebSocket on 127.0.0.1, serving the built renderer: the same
 * app services the Electron host runs, reachable from any browser for development and
 * for the Chromium end-to-end tests. Only loopback, only our own origin, and only a
 * page that knows this run's token: any local program can fake an Origin header, but
 * not guess 192 random bits that only the printed URL holds (docs/security.md).
 */
export const WEB_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; media-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The query parameter that carries the run's token, in the page's URL and on the WebSocket. */
export const TOKEN_PARAM = 'token';
export interface WebHostLimits {
  /** A client whose unsent replies and events pass this is not reading: it is dropped. */
  clientBufferBytes: number;
  /** Calls a client may make in a burst, and per second after it; past it the client is dropped. */
  callsBurst: number;
  callsPerSecond: number;
  /** Arrays and objects inside each other: a call's input is a few levels deep, never this. */
  messageDepth: number;
}
export const WEB_HOST_LIMITS: WebHostLimits = {
  clientBufferBytes: 4 * 1024 * 1024,
  callsBurst: 200,
  callsPerSecond: 100,
  messageDepth: 32,
};
/** WebSocket close codes (RFC 6455): the client broke a rule of this host. */
const CLOSE_POLICY = 1008;

export interface WebHost {
  /** The page's address with this run's token: the only way in. */
  url: string;
  /** The WebSockets open now: one per open page, each holding one app event listener. */
  connections(): number;
  close(): Promise<void>;
}

interface CallMessage {
  id: number;
  name: unknown;
  input: unknown;
}

/**
 * How deep arrays and objects nest in a JSON text, counted without parsing it, up to
 * `limit` + 1: JSON.parse of a deeply nested text is slow and can overflow the stack.
 */
export function jsonDepthExceeds(raw: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < raw.length; index++) {
    const char = raw.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > limit) return true;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return false;
}

function parseCallMessage(raw: string): CallMessage | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { id, name, input } = value as Record<string, unknown>;
    return typeof id === 'number' ? { id, name, input } : null;
  } catch {
    return null;
  }
}

export async function startWebHost(options: {
  app: UnhunchApp;
  rendererDir: string;
  port?: number;
  /** This run's token; a random one unless a test names it. */
  token?: string;
  limits?: Partial<WebHostLimits>;
}): Promise<WebHost> {
  const limits = { ...WEB_HOST_LIMITS, ...options.limits };
  const { app, rendererDir } = options;
  const root = normalize(rendererDir);
  let browserLanguagesKnown = false;

  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const knowsToken = (given: string | null) => {
    const bytes = Buffer.from(given ?? '');
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const serveFile = async (req: IncomingMessage, res: ServerResponse) => {
    // A request the URL parser or the percent-decoder refuses is a bad request, not a crash.
    let url: URL;
    let relative: string;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
      relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // The browser is this host's "system": the first to ask for the page names its languages
    // (once, so two browsers in two languages cannot make each other reload in turn).
    const languages = acceptedLanguages(req.headers['accept-language']);
    if (relative === 'index.html' && languages.length > 0 && !browserLanguagesKnown) {
      browserLanguagesKnown = true;
      app.locale.setSystemLanguages(languages);
    }
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + sep) || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': WEB_CSP,
      'X-Content-Type-Options': 'nosniff',
      // Built assets carry a hash of their content in their name: kept as long as the
      // browser likes. The page itself is asked for again every time.
      'Cache-Control': url.pathname.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    res.end(body);
  };
  const server: Server = createServer((req, res) => {
    serveFile(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(400);
      res.end();
    });
  });
  // A request Node cannot even parse: answered, never an unhandled error.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  // Big enough for a custom exercise's picture (1 MB as a data URL); calls are small otherwise.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
  const refuse = (socket: import('node:stream').Duplex, status: string) => {
    socket.on('error', () => {});
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  };
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const { port } = server.address() as AddressInfo;
    const allowed = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      refuse(socket, '400 Bad Request');
      return;
    }
    if (url.pathname !== '/api') {
      refuse(socket, '404 Not Found');
      return;
    }
    if (
      !allowed.includes(req.headers.origin ?? '') ||
      !knowsToken(url.searchParams.get(TOKEN_PARAM))
    ) {
      refuse(socket, '403 Forbidden');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveClient(ws));
  });

  const serveClient = (ws: WebSocket) => {
    // Sends unless the client has stopped reading: then it is dropped, so a stalled page
    // cannot grow the host without bound (its reconnect gets a fresh, empty buffer).
    const send = (message: unknown) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(JSON.stringify(message));
      if (ws.bufferedAmount > limits.clientBufferBytes) ws.terminate();
    };
    const unsubscribe = app.onEvent((event, payload) => send({ event, payload }));
    // A token bucket: bursts of `callsBurst` calls, `callsPerSecond` on average.
    let allowance = limits.callsBurst;
    let lastRefill = performance.now();
    ws.on('message', async (data) => {
      const now = performance.now();
      allowance = Math.min(
        limits.callsBurst,
        allowance + ((now - lastRefill) / 1000) * limits.callsPerSecond,
      );
      lastRefill = now;
      if (allowance < 1) {
        ws.close(CLOSE_POLICY, 'too many calls');
        return;
      }
      allowance--;
      const raw = data.toString();
      if (jsonDepthExceeds(raw, limits.messageDepth)) {
        ws.close(CLOSE_POLICY, 'message nested too deeply');
        return;
      }
      const message = parseCallMessage(raw);
      if (!message) return;
      const reply = await dispatchCall(app.handlers, message.name, message.input);
      send({ id: message.id, reply });
    });
    // A bad frame (too big, malformed) is an 'error' and then a 'close': without a
    // listener the error would end the host; the close still unsubscribes.
    ws.on('error', () => {});
    ws.on('close', unsubscribe);
  };

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${token}`,
    connections: () => sockets.clients.size,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
