import type { Page } from 'playwright/test';
import { callFromPage, expect, tabTo, test } from './web-host';

/**
 * The break page in Chromium over the real web host: the page a break window shows,
 * and what a browser shows when a break starts. Work hours are turned off first so a
 * break can be taken at whatever time the suite runs.
 */

async function anyTime(page: Page, host: { url: string }, settings: Record<string, unknown> = {}) {
  await page.goto(host.url);
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  const reply = await callFromPage(page, 'updateSettings', { workHours: null, ...settings });
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
}

/** The break page with a break taken from it, at any time of day (`settings` on top). */
async function takeBreakHere(
  page: Page,
  host: { url: string },
  settings: Record<string, unknown> = {},
) {
  await anyTime(page, host, settings);
  await page.goto(`${host.url}#break`);
  await page.getByRole('button', { name: 'Take a break now' }).click();
}

test('by keyboard alone: take a break now, see its exercise with the drawing, postpone it, go back', async ({
  page,
  host,
}) => {
  await anyTime(page, host);
  await page.goto(`${host.url}#break`);
  await expect(page.getByText('No break right now.')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Take a break now' }));
  await page.keyboard.press('Enter');

  const card = page.getByTestId('break-exercise');
  await expect(page.getByTestId('break-kind')).toHaveText('Micro break');
  await expect(card.getByTestId('exercise-title')).not.toBeEmpty();
  await expect(card.locator('[data-testid="exercise-figure"] svg')).toBeVisible();
  await expect(card.locator('.ex-steps li').first()).toBeVisible();
  await expect(card.getByTestId('exercise-safety')).toContainText('Take care');
  await expect(page.getByTestId('break-time')).toHaveText(/^0:[0-3]\d$/);
  // The screen reader heard the exercise once, by name.
  const title = await card.getByTestId('exercise-title').textContent();
  await expect(page.getByTestId('break-live')).toContainText(`Micro break: ${title}`);

  // The break is the main thing: its heading has the focus, so a stray Enter or Space
  // (typed for the work window) neither postpones nor skips it.
  await expect(page.getByTestId('break-kind')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('break')).toHaveAttribute('data-screen', 'active');

  const postpone = page.getByTestId('break-postpone');
  await expect(postpone).toHaveText('Postpone (2 left)');
  await expect(page.getByTestId('break-actions')).toHaveAttribute('data-armed', 'true');
  await tabTo(page, postpone);
  await page.keyboard.press('Enter');

  // The message says the postpone setting's length (5 minutes by default).
  await expect(page.getByTestId('break-message')).toHaveText(
    'Break postponed for 5 minutes. You can postpone it once more.',
  );
  await expect(page.getByRole('heading', { name: 'Break postponed' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Back to Unhunch' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-state')).toHaveText('Break postponed');
});

test('Postpone and Skip are quiet buttons below the exercise, not the filled main button', async ({
  page,
  host,
}) => {
  await takeBreakHere(page, host);
  const card = page.getByTestId('break-exercise');
  await expect(card.getByTestId('exercise-title')).not.toBeEmpty();
  for (const id of ['break-postpone', 'break-skip']) {
    const button = page.getByTestId(id);
    const [cardBox, buttonBox] = [await card.boundingBox(), await button.boundingBox()];
    expect(buttonBox!.y).toBeGreaterThan(cardBox!.y + cardBox!.height - 1);
    const background = await button.evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(background, `${id} is not filled`).toBe('rgba(0, 0, 0, 0)');
  }
});

test('a letter typed for the work window as the break appears does not postpone or skip it', async ({
  page,
  host,
}) => {
  await takeBreakHere(page, host);
  await expect(page.getByTestId('break-kind')).toBeFocused();
  await page.keyboard.type('ps');
  await expect(page.getByTestId('break')).toHaveAttribute('data-screen', 'active');
  expect(await callFromPage(page, 'getStatus')).toMatchObject({ state: 'in-break' });
  // Once the break has settled on screen the access key works.
  await expect(page.getByTestId('break-actions')).toHaveAttribute('data-armed', 'true');
  await page.keyboard.press('p');
  await expect(page.getByTestId('break-message')).toContainText('Break postponed');
});

test('the access keys follow the language: V postpones in German', async ({ page, host }) => {
  await anyTime(page, host, { language: 'de' });
  // The page reloads in the new language.
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.goto(`${host.url}#break`);
  await page.getByRole('button', { name: 'Jetzt Pause machen' }).click();
  await expect(page.getByTestId('break-postpone')).toHaveAttribute('aria-keyshortcuts', 'V');
  await expect(page.locator('.break-keys')).toContainText('V verschiebt');
  await expect(page.getByTestId('break-actions')).toHaveAttribute('data-armed', 'true');
  await page.keyboard.press('p');
  await expect(page.getByTestId('break')).toHaveAttribute('data-screen', 'active');
  await page.keyboard.press('v');
  await expect(page.getByTestId('break')).toHaveAttribute('data-screen', 'ended');
});

test('a break end screen: the message above the button, in the middle of the page', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await takeBreakHere(page, host);
  await expect(page.getByTestId('break-actions')).toHaveAttribute('data-armed', 'true');
  await page.getByTestId('break-skip').click();
  const message = page.getByTestId('break-message');
  const back = page.getByRole('button', { name: 'Back to Unhunch' });
  await expect(message).toHaveText('Break skipped. The next one comes as planned.');
  const [messageBox, backBox] = [await message.boundingBox(), await back.boundingBox()];
  expect(messageBox!.y + messageBox!.height).toBeLessThanOrEqual(backBox!.y);
  const middle = backBox!.x + backBox!.width / 2;
  expect(Math.abs(middle - 640)).toBeLessThan(40);
});

test('the countdown runs on the page', async ({ page, host }) => {
  await takeBreakHere(page, host);
  const time = page.getByTestId('break-time');
  await expect(time).toHaveText(/^0:[0-3]\d$/);
  const first = await time.textContent();
  await expect(time).not.toHaveText(first ?? '', { timeout: 3000 });
  const offset = await page
    .locator('.break-ring-progress')
    .evaluate((circle) => Number((circle as SVGCircleElement).style.strokeDashoffset));
  expect(offset).toBeGreaterThan(0);
});

test('a break that starts while another page is open brings the break page', async ({
  page,
  host,
}) => {
  await anyTime(page, host);
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  await callFromPage(page, 'takeBreakNow');
  await expect(page).toHaveURL(/#break$/);
  await expect(page.getByTestId('exercise-title')).not.toBeEmpty();
  // The break page stands alone: no navigation away from it.
  await expect(page.getByRole('navigation')).toBeHidden();
});

test('strict mode hides Postpone and Skip, and Escape does not dismiss the break', async ({
  page,
  host,
}) => {
  await takeBreakHere(page, host, { strictMode: true });
  await expect(page.getByTestId('exercise-title')).not.toBeEmpty();
  await expect(page.getByTestId('break-postpone')).toBeHidden();
  await expect(page.getByTestId('break-skip')).toBeHidden();
  await expect(page.getByTestId('break-strict')).toHaveText(
    'Strict mode is on: this break cannot be postponed or skipped.',
  );
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  await expect(page.getByTestId('exercise-title')).toBeVisible();
  expect(await callFromPage(page, 'getStatus')).toMatchObject({ state: 'in-break' });
});

test('Escape skips a break when strict mode is off', async ({ page, host }) => {
  await takeBreakHere(page, host);
  await expect(page.getByTestId('exercise-title')).not.toBeEmpty();
  await expect(page.getByTestId('break-actions')).toHaveAttribute('data-armed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('break-message')).toHaveText(
    'Break skipped. The next one comes as planned.',
  );
});

test('a long break steps through its routine by keyboard', async ({ page, host }) => {
  await takeBreakHere(page, host, { microBreak: { enabled: false } });
  await expect(page.getByTestId('break-kind')).toHaveText('Long break');
  const step = page.getByTestId('break-step');
  await expect(step).toHaveText(/^Exercise 1 of [3-5]$/);
  const first = await page.getByTestId('exercise-title').textContent();
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveText(/^Exercise 2 of [3-5]$/);
  await expect(page.getByTestId('exercise-title')).not.toHaveText(first ?? '');
  await expect(page.getByTestId('break-live')).toContainText('Next:');
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveText(/^Exercise 1 of [3-5]$/);
});

test('screenshots of the break page in light and dark, wide and narrow', async ({
  page,
  host,
}, testInfo) => {
  await takeBreakHere(page, host);
  await expect(page.locator('[data-testid="exercise-figure"] svg')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const size of [
      { width: 1280, height: 800 },
      { width: 480, height: 800 },
    ]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(size);
      // Kept in tests/artifacts (git-ignored) for people to look at, and attached to the report.
      const path = `tests/artifacts/break/break-${colorScheme}-${size.width}.png`;
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`break-${colorScheme}-${size.width}`, {
        path,
        contentType: 'image/png',
      });
      // Nothing spills sideways at either width.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
  }
});
