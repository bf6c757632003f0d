import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_CSP } from '../../../src/web/server';

/**
 * Electron's security checklist and the layering of docs/architecture.md, checked on the source so a
 * regression fails here even on a machine without the Electron binary.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|js)$/.test(name) ? [path] : [];
  });
}

const SOURCES = [...sourceFiles('src'), ...sourceFiles('renderer/src')].map((path) => ({
  path: relative('.', path).replaceAll('\\', '/'),
  text: readFileSync(path, 'utf8'),
}));

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectStrict(csp: string) {
  const policy = directives(csp);
  expect(policy.get('default-src')).toEqual(["'none'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  for (const [name, values] of policy) {
    for (const value of values) {
      expect(value, `${name} allows ${value}`).not.toMatch(/unsafe-|^https?:|^\*|^data:.*script/);
    }
  }
}

describe('the renderer is locked down', () => {
  it('index.html carries a strict Content-Security-Policy with no inline script', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    expectStrict(meta![1]!);
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      expect(script, 'inline script').toMatch(/<script[^>]*\bsrc="[^"]+"[^>]*><\/script>/);
    }
  });

  it('the web host sends the same strict policy as a header', () => {
    expectStrict(WEB_CSP);
    expect(directives(WEB_CSP).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('no window is ever made with Node, without isolation or sandbox, or with webviews', () => {
    const forbidden = [
      /nodeIntegration:\s*true/,
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent/,
      /enableRemoteModule/,
      /@electron\/remote/,
      /webviewTag:\s*true/,
      /experimentalFeatures:\s*true/,
      /\.loadURL\(\s*['"`]https?:/,
    ];
    for (const { path, text } of SOURCES) {
      for (const pattern of forbidden)
        expect(text, `${path} matches ${pattern}`).not.toMatch(pattern);
    }
  });

  it('only the Electron host imports electron', () => {
    for (const { path, text } of SOURCES) {
      if (path.startsWith('src/main/') || path.startsWith('src/preload/')) continue;
      expect(text, path).not.toMatch(
        /from ['"]electron(\/[\w-]+)?['"]|require\(['"]electron['"]\)/,
      );
    }
  });

  it('the core imports nothing but the core: no Node, no DOM, no libraries', () => {
    for (const { path, text } of SOURCES.filter((file) => file.path.startsWith('src/core/'))) {
      for (const match of text.matchAll(/^import[^;]*?from\s+['"]([^'"]+)['"]/gm)) {
        expect(match[1], `${path} imports ${match[1]}`).toMatch(/^\.\.?\//);
        expect(match[1], `${path} reaches out of the core`).not.toMatch(/\.\.\/\.\.\/\.\./);
      }
      expect(text, path).not.toMatch(/\bdocument\.|\bwindow\.|process\.env/);
    }
  });

  it('the renderer reaches the app only through the contract', () => {
    for (const { path, text } of SOURCES.filter((file) => file.path.startsWith('renderer/'))) {
      for (const match of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        expect(match[1], `${path} imports ${match[1]}`).not.toMatch(
          /src\/(app|main|web|cli|core)\//,
        );
      }
    }
  });
});
