import { mkdirSync, rmSync } from 'node:fs';
import type { Page } from 'playwright/test';
import {
  callFromPage,
  expect,
  NAV_PAGES,
  startWebHostProcess,
  test,
  type WebHostProcess,
} from './web-host';

/**
 * The UI in German and in Spanish, as a person using it in that language meets it:
 * every page, the break in progress included, with no raw locale key and no stray
 * {{placeholder}} anywhere on it, a full-page screenshot of each kept in
 * tests/artifacts/i18n/<lang>/<page>.png. Then the two ways the language is chosen:
 * the browser's (the system's, for the web host) and the setting on the settings page.
 */

const PAGES = NAV_PAGES;

/** What i18next shows for a key it cannot find: `ui.recheck.banner`, `nav.status`. */
const RAW_KEY = /^[a-z]+(\.[a-zA-Z0-9-]+)+$/;

/** Words each language must show, so a page in English would not pass for German. */
const EXPECTED = {
  de: { nav: { status: 'Status', settings: 'Einstellungen', therapy: 'Wärme & Kälte' } },
  es: { nav: { status: 'Estado', settings: 'Configuración', therapy: 'Calor y frío' } },
} as const;

/** Every text the page holds, and the labels a screen reader reads, that look untranslated. */
async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate((rawKey) => {
    const pattern = new RegExp(rawKey);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text && (pattern.test(text) || text.includes('{{'))) found.push(text);
    }
    for (const element of document.querySelectorAll(
      '[aria-label], [title], [placeholder], [alt]',
    )) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value && (pattern.test(value) || value.includes('{{'))) found.push(`${name}=${value}`);
      }
    }
    if (pattern.test(document.title) || document.title.includes('{{')) found.push(document.title);
    return found;
  }, RAW_KEY.source);
}

const call = callFromPage;

for (const language of ['de', 'es'] as const) {
  test.describe(`the UI in ${language}`, () => {
    let host: WebHostProcess;
    const artifacts = `tests/artifacts/i18n/${language}`;
    test.beforeAll(async () => {
      mkdirSync(artifacts, { recursive: true });
      // The browser says English: the setting is what makes it German or Spanish.
      host = await startWebHostProcess(
        [],
        {},
        {
          'settings.json': JSON.stringify({ settings: { language, workHours: null } }),
        },
      );
    });
    test.afterAll(() => {
      host.process.kill();
      rmSync(host.dataDir, { recursive: true, force: true });
    });

    for (const id of PAGES) {
      test(`${id} shows no raw key and no placeholder`, async ({ page }) => {
        await page.goto(`${host.url}#${id}`);
        await expect(page.locator('#page[aria-busy="false"]')).toBeAttached();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.getByTestId('nav-status')).toHaveText(EXPECTED[language].nav.status);
        await expect(page.getByTestId('nav-settings')).toHaveText(EXPECTED[language].nav.settings);
        await expect(page.getByTestId('nav-therapy')).toHaveText(EXPECTED[language].nav.therapy);
        // Pictures and lists arrive after the page says it is ready: let them settle.
        await page.waitForLoadState('networkidle');
        expect(await untranslated(page), `${language} #${id}`).toEqual([]);
        await page.screenshot({ path: `${artifacts}/${id}.png`, fullPage: true });
      });
    }

    test('a break in progress shows no raw key and no placeholder', async ({ page }) => {
      await page.goto(`${host.url}#status`);
      await expect(page.locator('#page[aria-busy="false"]')).toBeAttached();
      expect(await call(page, 'takeBreakNow')).toEqual({ ok: true });
      await expect(page).toHaveURL(/#break$/);
      await expect(page.getByTestId('break-exercise')).not.toBeEmpty();
      await expect(page.getByTestId('break-kind')).not.toBeEmpty();
      await page.waitForLoadState('networkidle');
      expect(await untranslated(page), `${language} #break`).toEqual([]);
      await page.screenshot({ path: `${artifacts}/break.png`, fullPage: true });
      await call(page, 'skipBreak');
    });
  });
}

test.describe('choosing the language', () => {
  test('follows the browser (the system, for the web host) when the setting says so', async ({
    browser,
  }) => {
    const host = await startWebHostProcess();
    const context = await browser.newContext({ locale: 'es-MX' });
    try {
      const page = await context.newPage();
      await page.goto(`${host.url}#status`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      await expect(page.getByTestId('nav-status')).toHaveText('Estado');
      expect(await call(page, 'getLocale')).toEqual({
        language: 'es',
        systemLanguage: 'es',
        setting: 'system',
        intlLocale: 'es-MX',
      });
    } finally {
      await context.close();
      host.process.kill();
      rmSync(host.dataDir, { recursive: true, force: true });
    }
  });

  test('the settings page switches the language, and the UI follows at once', async ({
    page,
    host,
  }) => {
    await page.goto(`${host.url}#settings`);
    await expect(page.locator('#page[aria-busy="false"]')).toBeAttached();
    await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
    const select = page.getByLabel('Language', { exact: true });
    await expect(select).toHaveValue('system');
    await select.selectOption('de');
    // The shell draws itself again in German, on the same page.
    await expect(page.getByTestId('nav-settings')).toHaveText('Einstellungen');
    await expect(page).toHaveURL(/#settings$/);
    await expect(page.getByLabel('Sprache', { exact: true })).toHaveValue('de');
    await page.getByLabel('Sprache', { exact: true }).selectOption('system');
    await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
  });
});
