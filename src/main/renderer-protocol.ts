import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Protocol } from 'electron';

/**
 * The renderer is served from the app's own folder through a privileged custom scheme,
 * `unhunch://app/…`, never through `file://`: the installers keep the fuse
 * grantFileProtocolExtraPrivileges off, which stops `file://` pages inside app.asar,
 * and a standard, secure scheme gives the page an origin of its own, so its module
 * scripts are same-origin and `'self'` in the CSP means exactly this app. (Electron
 * security checklist: "use a custom protocol instead of file://".)
 *
 * This file imports nothing from Electron at run time: the packaging test serves the
 * packed app.asar through the same handler with @electron/asar.
 */
export const RENDERER_SCHEME = 'unhunch';
export const RENDERER_HOST = 'app';
export const RENDERER_ORIGIN = `${RENDERER_SCHEME}://${RENDERER_HOST}`;

/** The policy every renderer page is served with (also in renderer/index.html's meta tag). */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; media-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/** The only kinds of file the renderer is made of; anything else is not served. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.woff2': 'font/woff2',
};

/** The scheme's privileges: registered once, before the app is ready. */
export function registerRendererScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>) {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: RENDERER_SCHEME,
      // standard: a real origin and relative URLs; secure: treated like https.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** The page's URL: `unhunch://app/index.html#therapy`. */
export function rendererPageUrl(page?: string): string {
  return `${RENDERER_ORIGIN}/index.html${page ? `#${page}` : ''}`;
}

/**
 * The file under `root` that `url` names, or null when it names none: another host, a
 * path that climbs out of `root` (`..`, encoded or not), a backslash or a NUL.
 */
export function rendererFileFor(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${RENDERER_SCHEME}:` || parsed.host !== RENDERER_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path === '/' || path === '') path = '/index.html';
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  if (/[\\\0:]/.test(path)) return null;
  const file = resolve(root, ...segments);
  const inside = relative(resolve(root), file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return join(resolve(root), inside);
}

export type ReadRendererFile = (file: string) => Promise<Uint8Array>;

/**
 * The scheme's request handler: GET of a renderer file, answered with its content type,
 * `nosniff`, and the CSP on every page. Anything else is a plain 404 (or 405).
 */
export function rendererRequestHandler(
  root: string,
  read: ReadRendererFile = (file) => readFile(file),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405 });
    }
    const file = rendererFileFor(root, request.url);
    const type = file ? CONTENT_TYPES[extname(file).toLowerCase()] : undefined;
    if (!file || !type) return new Response(null, { status: 404 });
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return new Response(null, { status: 404 });
    }
    const headers: Record<string, string> = {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = RENDERER_CSP;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    });
  };
}

/** Serves the renderer from `root` (the built out/renderer, inside app.asar when packaged). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string) {
  protocol.handle(RENDERER_SCHEME, rendererRequestHandler(root));
}
