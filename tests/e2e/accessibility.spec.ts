import { rmSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright/test';
import { seededHistory } from './seed-history';
import {
  callFromPage,
  expect,
  NAV_PAGES,
  startWebHostProcess,
  test,
  type WebHostProcess,
} from './web-host';

/**
 * Accessibility of every page, checked as the people who need it would meet it: axe
 * (WCAG 2.1 A and AA) in light and dark, in the states that matter; a visible focus on
 * everything Tab reaches; what a screen reader hears during a break; reduced motion;
 * text at 200% and a 320 px wide window. Every test has a web host of its own (a fresh
 * data folder), so none depends on what another did or on the order they run in.
 */

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The pages people reach from the navigation, each ready once it says it is not busy. */
const PAGES = NAV_PAGES;

let host: WebHostProcess;
test.beforeEach(({ host: own }) => {
  host = own;
});

const call = callFromPage;

async function open(page: Page, id: string) {
  await page.goto(`${host.url}#${id}`);
  await expect(page.locator('#page[aria-busy="false"]')).toBeAttached();
}

/** Every WCAG 2.1 A/AA rule axe knows, in light and in dark: no violation, named if one. */
async function expectAccessible(page: Page, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // One document, no frames: legacy mode runs axe in the page alone, without the extra
    // blank page the frame-by-frame mode opens on every run (three times faster here).
    const { violations } = await new AxeBuilder({ page })
      .withTags(WCAG)
      .setLegacyMode(true)
      .analyze();
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

/**
 * Tabs through the whole page, noting for each element reached whether its focus
 * shows (an outline or a ring of box-shadow), until Tab comes round to the start.
 */
async function tabThrough(page: Page) {
  await page.evaluate(() => {
    const state = { reached: [] as { key: string; what: string; visible: boolean }[], done: false };
    (window as unknown as { tabbing: typeof state }).tabbing = state;
    const seen = new Set<string>();
    document.addEventListener('focusin', (event) => {
      const element = event.target as Element;
      // An element's place in the document tells two alike apart.
      const path: number[] = [];
      for (let node: Element | null = element; node?.parentElement; node = node.parentElement) {
        path.push([...node.parentElement.children].indexOf(node));
      }
      const key = path.join('.');
      if (seen.has(key)) state.done = true;
      if (state.done) return;
      seen.add(key);
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      const name = (element.textContent ?? '').trim().slice(0, 30);
      state.reached.push({
        key,
        what: `${element.tagName.toLowerCase()} "${name}" ${element.getAttribute('data-testid') ?? ''}`,
        visible: outline || style.boxShadow !== 'none',
      });
    });
  });
  const state = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            tabbing: { reached: { what: string; visible: boolean }[]; done: boolean };
          }
        ).tabbing,
    );
  for (let presses = 0; presses < 300; presses += 10) {
    for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
    if ((await state()).done) break;
  }
  const { reached, done } = await state();
  expect(done, 'Tab comes round to the start').toBe(true);
  return reached;
}

async function expectFocusVisible(page: Page) {
  const reached = await tabThrough(page);
  expect(reached.length).toBeGreaterThanOrEqual(3);
  expect(reached.filter((r) => !r.visible).map((r) => r.what)).toEqual([]);
  return reached.map((r) => r.what);
}

