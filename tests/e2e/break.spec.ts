import type { Page } from 'playwright/test';
import { expect, tabTo, test } from './web-host';

/**
 * The break page in Chromium over the real web host: the page a break window shows,
 * and what a browser shows when a break starts. Work hours are turned off first so a
 * break can be taken at whatever time the suite runs.
 */

/** A contract call over the page's own WebSocket, as the renderer makes it. */
async function contractCall(page: Page, name: string, input?: unknown) {
  return page.evaluate(
    async ([callName, callInput]) => {
      const socket = new WebSocket(`ws://${location.host}/api${location.search}`);
      await new Promise((resolve) => socket.addEventListener('open', resolve));
      return new Promise<unknown>((resolve) => {
        socket.addEventListener('message', (message) => {
          const data = JSON.parse(String(message.data)) as { id?: number; reply?: unknown };
          if (data.id !== 1) return;
          socket.close();
          resolve(data.reply);
        });
        socket.send(JSON.stringify({ id: 1, name: callName, input: callInput }));
      });
    },
    [name, input] as const,
  );
}

async function anyTime(page: Page, host: { url: string }, settings: Record<string, unknown> = {}) {
  await page.goto(host.url);
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  const reply = await contractCall(page, 'updateSettings', { workHours: null, ...settings });
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, value: { ok: true } });
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

  // Focus starts on the first action: Postpone, with the postpones left.
  const postpone = page.getByTestId('break-postpone');
  await expect(postpone).toHaveText('Postpone (2 left)');
  await expect(postpone).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('break-message')).toContainText('Break postponed');
  await expect(page.getByTestId('break-message')).toContainText('postpone it once more');
  await expect(page.getByRole('button', { name: 'Back to Unhunch' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-state')).toHaveText('Break postponed');
});

test('the countdown runs on the page', async ({ page, host }) => {
  await anyTime(page, host);
  await page.goto(`${host.url}#break`);
  await page.getByRole('button', { name: 'Take a break now' }).click();
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
  await contractCall(page, 'takeBreakNow');
  await expect(page).toHaveURL(/#break$/);
  await expect(page.getByTestId('exercise-title')).not.toBeEmpty();
  // The break page stands alone: no navigation away from it.
  await expect(page.getByRole('navigation')).toBeHidden();
});

test('strict mode hides Postpone and Skip, and Escape does not dismiss the break', async ({
  page,
  host,
}) => {
  await anyTime(page, host, { strictMode: true });
  await page.goto(`${host.url}#break`);
  await page.getByRole('button', { name: 'Take a break now' }).click();
  await expect(page.getByTestId('exercise-title')).not.toBeEmpty();
  await expect(page.getByTestId('break-postpone')).toBeHidden();
  await expect(page.getByTestId('break-skip')).toBeHidden();
  await expect(page.getByTestId('break-strict')).toHaveText(
    'Strict mode is on: this break cannot be postponed or skipped.',
  );
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  await expect(page.getByTestId('exercise-title')).toBeVisible();
  expect(await contractCall(page, 'getStatus')).toMatchObject({ value: { state: 'in-break' } });
});

test('Escape skips a break when strict mode is off', async ({ page, host }) => {
  await anyTime(page, host);
  await page.goto(`${host.url}#break`);
  await page.getByRole('button', { name: 'Take a break now' }).click();
  await expect(page.getByTestId('exercise-title')).not.toBeEmpty();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('break-message')).toHaveText(
    'Break skipped. The next one comes as planned.',
  );
});

test('a long break steps through its routine by keyboard', async ({ page, host }) => {
  await anyTime(page, host, { microBreak: { enabled: false } });
  await page.goto(`${host.url}#break`);
  await page.getByRole('button', { name: 'Take a break now' }).click();
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
  await anyTime(page, host);
  await page.goto(`${host.url}#break`);
  await page.getByRole('button', { name: 'Take a break now' }).click();
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
