import { rmSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright/test';
import { expect, startWebHostProcess, test, type WebHostProcess } from './web-host';

/**
 * Accessibility of every page, checked as the people who need it would meet it: axe
 * (WCAG 2.1 A and AA) in light and dark, in the states that matter; a visible focus on
 * everything Tab reaches; what a screen reader hears during a break; reduced motion;
 * text at 200% and a 320 px wide window. One web host serves the whole file, so the
 * tests run in order and each leaves the app as it found it.
 */

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The pages people reach from the navigation, each ready once it says it is not busy. */
const PAGES = [
  'status',
  'exercises',
  'checklist',
  'breathing',
  'core-routine',
  'health',
  'therapy',
  'stats',
  'settings',
] as const;

let host: WebHostProcess;
test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(() => {
  host.process.kill();
  rmSync(host.dataDir, { recursive: true, force: true });
});

/** A contract call from the page, as the renderer makes it. */
async function call(page: Page, name: string, input?: unknown): Promise<unknown> {
  return page.evaluate(
    ([callName, callInput]) =>
      (
        window as unknown as {
          unhunch: { call(name: string, input?: unknown): Promise<unknown> };
        }
      ).unhunch.call(callName, callInput),
    [name, input] as const,
  );
}

async function open(page: Page, id: string) {
  await page.goto(`${host.url}#${id}`);
  await expect(page.locator('#page[aria-busy="false"]')).toBeAttached();
}

/** Every WCAG 2.1 A/AA rule axe knows, in light and in dark: no violation, named if one. */
async function expectAccessible(page: Page, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    const found = violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`,
      ),
    );
    expect(found, `${what}, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

/** A break right now, whatever the time of day: work hours off first. */
async function takeBreak(page: Page, settings: Record<string, unknown> = {}) {
  await call(page, 'updateSettings', { workHours: null, ...settings });
  await page.goto(`${host.url}#break`);
  await expect(page.getByText('No break right now.')).toBeVisible();
  expect(await call(page, 'takeBreakNow')).toEqual({ ok: true });
  await expect(page.locator('[data-testid="exercise-figure"] svg')).toBeVisible();
}

async function endBreak(page: Page) {
  await call(page, 'skipBreak');
  await call(page, 'restoreDefaults');
}

test.describe('axe finds nothing, in light and dark', () => {
  for (const id of PAGES) {
    test(`the ${id} page`, async ({ page }) => {
      await open(page, id);
      await expectAccessible(page, id);
    });
  }

  test('the break page: waiting, during a long break, and after it', async ({ page }) => {
    await open(page, 'status');
    await takeBreak(page, { microBreak: { enabled: false } });
    await expect(page.getByTestId('break-step')).toHaveText(/^Exercise 1 of \d$/);
    await expectAccessible(page, 'during a long break');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('break-message')).toHaveText(/Break skipped/);
    await expectAccessible(page, 'after a break');
    await call(page, 'restoreDefaults');
    await page.reload();
    await expect(page.getByText('No break right now.')).toBeVisible();
    await expectAccessible(page, 'no break');
  });

  test('the therapy page: the safety step, the running ring, the rest after it', async ({
    page,
  }) => {
    await open(page, 'therapy');
    await page.getByTestId('therapy-kind-ice').check();
    await page.getByTestId('therapy-next').click();
    await expect(page.getByTestId('safety-step-ice-wrapped')).toBeVisible();
    await expectAccessible(page, 'therapy safety step');
    await page.getByTestId('therapy-start').click();
    await expect(page.getByTestId('therapy-countdown')).toHaveText(/^1[45]:\d\d$/);
    await expectAccessible(page, 'therapy running');
    await page.getByTestId('therapy-stop').click();
    await expect(page.getByTestId('therapy-resting')).toBeVisible();
    await expectAccessible(page, 'therapy resting');
  });

  test('the checklist answered, with fixes, an error and the result', async ({ page }) => {
    await open(page, 'checklist');
    await page.getByTestId('answer-screen-height-no').check();
    await page.getByRole('button', { name: 'See my result' }).click();
    await expect(page.getByTestId('checklist-error')).not.toBeEmpty();
    await expectAccessible(page, 'checklist with questions open');
    const yes = page.locator('input[type="radio"][value="yes"]');
    for (let i = 1; i < (await yes.count()); i++) await yes.nth(i).check();
    await page.getByRole('button', { name: 'See my result' }).click();
    await expect(page.getByTestId('checklist-result')).toBeVisible();
    await expectAccessible(page, 'checklist result');
  });

  test('the settings page with an inline error and the clear-history dialog', async ({ page }) => {
    await open(page, 'settings');
    await page.getByTestId('setting-microBreak-every').fill('500');
    await expect(page.getByTestId('setting-microBreak-every-error')).not.toBeEmpty();
    await expectAccessible(page, 'settings with an error');
    await page.getByTestId('clear-history').click();
    await expect(page.getByTestId('clear-history-dialog')).toBeVisible();
    await expectAccessible(page, 'clear-history dialog');
    await page.keyboard.press('Escape');
  });

  test('the statistics page with a history to show', async ({ page }) => {
    // The tests above left a checklist result, a skipped break and an ice session.
    await open(page, 'stats');
    await expect(page.getByTestId('stats-checklist-chart')).toBeVisible();
    await expectAccessible(page, 'stats with a history');
  });
});

/** Presses Tab through the page; for each element reached, whether its focus shows. */
async function tabThrough(page: Page, max = 200) {
  const reached: { what: string; visible: boolean }[] = [];
  const seen = new Set<string>();
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      const describe = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().slice(0, 30)}" ${element.getAttribute('data-testid') ?? ''}`;
      // An element's place in the document tells two alike apart.
      const path: number[] = [];
      for (let node: Element | null = element; node?.parentElement; node = node.parentElement) {
        path.push([...node.parentElement.children].indexOf(node));
      }
      return {
        key: path.join('.'),
        what: describe,
        visible: outline || style.boxShadow !== 'none',
      };
    });
    if (!focused || seen.has(focused.key)) break;
    seen.add(focused.key);
    reached.push({ what: focused.what, visible: focused.visible });
  }
  return reached;
}

test.describe('focus is visible on everything Tab reaches', () => {
  for (const id of PAGES) {
    test(`the ${id} page`, async ({ page }) => {
      await open(page, id);
      const reached = await tabThrough(page);
      expect(reached.length).toBeGreaterThan(3);
      expect(reached.filter((r) => !r.visible).map((r) => r.what)).toEqual([]);
    });
  }

  test('the break page during a break', async ({ page }) => {
    await open(page, 'status');
    await takeBreak(page, { microBreak: { enabled: false } });
    const reached = await tabThrough(page);
    expect(reached.map((r) => r.what).join('\n')).toContain('break-skip');
    expect(reached.filter((r) => !r.visible).map((r) => r.what)).toEqual([]);
    await endBreak(page);
  });
});
