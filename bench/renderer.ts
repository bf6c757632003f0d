import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { type BuiltWebHost, startBuiltWebHost } from '../scripts/web-host-process';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER = join(ROOT, 'out', 'renderer');
const RESULTS = join(ROOT, 'bench', 'results', 'renderer.json');
const PAGE_BUDGET_BYTES = 80 * 1024;
const PAINT_BUDGET_MS = 150;
const PAGE_REQUEST_BUDGET = 12;
const BREAK_PAGE_RAW_BUDGET_BYTES = 150 * 1024;

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

function pageWeights(languages: { language: string; coreGzip: number; gzipBytes: number }[]) {
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
    // The break window loads only the core words; every other page all of them.
    const byLanguage = Object.fromEntries(
      languages.map(({ language, coreGzip, gzipBytes }) => [
        language,
        code + (page === 'break' ? coreGzip : gzipBytes),
      ]),
    );
    const bytes = Math.max(code, ...Object.values(byLanguage));
    return { page, gzipBytes: bytes, byLanguage, met: bytes <= PAGE_BUDGET_BYTES };
  });
}

type WebHost = BuiltWebHost;

/** The built web host in `language`, outside work hours never (so a break can be asked for). */
function startWebHost(language = 'system'): Promise<WebHost> {
  return startBuiltWebHost({
    prepare: (dataDir) =>
      writeFileSync(
        join(dataDir, 'settings.json'),
        JSON.stringify({ settings: { workHours: null, language } }),
      ),
  });
}

interface Fetched {
  rawBytes: number;
  requests: number;
  files: string[];
}
interface PageTransfer extends Fetched {
  page: string;
  /** The language these figures are from: the heaviest. */
  language: string;
  byLanguage: Record<string, { rawBytes: number; requests: number }>;
  met: boolean;
}

/** The languages the app speaks, as a browser asks for them (the web host follows it). */
const LANGUAGES = ['en', 'de', 'es'];

/**
 * Every request Chromium makes to show `id` in a fresh context (no cache), counted
 * once the page is ready and the network has been quiet: the document, scripts,
 * styles, words and drawings. The break page is measured with a break on screen.
 */
async function fetchedFor(browser: Browser, url: string, id: string): Promise<Fetched> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files: string[] = [];
  const bodies: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    files.push(new URL(request.url()).pathname);
    bodies.push(
      request
        .response()
        .then((response) => response?.body())
        .then((body) => body?.length ?? 0),
    );
  });
  page.on('requestfailed', (request) => files.push(`${new URL(request.url()).pathname} (failed)`));
  try {
    if (id === 'break') {
      // A break window opens once the break has started, as the Electron app does.
      const starter = await context.newPage();
      await starter.goto(`${url}#status`);
      await starter.waitForSelector('#app:not([aria-busy])');
      await starter.evaluate(`window.unhunch.call('takeBreakNow')`);
      await starter.close();
      files.length = 0;
      bodies.length = 0;
      await page.goto(`${url}#break`);
      await page.waitForSelector(
        '[data-testid="break-exercise"] [data-testid="exercise-figure"] svg',
      );
    } else {
      await page.goto(`${url}#${id}`);
      await page.waitForSelector('#app:not([aria-busy])');
    }
    await page.waitForLoadState('networkidle');
    if (id === 'break') {
      await page.evaluate(`window.unhunch.call('skipBreak')`).catch(() => {});
    }
    const rawBytes = (await Promise.all(bodies)).reduce((sum, bytes) => sum + bytes, 0);
    return { rawBytes, requests: files.length, files: files.sort() };
  } finally {
    await context.close();
  }
}

function stopWebHost(host: WebHost): void {
  host.stop();
}

/** What each page fetches in each language; a page's figures are its heaviest language's. */
async function pageTransfers(browser: Browser, pageIds: string[]): Promise<PageTransfer[]> {
  const hosts = new Map<string, WebHost>();
  try {
    for (const language of LANGUAGES) hosts.set(language, await startWebHost(language));
    const transfers: PageTransfer[] = [];
    for (const id of pageIds) transfers.push(await pageTransfer(browser, hosts, id));
    return transfers;
  } finally {
    for (const host of hosts.values()) stopWebHost(host);
  }
}

