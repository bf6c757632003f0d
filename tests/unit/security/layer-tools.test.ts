import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layers (docs/architecture.md) are kept by the tools every commit runs, not only by
 * a test reading imports: `npm run lint` (Biome's noRestrictedImports per folder) refuses
 * a wrong-way import, and `npm run typecheck` (one tsconfig per layer) refuses a layer
 * that reaches for globals it must not have. Each probe below is a file a careless change
 * could add; each must fail, and a right-way file beside it must pass.
 */

const BIN = resolve('node_modules/.bin');
// Inside the project (so `tsc` finds its type packages), in a folder git and Biome ignore.
mkdirSync('test-results', { recursive: true });
const probes = mkdtempSync(resolve('test-results/layer-probes-'));
afterAll(() => rmSync(probes, { recursive: true, force: true }));

/** `biome lint` with the project's biome.json on a file `text` at the project path `path`. */
function lint(path: string, text: string) {
  const root = mkdtempSync(join(probes, 'lint-'));
  copyFileSync('biome.json', join(root, 'biome.json'));
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  const run = spawnSync(join(BIN, 'biome'), ['lint', '--vcs-enabled=false', path], {
    cwd: root,
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** `tsc` with the layer's tsconfig over one probe file holding `text`. */
function typecheck(layer: string, text: string) {
  const dir = mkdtempSync(join(probes, `${layer}-`));
  writeFileSync(join(dir, 'probe.ts'), text);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: resolve(`tsconfig.${layer}.json`), include: ['probe.ts'] }),
  );
  const run = spawnSync(join(BIN, 'tsc'), ['-p', join(dir, 'tsconfig.json'), '--noEmit'], {
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('npm run lint refuses a wrong-way import', () => {
  it.each([
    [
      'src/core/breaks/probe.ts',
      "import { openApp } from '../../app/open';",
      'src/core imports only src/core',
    ],
    ['src/core/breaks/probe.ts', "import { z } from 'zod';", 'src/core imports no package'],
    [
      'src/core/time/probe.ts',
      "import { readFileSync } from 'node:fs';",
      'src/core imports no package',
    ],
    ['src/app/probe.ts', "import { app } from 'electron';", 'src/app knows ports, not hosts'],
    [
      'src/app/features/probe.ts',
      "import { startWebHost } from '../../web/server';",
      'src/app knows ports, not hosts',
    ],
    ['src/contract/probe.ts', "import { openApp } from '../app/open';", 'src/contract is shared'],
    [
      'renderer/src/probe.ts',
      "import { transition } from '../../src/core/breaks/engine';",
      'The renderer talks only to the contract',
    ],
  ])('%s: %s', (path, line, message) => {
    const result = lint(path, `${line}\nexport const used = [${/\{ (\w+) \}/.exec(line)![1]}];\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(message);
  });

  it('the right way round passes', () => {
    expect(
      lint(
        'src/app/probe.ts',
        "import { transition } from '../core/breaks/engine';\nexport const used = [transition];\n",
      ),
    ).toMatchObject({ ok: true });
    expect(
      lint(
        'src/core/breaks/probe.ts',
        "import { transition } from './engine';\nexport const used = [transition];\n",
      ),
    ).toMatchObject({ ok: true });
  });
});

describe('npm run typecheck refuses a layer reaching for what it must not have', () => {
  it('core has neither Node nor DOM: no timers, no process, no document', () => {
    const result = typecheck(
      'core',
      'export const a = setTimeout;\nexport const b = process.env;\nexport const c = document.title;\n',
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Cannot find name 'setTimeout'/);
    expect(result.output).toMatch(/Cannot find name 'process'/);
    expect(result.output).toMatch(/Cannot find name 'document'/);
  });

  it('the renderer has no Node', () => {
    const result = typecheck(
      'renderer',
      "import { readFileSync } from 'node:fs';\nexport const a = [readFileSync, process.env];\n",
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/node:fs|Cannot find name 'process'/);
  });

  it('the app has no DOM', () => {
    const result = typecheck('app', 'export const a = document.title;\nexport const b = window;\n');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Cannot find name 'document'/);
  });

  it('a probe that keeps to its layer passes', () => {
    expect(typecheck('core', 'export const a: number = Math.max(1, 2);\n')).toMatchObject({
      ok: true,
    });
  });
}, 120_000);
