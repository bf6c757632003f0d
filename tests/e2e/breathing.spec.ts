import { expect, test } from './web-host';

test.beforeEach(async ({ page }) => {
  // The page animates from its own clock: fake it, so seconds pass on command.
  await page.clock.install();
});

async function openBoxBreathing(page: import('playwright/test').Page, url: string) {
  await page.goto(`${url}#breathing`);
  await page.getByLabel(/Box breathing/).check();
  await expect(page.getByRole('heading', { name: 'Box breathing', level: 2 })).toBeVisible();
  await page.clock.pauseAt(Date.now() + 60_000);
}

test('box breathing shows the in-breath, then the hold, and announces each change', async ({
  page,
  host,
}) => {
  await openBoxBreathing(page, host.url);
  await expect(page.getByTestId('breathing-cautions')).toContainText('Holding your breath');
  // Where the timing comes from, said plainly once.
  const source = page.getByText(/Common practice/);
  await expect(source).toContainText('Common practice, no primary source recorded');
  await expect(source).not.toContainText('third party');
  await page.getByRole('button', { name: 'Start' }).click();

  const cue = page.getByTestId('breathing-cue');
  await expect(cue).toHaveText('Breathe in');
  await expect(page.getByTestId('breathing-seconds')).toHaveText('4 seconds');
  await expect(page.getByTestId('breathing-detail')).toHaveText('Round 1 of 4');
  // A box, as the words say, with a dot going up its left side while breathing in.
  await expect(page.getByTestId('breathing-box')).toBeVisible();
  await expect(page.getByTestId('breathing-shape')).toBeHidden();
  const dot = page.getByTestId('breathing-box-dot');
  await expect(dot).toHaveAttribute('cx', '14.00');

  await page.clock.runFor(4_100);
  await expect(cue).toHaveText('Hold');
  await expect(page.getByTestId('breathing-announce')).toHaveText('Hold');
  await expect(page.getByTestId('breathing-announce')).toHaveAttribute('aria-live', 'polite');
  // Holding: the dot goes along the top of the box.
  await expect(dot).toHaveAttribute('cy', '14.00');
  await page.clock.runFor(2_000);
  expect(Number(await dot.getAttribute('cx'))).toBeGreaterThan(30);

  await page.clock.runFor(2_000);
  await expect(cue).toHaveText('Breathe out');
  await page.clock.runFor(4_000);
  await expect(cue).toHaveText('Hold, lungs empty');
  await page.clock.runFor(4_000);
  await expect(page.getByTestId('breathing-detail')).toHaveText('Round 2 of 4');
});

test('with reduced motion there is no animated shape, and the words and count still guide', async ({
  page,
  host,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openBoxBreathing(page, host.url);
  await page.getByRole('button', { name: 'Start' }).click();

  await expect(page.getByTestId('breathing-shape')).toBeHidden();
  await expect(page.getByText('The shape stays still while motion is reduced')).toBeVisible();
  await expect(page.getByTestId('breathing-progress')).toBeVisible();
  await expect(page.getByTestId('breathing-cue')).toHaveText('Breathe in');
  await page.clock.runFor(1_100);
  await expect(page.getByTestId('breathing-seconds')).toHaveText('3 seconds');
  await page.clock.runFor(3_000);
  await expect(page.getByTestId('breathing-cue')).toHaveText('Hold');
});

test('Pause holds the session where it is, Resume carries on, Stop ends it', async ({
  page,
  host,
}) => {
  await openBoxBreathing(page, host.url);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.clock.runFor(2_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.clock.runFor(10_000);
  await expect(page.getByTestId('breathing-cue')).toHaveText('Breathe in');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.clock.runFor(2_100);
  await expect(page.getByTestId('breathing-cue')).toHaveText('Hold');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('breathing-cue')).toHaveText('Stopped.');
  await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();
});

test('progressive muscle relaxation shows its cautions and walks through timed steps', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#breathing`);
  await page.getByLabel(/Progressive muscle relaxation/).check();
  const cautions = page.getByTestId('breathing-cautions').getByRole('listitem');
  await expect(cautions).toHaveCount(4);
  await expect(cautions.first()).toContainText('It should never hurt');
  await page.clock.pauseAt(Date.now() + 60_000);

  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('breathing-cue')).toHaveText(/Get comfortable/);
  await expect(page.getByTestId('breathing-shape')).toBeHidden();
  await page.clock.runFor(120_100);
  await expect(page.getByTestId('breathing-detail')).toContainText('Tense: Right hand');
  await expect(page.getByTestId('breathing-cue')).toHaveText('Make a fist with your right hand.');
});

test('a one-round 4-7-8 session ends by itself and offers to go again', async ({ page, host }) => {
  await page.goto(`${host.url}#breathing`);
  await page.getByLabel(/4-7-8 breathing/).check();
  await page.getByLabel('Length').selectOption('1');
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('breathing-detail')).toHaveText('Round 1 of 1');
  await page.clock.runFor(4_100);
  await expect(page.getByTestId('breathing-seconds')).toHaveText('7 seconds');
  await page.clock.runFor(15_000);
  await expect(page.getByTestId('breathing-cue')).toHaveText(/^Done\./);
  await expect(page.getByTestId('breathing-announce')).toHaveText(/^Done\./);
  await expect(page.getByRole('button', { name: 'Do it again' })).toBeFocused();
});