/** Sideways scrolling of the page, and buttons whose words do not fit them. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const { documentElement: root, body } = document;
    const clipped = [...document.querySelectorAll('button')]
      .filter((button) => button.getClientRects().length > 0)
      .filter(
        (button) =>
          button.scrollWidth > button.clientWidth + 1 ||
          button.scrollHeight > button.clientHeight + 1,
      )
      .map((button) => button.textContent ?? '');
    return {
      sideways: Math.max(root.scrollWidth - root.clientWidth, body.scrollWidth - body.clientWidth),
      clipped,
    };
  });
}

/** Text at 200% in a 1280 x 800 window, then a window 320 px wide: nothing scrolls sideways or is cut. */
async function expectReflow(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  expect(await overflow(page), 'text at 200%').toEqual({ sideways: 0, clipped: [] });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
  });
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await overflow(page), '320 px wide').toEqual({ sideways: 0, clipped: [] });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('in the states that matter', () => {
  test('the break page during a long break, and after it', async ({ page }) => {
    await open(page, 'status');
    await takeBreak(page, { microBreak: { enabled: false } });
    await expect(page.getByTestId('break-step')).toHaveText(/^Exercise 1 of \d$/);
    await expectAccessible(page, 'during a long break');
    expect((await expectFocusVisible(page)).join('\n')).toContain('break-skip');
    await expectReflow(page);
    await expect(page.getByTestId('break-actions')).toHaveAttribute('data-armed', 'true');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('break-message')).toHaveText(/Break skipped/);
    await expectAccessible(page, 'after a break');
    await call(page, 'restoreDefaults');
  });

  test('the therapy page: the safety step, and the running ring in words', async ({ page }) => {
    await open(page, 'therapy');
    await page.getByTestId('therapy-kind-ice').check();
    await page.getByTestId('therapy-next').click();
    await expect(page.getByTestId('safety-step-ice-wrapped')).toBeVisible();
    await expectAccessible(page, 'therapy safety step');
    await page.getByTestId('therapy-start').click();
    await expect(page.getByTestId('therapy-countdown')).toHaveText(/^1[45]:\d\d$/);
    // The ring is a picture of what the words say: the time left, and when it ends.
    await expect(page.locator('svg.ring')).toHaveAttribute('aria-hidden', 'true');
    await expect(page.getByRole('timer')).toHaveText(/^1[45]:\d\d\s*1[45] minutes left$/);
    await expect(page.getByText(/^Ends at .+\. Check your skin/)).toBeVisible();
    await expectAccessible(page, 'therapy running');
    await page.getByTestId('therapy-stop').click();
    // Resting now: the therapy page below is checked with the note saying so.
    await expect(page.getByTestId('therapy-resting')).toBeVisible();
  });

  test('the checklist answered, with a fix to make and the result', async ({ page }) => {
    await open(page, 'checklist');
    await page.getByTestId('answer-screen-height-no').check();
    await page.evaluate(() => {
      for (const yes of document.querySelectorAll<HTMLInputElement>('input[value="yes"]')) {
        if (!yes.form?.querySelector(`input[name="${yes.name}"]:checked`)) yes.click();
      }
    });
    await page.getByRole('button', { name: 'See my result' }).click();
    await expect(page.getByTestId('checklist-result')).toBeVisible();
    await expect(page.getByTestId('fix-screen-height')).toBeVisible();
    await expectAccessible(page, 'checklist result');
  });

  test('the settings page with an inline error, under the clear-history dialog', async ({
    page,
  }) => {
    await open(page, 'settings');
    await page.getByTestId('setting-microBreak-every').fill('500');
    await expect(page.getByTestId('setting-microBreak-every-error')).not.toBeEmpty();
    await page.getByTestId('clear-history').click();
    await expect(page.getByTestId('clear-history-dialog')).toBeVisible();
    await expectAccessible(page, 'settings with an error and the dialog');
    await page.keyboard.press('Escape');
  });
});

test.describe('every page: axe in light and dark, a visible focus, text at 200% and 320 px', () => {
  for (const id of PAGES) {
    test(`the ${id} page`, async ({ page }) => {
      await open(page, id);
      await expectAccessible(page, id);
      await expectFocusVisible(page);
      await expectReflow(page);
    });
  }

  test('the first-run welcome', async ({ page }) => {
    await open(page, 'welcome');
    await expect(page.getByTestId('welcome-start')).toBeVisible();
    await expectAccessible(page, 'welcome');
    await expectFocusVisible(page);
    await expectReflow(page);
  });

  test('the stats page with a history to draw', async ({ page }) => {
    const seeded = await startWebHostProcess(
      ['--timezone', 'UTC'],
      {},
      { 'history.jsonl': seededHistory(Date.now()) },
    );
    try {
      await page.goto(`${seeded.url}#stats`);
      await expect(page.locator('#page[aria-busy="false"]')).toBeAttached();
      // The charts are pictures with a summary; the table says everything in words.
      const chart = page.getByTestId('stats-breaks-chart');
      await expect(chart).toHaveAttribute('role', 'img');
      await expect(chart).toHaveAccessibleName(/^Breaks by day .* over 30 days/);
      await expect(page.getByTestId('stats-checklist-chart')).toHaveAttribute('role', 'img');
      const table = page.getByRole('table', { name: 'Day by day' });
      await expect(table.getByRole('row')).toHaveCount(31);
      await expectAccessible(page, 'stats with a history');
      await expectFocusVisible(page);
      await expectReflow(page);
    } finally {
      seeded.process.kill();
      rmSync(seeded.dataDir, { recursive: true, force: true });
    }
  });
});

/** Heat for 15 minutes, running; an earlier test of this file leaves ice resting (20 min at least). */
async function startHeat(page: Page) {
  await open(page, 'therapy');
  await page.getByTestId('therapy-kind-heat').check();
  await page.getByTestId('therapy-next').click();
  await page.getByTestId('therapy-start').click();
  await expect(page.getByTestId('therapy-countdown')).toHaveText(/^1[45]:\d\d$/);
}

async function stopHeat(page: Page) {
  await page.getByTestId('therapy-stop').click();
  await expect(page.getByTestId('therapy-next')).toBeVisible();
  await call(page, 'restoreDefaults');
}