async function pageTransfer(
  browser: Browser,
  hosts: Map<string, WebHost>,
  id: string,
): Promise<PageTransfer> {
  const byLanguage: PageTransfer['byLanguage'] = {};
  let heaviest: (Fetched & { language: string }) | undefined;
  for (const [language, host] of hosts) {
    const fetched = await fetchedFor(browser, host.url, id);
    byLanguage[language] = { rawBytes: fetched.rawBytes, requests: fetched.requests };
    if (
      !heaviest ||
      fetched.requests > heaviest.requests ||
      (fetched.requests === heaviest.requests && fetched.rawBytes > heaviest.rawBytes)
    ) {
      heaviest = { ...fetched, language };
    }
  }
  const { language, rawBytes, requests, files } = heaviest!;
  const met =
    requests <= PAGE_REQUEST_BUDGET && (id !== 'break' || rawBytes <= BREAK_PAGE_RAW_BUDGET_BYTES);
  return { page: id, rawBytes, requests, language, byLanguage, files, met };
}

/** Asks the services for a break and times until the break page has painted its exercise. */
async function measurePages(pageIds: string[]): Promise<{
  samplesMs: number[];
  firstPaintMs: Record<string, number>;
  transfer: PageTransfer[];
}> {
  const host = await startWebHost();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const samples: number[] = [];
  const firstPaintMs: Record<string, number> = {};
  const transfer: PageTransfer[] = [];
  try {
    transfer.push(...(await pageTransfers(browser, pageIds)));
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
    stopWebHost(host);
  }
  return { samplesMs: samples, firstPaintMs, transfer };
}

/**
 * The words of each language: two chunks each (locales/index.ts), `core` that every page
 * loads and `more` that every page but the break window loads too.
 */
function languageWeights() {
  const manifest = JSON.parse(
    readFileSync(join(RENDERER, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const part = (language: string, name: 'core' | 'more') => {
    const key = Object.keys(manifest).find((k) => k.endsWith(`locales/${language}/${name}.ts`));
    if (!key) throw new Error(`no chunk for locales/${language}/${name}.ts in the manifest`);
    return gzippedSize(manifest[key]!.file);
  };
  return LANGUAGES.map((language) => {
    const coreGzip = part(language, 'core');
    return { language, coreGzip, gzipBytes: coreGzip + part(language, 'more') };
  });
}

const languages = languageWeights();
const pages = pageWeights(languages);
let paint: { samplesMs: number[]; worstMs: number; met: boolean } | { skipped: string };
let firstPaintMs: Record<string, number> = {};
let transfer: PageTransfer[] | { skipped: string } = { skipped: 'not measured' };
try {
  const measured = await measurePages(pages.map((page) => page.page));
  firstPaintMs = measured.firstPaintMs;
  transfer = measured.transfer;
  const worstMs = Math.max(...measured.samplesMs);
  paint = { samplesMs: measured.samplesMs, worstMs, met: worstMs <= PAINT_BUDGET_MS };
} catch (error) {
  paint = { skipped: (error as Error).message };
  transfer = { skipped: (error as Error).message };
}
const results = {
  generatedAt: new Date().toISOString(),
  pageJsGzip: { budgetBytes: PAGE_BUDGET_BYTES, pages },
  pageFirstPaintMs: firstPaintMs,
  languageChunkGzip: languages,
  pageTransfer: {
    requestBudget: PAGE_REQUEST_BUDGET,
    breakPageRawBudgetBytes: BREAK_PAGE_RAW_BUDGET_BYTES,
    ...(Array.isArray(transfer) ? { pages: transfer } : transfer),
  },
  breakPromptPaint: { budgetMs: PAINT_BUDGET_MS, ...paint },
};
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
for (const page of pages) {
  console.log(
    `${page.met ? 'met ' : 'MISS'}  page ${page.page.padEnd(16)} ${(page.gzipBytes / 1024).toFixed(1)} KB gzipped in its heaviest language (budget 80 KB), first paint ${firstPaintMs[page.page] ?? '?'} ms`,
  );
}
if (Array.isArray(transfer)) {
  for (const page of transfer) {
    console.log(
      `${page.met ? 'met ' : 'MISS'}  page ${page.page.padEnd(16)} ${page.requests} requests, ${(page.rawBytes / 1024).toFixed(1)} KB raw in ${page.language} (budget ${PAGE_REQUEST_BUDGET} requests${page.page === 'break' ? ', 150 KB' : ''})`,
    );
  }
} else console.log(`skip  page transfer: ${transfer.skipped}`);
for (const { language, gzipBytes } of languages) {
  console.log(
    `info  language ${language.padEnd(12)} ${(gzipBytes / 1024).toFixed(1)} KB gzipped, counted in every page above (the break page: its core part only)`,
  );
}
if ('skipped' in paint) console.log(`skip  break prompt paint: ${paint.skipped}`);
else {
  console.log(
    `${paint.met ? 'met ' : 'MISS'}  break prompt paint   worst ${paint.worstMs} ms of ${paint.samplesMs.join(', ')} (budget 150 ms)`,
  );
}
console.log(`wrote ${RESULTS}`);
