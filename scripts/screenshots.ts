import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { startBuiltWebHost } from './web-host-process';

const OUT = 'docs/screenshots';
const VIEWPORT = { width: 1024, height: 768 };
const VARIANTS = [
  { dir: 'en-light', language: 'en', colorScheme: 'light' },
  { dir: 'en-dark', language: 'en', colorScheme: 'dark' },
  { dir: 'de', language: 'de', colorScheme: 'light' },
] as const;

function call(page: Page, name: string, input?: unknown): Promise<unknown> {
  return page.evaluate(
    ([callName, callInput]) =>
      (
        window as unknown as { unhunch: { call(n: string, i?: unknown): Promise<unknown> } }
      ).unhunch.call(callName, callInput),
    [name, input] as const,
  );
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('#app')?.getAttribute('aria-busy') !== 'true',
  );
  await page.waitForFunction(() => !document.querySelector('#page [aria-busy="true"]'));
  await page.evaluate(() => document.fonts.ready);
  // The focused heading draws no ring, but keep the caret and hover out of the picture.
  await page.mouse.move(0, 0);
}

async function shoot(page: Page, path: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  console.log(path);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const variant of VARIANTS) {
    // A fresh host each time: a heat session leaves a rest behind it.
    // Breaks at any hour, so a break can be shown whenever this runs; the language set
    // before the host starts, so no page reloads to follow a change of it.
    const host = await startBuiltWebHost({
      prepare: (dataDir) =>
        writeFileSync(
          join(dataDir, 'settings.json'),
          JSON.stringify({ settings: { workHours: null, language: variant.language } }),
        ),
    });
    const dir = join(OUT, variant.dir);
    mkdirSync(dir, { recursive: true });
    const context = await browser.newContext({
      viewport: VIEWPORT,
      colorScheme: variant.colorScheme,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(host.url);
    await settled(page);
    await page.waitForFunction((lang) => document.documentElement.lang === lang, variant.language);
    // A new profile starts at the welcome: its picture, then on to the pages.
    await page.goto(`${host.url}#welcome`);
    await shoot(page, join(dir, 'welcome.png'));
    await page.evaluate(() => localStorage.setItem('unhunch.welcome-seen', '1'));
    // The pages of the navigation, as the shell lists them.
    const pages = await page
      .locator('nav a[data-testid^="nav-"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).hash.slice(1)));
    for (const id of pages) {
      await page.goto(`${host.url}#${id}`);
      // The shell loads the page's code after the hash changes: wait for the page itself.
      await page.waitForFunction(
        (hash) =>
          document.querySelector('nav a[aria-current="page"]')?.getAttribute('href') === hash &&
          (document.querySelector('#page')?.childElementCount ?? 0) > 0,
        `#${id}`,
      );
      await shoot(page, join(dir, `${id}.png`));
    }
    await page.goto(`${host.url}#break`);
    await shoot(page, join(dir, 'break-none.png'));
    const taken = await call(page, 'takeBreakNow');
    if (!(taken as { ok: boolean }).ok) throw new Error(`takeBreakNow: ${JSON.stringify(taken)}`);
    await page
      .locator('[data-screen="active"] [data-testid="exercise-title"]')
      .waitFor({ timeout: 5000 })
      .catch(async (e) => {
        await page.screenshot({ path: '/tmp/i17-fail.png' });
        console.log(await page.locator('#page').innerHTML());
        throw e;
      });
    await shoot(page, join(dir, 'break.png'));
    await call(page, 'skipBreak');
    await page.locator('[data-screen="ended"]').waitFor();
    await shoot(page, join(dir, 'break-ended.png'));
    await page.goto(`${host.url}#therapy`);
    await page.getByTestId('therapy-kind-heat').check();
    await page.getByTestId('therapy-next').click();
    await shoot(page, join(dir, 'therapy-safety.png'));
    await page.getByTestId('therapy-start').click();
    await page.getByTestId('therapy-countdown').filter({ hasText: /\d/ }).waitFor();
    await shoot(page, join(dir, 'therapy-running.png'));
    await page.getByTestId('therapy-stop').click();
    await context.close();
    host.stop();
  }
} finally {
  await browser.close();
}
