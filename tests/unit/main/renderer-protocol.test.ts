import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RENDERER_CSP,
  rendererFileFor,
  rendererRequestHandler,
} from '../../../src/main/renderer-protocol';

/**
 * The renderer is served from the app's own folder at unhunch://app/ (docs/security.md):
 * whatever the install path holds, its pages are found, and no address reaches past it.
 */
describe('unhunch://app/ serves the renderer folder and nothing else', () => {
  it.each([
    '/opt/Unhunch/resources/app.asar/out/renderer',
    '/home/ana maría/Apps/Unhunch 100%/[beta]/app.asar/out/renderer',
    'C:\\Program Files\\Unhunch (x86) #2\\resources\\app.asar\\out\\renderer',
    '/Users/jürgen/Applications/Unhunch ☕/Contents/Resources/app.asar/out/renderer',
  ])('finds the pages under %s', (root) => {
    expect(rendererFileFor(root, 'unhunch://app/index.html')).toBe(
      join(resolve(root), 'index.html'),
    );
    expect(rendererFileFor(root, 'unhunch://app/')).toBe(join(resolve(root), 'index.html'));
    expect(rendererFileFor(root, 'unhunch://app/assets/break-Ab12.js')).toBe(
      join(resolve(root), 'assets', 'break-Ab12.js'),
    );
  });

  it.each([
    'unhunch://app/../package.json',
    'unhunch://app/%2e%2e/%2e%2e/package.json',
    'unhunch://app/assets/../../../etc/passwd',
  ])('keeps %s inside the folder (the URL parser drops the dot segments)', (url) => {
    const file = rendererFileFor('/opt/Unhunch/out/renderer', url);
    expect(file?.startsWith(`${resolve('/opt/Unhunch/out/renderer')}/`)).toBe(true);
  });

  it.each([
    'unhunch://app/assets/..%2f..%2fmain%2findex.js',
    'unhunch://app/assets%5c..%5c..%5cpackage.json',
    'unhunch://app/index.html%00.png',
    'unhunch://app/C:%5cWindows%5cwin.ini',
    'unhunch://elsewhere/index.html',
    'file:///etc/passwd',
    'unhunch://app/%ff',
  ])('refuses %s', (url) => {
    expect(rendererFileFor('/opt/Unhunch/out/renderer', url)).toBeNull();
  });

  it('answers a page with its type, nosniff and the CSP; anything else with a 404', async () => {
    const files = new Map([[join(resolve('/r'), 'index.html'), '<!doctype html>']]);
    const handler = rendererRequestHandler('/r', async (file) => {
      const text = files.get(file);
      if (text === undefined) throw new Error('ENOENT');
      return new TextEncoder().encode(text);
    });
    const page = await handler(new Request('unhunch://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect((await handler(new Request('unhunch://app/missing.js'))).status).toBe(404);
    expect((await handler(new Request('unhunch://app/%2e%2e/secret.html'))).status).toBe(404);
    expect(
      (await handler(new Request('unhunch://app/index.html', { method: 'POST' }))).status,
    ).toBe(405);
  });
});
