/**
 * `npm run bench` (renderer part): DESIGN.md's renderer budgets, written to
 * bench/results/renderer.json.
 * - Each page's JavaScript, gzipped: the shell's entry chunk and its static imports,
 *   plus the page's own chunk and its static imports (shared chunks counted once),
 *   plus the words of the language it is shown in (each language is one chunk, English
 *   too): the page's weight is its heaviest language. Lazily loaded exercise pictures
 *   are reported apart: a page loads only the ones it shows. Budget: 80 KB per page.
 * - The break prompt's paint time: from asking the services for a break to the
 *   exercise being painted in headless Chromium, through the web host. Budget: 150 ms.
 * Needs `npm run build` first.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER = join(ROOT, 'out', 'renderer');
const RESULTS = join(ROOT, 'bench', 'results', 'renderer.json');
const PAGE_BUDGET_BYTES = 80 * 1024;
const PAINT_BUDGET_MS = 150;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function gzippedSize(file: string): number {
  return gzipSync(readFileSync(join(RENDERER, file)), { level: 9 }).length;
}

function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function pageWeights(languages: { language: string; gzipBytes: number }[]) {
  const manifestPath = join(RENDERER, '.vite', 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error('out/renderer is missing: run `npm run build` first');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('no entry chunk in the renderer manifest');
  const shell = staticClosure(manifest, entryKey);
  const pages = Object.keys(manifest).filter(
    (key) => /src\/pages\/[\w-]+\.ts$/.test(key) && !key.endsWith('/index.ts'),
  );
  return pages.map((key) => {
    const chunks = staticClosure(manifest, key, new Set(shell));
    const code = [...chunks].reduce((sum, chunk) => sum + gzippedSize(manifest[chunk]!.file), 0);
    const page = key.replace(/^.*src\/pages\/(.*)\.ts$/, '$1');
    const byLanguage = Object.fromEntries(
      languages.map(({ language, gzipBytes }) => [language, code + gzipBytes]),
    );
    const bytes = Math.max(code, ...Object.values(byLanguage));
    return { page, gzipBytes: bytes, byLanguage, met: bytes <= PAGE_BUDGET_BYTES };
  });
}

async function startWebHost(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-bench-'));
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ settings: { workHours: null } }));
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/node/web.js'), '--port', '0', '--no-open', '--data', dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}`)));
  });
  return { url, child, dataDir };
}

/** Asks the services for a break and times until the break page has painted its exercise. */
async function breakPromptPaintMs(
  pageIds: string[],
): Promise<{ samplesMs: number[]; firstPaintMs: Record<string, number> }> {
  const host = await startWebHost();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const samples: number[] = [];
  const firstPaintMs: Record<string, number> = {};
  try {
    // Each page opened fresh: Chromium's first contentful paint, from navigation start.
    for (const id of pageIds) {
      const page = await browser.newPage();
      await page.goto(`${host.url}#${id}`);
      await page.waitForSelector('#app:not([aria-busy])');
      firstPaintMs[id] = Math.round(
        (await page.evaluate(
          `performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1`,
        )) as number,
      );
      await page.close();
    }
    for (let run = 0; run < 10; run++) {
      const page = await browser.newPage();
      await page.goto(`${host.url}#break`);
      await page.waitForSelector(
        '[data-testid="break-idle"], [data-testid="break-exercise-title"]',
      );
      // A string, not a function: the TypeScript loader would wrap a function in helpers
      // that do not exist in the page.
      const elapsed = (await page.evaluate(`(async () => {
        const started = performance.now();
        await window.unhunch.call('takeBreakNow');
        await new Promise((resolve) => {
          const check = () => {
            const card = document.querySelector('[data-testid="break-exercise"]');
            const title = card && card.querySelector('[data-testid="exercise-title"]');
            const figure = card && card.querySelector('[data-testid="exercise-figure"] svg');
            // Painted: the frame after the title and the drawing are in the document.
            if (title && title.textContent && figure) requestAnimationFrame(() => resolve());
            else requestAnimationFrame(check);
          };
          check();
        });
        return performance.now() - started;
      })()`)) as number;
      samples.push(Math.round(elapsed));
      await page
        .evaluate(() =>
          (window.unhunch!.call as unknown as (name: string) => Promise<unknown>)('skipBreak'),
        )
        .catch(() => {});
      await page.close();
    }
  } finally {
    await browser.close();
    host.child.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
  return { samplesMs: samples, firstPaintMs };
}

/** The words of each language: one chunk each, loaded with whichever page opens first. */
function languageWeights() {
  const manifest = JSON.parse(
    readFileSync(join(RENDERER, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  return Object.keys(manifest)
    .filter((key) => /locales\/(\w+)\/index\.ts$/.test(key))
    .map((key) => ({
      language: key.replace(/^.*locales\/(\w+)\/index\.ts$/, '$1'),
      gzipBytes: gzippedSize(manifest[key]!.file),
    }));
}

const languages = languageWeights();
const pages = pageWeights(languages);
let paint: { samplesMs: number[]; worstMs: number; met: boolean } | { skipped: string };
let firstPaintMs: Record<string, number> = {};
try {
  const measured = await breakPromptPaintMs(pages.map((page) => page.page));
  firstPaintMs = measured.firstPaintMs;
  const worstMs = Math.max(...measured.samplesMs);
  paint = { samplesMs: measured.samplesMs, worstMs, met: worstMs <= PAINT_BUDGET_MS };
} catch (error) {
  paint = { skipped: (error as Error).message };
}
const results = {
  generatedAt: new Date().toISOString(),
  pageJsGzip: { budgetBytes: PAGE_BUDGET_BYTES, pages },
  pageFirstPaintMs: firstPaintMs,
  languageChunkGzip: languages,
  breakPromptPaint: { budgetMs: PAINT_BUDGET_MS, ...paint },
};
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
for (const page of pages) {
  console.log(
    `${page.met ? 'met ' : 'MISS'}  page ${page.page.padEnd(16)} ${(page.gzipBytes / 1024).toFixed(1)} KB gzipped in its heaviest language (budget 80 KB), first paint ${firstPaintMs[page.page] ?? '?'} ms`,
  );
}
for (const { language, gzipBytes } of languages) {
  console.log(
    `info  language ${language.padEnd(12)} ${(gzipBytes / 1024).toFixed(1)} KB gzipped, counted in every page above`,
  );
}
if ('skipped' in paint) console.log(`skip  break prompt paint: ${paint.skipped}`);
else {
  console.log(
    `${paint.met ? 'met ' : 'MISS'}  break prompt paint   worst ${paint.worstMs} ms of ${paint.samplesMs.join(', ')} (budget 150 ms)`,
  );
}
console.log(`wrote ${RESULTS}`);
