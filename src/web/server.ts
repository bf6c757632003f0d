import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import type { UnhunchApp } from '../app/app';
import { dispatchCall } from '../contract/dispatch';
import { acceptedLanguages } from './accept-language';

/**
 * The contract over a WebSocket on 127.0.0.1, serving the built renderer: the same
 * app services the Electron host runs, reachable from any browser for development and
 * for the Chromium end-to-end tests. Only loopback, only our own origin.
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

export interface WebHost {
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
}): Promise<WebHost> {
  const { app, rendererDir } = options;
  const root = normalize(rendererDir);
  let browserLanguagesKnown = false;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname);
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
    try {
      const body = await readFile(file);
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
    } catch {
      res.writeHead(404).end();
    }
  });

  // Big enough for a custom exercise's picture (1 MB as a data URL); calls are small otherwise.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const { port } = server.address() as AddressInfo;
    const allowed = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    if (
      new URL(req.url ?? '/', 'http://x').pathname !== '/api' ||
      !allowed.includes(req.headers.origin ?? '')
    ) {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const unsubscribe = app.onEvent((event, payload) => {
        ws.send(JSON.stringify({ event, payload }));
      });
      ws.on('message', async (data) => {
        const message = parseCallMessage(data.toString());
        if (!message) return;
        const reply = await dispatchCall(app.handlers, message.name, message.input);
        ws.send(JSON.stringify({ id: message.id, reply }));
      });
      // A bad frame (too big, malformed) is an 'error' and then a 'close': without a
      // listener the error would end the host; the close still unsubscribes.
      ws.on('error', () => {});
      ws.on('close', unsubscribe);
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    connections: () => sockets.clients.size,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