test.describe('what a screen reader hears', () => {
  test('a break: the exercise as it starts, then the time left at most every 10 s, never every second', async ({
    page,
  }) => {
    await page.clock.install();
    await open(page, 'status');
    // A long break: five minutes, and a routine of several exercises.
    await takeBreak(page, { microBreak: { enabled: false } });
    const live = page.getByTestId('break-live');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    const title = (await page.getByTestId('exercise-title').textContent()) ?? '';
    await expect(live).toHaveText(`Long break: ${title}. ${await doseOf(page)}.`);
    // The countdown on screen is a timer: read when asked for, not spoken as it changes.
    await expect(page.getByRole('timer')).toContainText(/^\d:\d\d$/);
    await expect(page.getByRole('timer')).not.toHaveAttribute('aria-live', /.+/);

    // From here the page's clock moves only when the test says; every announcement is kept.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
    await page.evaluate(() => {
      const region = document.querySelector('[data-testid="break-live"]')!;
      const heard: [number, string][] = [];
      (window as unknown as { heard: typeof heard }).heard = heard;
      new MutationObserver(() => {
        if (region.textContent) heard.push([Date.now(), region.textContent]);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
    for (let step = 0; step < 30; step++) await page.clock.runFor(10_000);
    const heard = await page.evaluate(
      () => (window as unknown as { heard: [number, string][] }).heard,
    );

    const times = heard.map(([at]) => at);
    const gaps = times.slice(1).map((at, i) => at - times[i]!);
    const left = heard.filter(([, text]) => / left$/.test(text));
    const leftGaps = left.slice(1).map(([at], i) => at - left[i]![0]);
    const said = heard.map(([, text]) => text);
    // At round marks: whole minutes, then every 10 seconds in the last one.
    const spokenTimes = left.map(([, text]) => text);
    for (const text of spokenTimes) expect(text).toMatch(/^([1-4] minutes?|[1-5]0 seconds) left$/);
    expect(spokenTimes.filter((text) => text.includes('minute')).length).toBeGreaterThan(0);
    expect(spokenTimes.filter((text) => text.includes('seconds')).length).toBeGreaterThan(1);
    // Each new exercise of the routine by name.
    expect(said.filter((text) => text.startsWith('Next: ')).length).toBeGreaterThan(0);
    expect(Math.min(...leftGaps), said.join('\n')).toBeGreaterThanOrEqual(10_000);
    expect(Math.min(...gaps), said.join('\n')).toBeGreaterThanOrEqual(1_000);
    // Five minutes heard in at most a few dozen sentences, not three hundred.
    expect(heard.length).toBeLessThanOrEqual(30);
    await endBreak(page);
  });
});

async function doseOf(page: Page): Promise<string> {
  return (
    (await page.getByTestId('break-exercise').locator('.ex-dose > span').first().textContent()) ??
    ''
  );
}

/** Anything that moves by itself: running animations, and CSS that would animate. */
async function motionOnPage(page: Page) {
  return page.evaluate(() => ({
    running: document.getAnimations().length,
    animated: [...document.querySelectorAll('*')]
      .filter((element) => {
        const style = getComputedStyle(element);
        return (
          style.animationName !== 'none' ||
          style.transitionDuration.split(',').some((d) => Number.parseFloat(d) > 0)
        );
      })
      .map((element) => `${element.tagName} ${element.getAttribute('class') ?? ''}`),
  }));
}

test.describe('with reduced motion, progress stands still', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('a break says when it ends instead of turning a ring', async ({ page }) => {
    await open(page, 'status');
    await takeBreak(page);
    await expect(page.locator('.break-ring')).toBeHidden();
    await expect(page.getByTestId('break-time')).toHaveText(/^Ends at \d{1,2}:\d\d/);
    await page.waitForTimeout(1_200);
    expect(await motionOnPage(page)).toEqual({ running: 0, animated: [] });
    await endBreak(page);
  });

  test('the therapy ring moves in whole minutes while the numbers count', async ({ page }) => {
    await startHeat(page);
    const ring = page.locator('.ring-progress');
    const offset = await ring.getAttribute('stroke-dashoffset');
    const time = await page.getByTestId('therapy-countdown').textContent();
    await expect(page.getByTestId('therapy-countdown')).not.toHaveText(time ?? '');
    await expect(ring).toHaveAttribute('stroke-dashoffset', offset ?? '');
    expect(await motionOnPage(page)).toEqual({ running: 0, animated: [] });
    await stopHeat(page);
  });

  test('breathing: no moving shape, the words, count and bar guide', async ({ page }) => {
    await open(page, 'breathing');
    await page.getByLabel(/Box breathing/).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByTestId('breathing-shape')).toBeHidden();
    await expect(page.getByTestId('breathing-cue')).toHaveText('Breathe in');
    await expect(page.getByTestId('breathing-seconds')).toHaveText('3 seconds');
    await expect(page.getByTestId('breathing-progress')).toBeVisible();
    expect(await motionOnPage(page)).toEqual({ running: 0, animated: [] });
    await page.getByRole('button', { name: 'Stop' }).click();
  });
});
