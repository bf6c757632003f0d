import { expect, test } from './web-host';

test('the plank timer counts down a hold, then waits for the person to rest', async ({
  page,
  host,
}) => {
  await page.clock.install();
  await page.goto(`${host.url}#core-routine`);
  const plank = page.getByTestId('exercise-plank');
  await expect(plank.getByRole('heading', { name: 'Forearm plank' })).toBeVisible();
  await expect(plank).toContainText('Hold 15 seconds, 2 times');
  // The picture is inlined, so it draws in the theme's colour.
  await expect(plank.locator('svg')).toHaveCount(1);
  await page.clock.pauseAt(Date.now() + 60_000);

  await expect(page.getByTestId('timer-plank')).toHaveText('0:15');
  await page.getByTestId('timer-start-plank').click();
  await expect(page.getByTestId('timer-label-plank')).toHaveText('Hold 1 of 2');
  await page.clock.runFor(5_100);
  await expect(page.getByTestId('timer-plank')).toHaveText('0:10');
  await page.clock.runFor(10_000);
  await expect(page.getByTestId('timer-label-plank')).toContainText('Lower down and rest');
  await expect(page.getByTestId('timer-start-plank')).toHaveText('Start hold 2 of 2');
  await page.clock.runFor(30_000);
  await page.getByTestId('timer-start-plank').click();
  await expect(page.getByTestId('timer-label-plank')).toHaveText('Hold 2 of 2');
  await page.clock.runFor(15_100);
  await expect(page.getByTestId('timer-label-plank')).toHaveText('Done. Well done.');
});

test('the new pages load under the strict Content-Security-Policy with no violations', async ({
  page,
  host,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const id of ['checklist', 'breathing', 'core-routine', 'health']) {
    await page.goto(`${host.url}#${id}`);
    await expect(page.locator('#page h2').first()).toBeVisible();
  }
  await page.getByRole('link', { name: 'Core routine' }).click();
  await expect(page.getByTestId('exercise-plank').locator('svg')).toHaveCount(1);
  await page.getByRole('link', { name: 'Breathing' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('breathing-cue')).not.toBeEmpty();
  expect(violations).toEqual([]);
});
