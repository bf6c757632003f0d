import { callFromPage, expect, startWebHostProcess, tabTo, test } from './web-host';

test('pressing Pause shows the paused status that the real services report', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const state = page.getByTestId('status-state');
  await expect(state).not.toBeEmpty();
  await expect(state).not.toHaveAttribute('data-state', 'paused');

  await page.getByRole('button', { name: 'For 30 minutes' }).click();

  await expect(state).toHaveText('Paused');
  await expect(page.getByTestId('status-detail')).toContainText('Paused until');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
});

test('the pause survives a reload because it lives in the services, not the page', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByTestId('pause-m30').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  await page.reload();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('status-state')).not.toHaveText('Paused');
});

test('the status page works by keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('pause-h1')).toHaveText('For 1 hour');
  await tabTo(page, page.getByTestId('pause-h1'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  await tabTo(page, page.getByRole('button', { name: 'Resume' }));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status-state')).not.toHaveText('Paused');
});

test('the page loads under a strict Content-Security-Policy with no violations', async ({
  page,
  host,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(host.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  expect(violations).toEqual([]);
});

test('on a Wayland desktop the page says natural breaks cannot be noticed', async ({ page }) => {
  const host = await startWebHostProcess([], { XDG_SESSION_TYPE: 'wayland' });
  try {
    await page.goto(host.url);
    const notes = page.getByTestId('signal-notes');
    await expect(notes).toContainText('does not report idle time reliably');
    await expect(notes).toContainText("cannot see your system's do-not-disturb mode");
  } finally {
    host.process.kill();
  }
});

test('Take a break now on the status page brings the break', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  await page.getByTestId('pause-indefinitely').click();
  await expect(page.getByTestId('status-detail')).toHaveText('Paused until you resume');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('status-state')).not.toHaveText('Paused');
  // Breaks at any hour, so the suite's time of day does not matter.
  expect(await callFromPage(page, 'updateSettings', { workHours: null })).toMatchObject({
    ok: true,
  });
  await page.getByRole('button', { name: 'Take a break now' }).click();
  await expect(page).toHaveURL(/#break$/);
});

test('the navigation stays in view after a click, and the page heading has the focus', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.goto(host.url);
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  for (const id of ['exercises', 'breathing', 'core-routine', 'health', 'settings']) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('#page :is(h1, h2)').first()).toBeFocused();
    expect(await page.evaluate(() => window.scrollY), `after ${id}`).toBe(0);
    // No ring around the whole page: the page itself never holds the focus.
    await expect(page.locator('#page')).not.toBeFocused();
  }
  // A page drawn once, left and shown again, draws afresh.
  await page.getByTestId('nav-status').click();
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  await page.getByTestId('nav-exercises').click();
  await page.getByTestId('nav-status').click();
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
});

test('the page asks for nothing the host does not have (no favicon 404)', async ({
  page,
  host,
}) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(host.url);
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  // The browser asks for the icon after the page has loaded.
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  expect(missing).toEqual([]);
});

test.describe('the first-run welcome', () => {
  test('comes once: a rhythm, work hours, then the status page; Settings brings it back', async ({
    browser,
    host,
  }) => {
    // A profile that has never seen Unhunch (the suite's own profiles skip the welcome).
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(host.url);
      const welcome = page.getByTestId('welcome');
      await expect(welcome.getByRole('heading', { name: 'Welcome to Unhunch' })).toBeVisible();
      await expect(welcome).toContainText('bottom right of the taskbar');
      await expect(
        page.getByRole('button', { name: 'Save and take the checklist now' }),
      ).toBeVisible();
      await page.getByLabel('Fewer interruptions').check();
      await page.getByTestId('welcome-from').fill('08:30');
      // The weekly check-in is offered, off until ticked.
      const checkin = page.getByRole('checkbox', { name: 'Ask me once a week' });
      await expect(checkin).not.toBeChecked();
      await checkin.check();
      await page.getByTestId('welcome-start').click();
      await expect(page.getByTestId('status-state')).not.toBeEmpty();
      expect(await callFromPage(page, 'getCheckin')).toMatchObject({ enabled: true });
      const settings = (await callFromPage(page, 'getSettings')) as {
        effective: { microBreak: { every: string }; workHours: { from: string } };
      };
      expect(settings.effective.microBreak.every).toBe('40m');
      expect(settings.effective.workHours.from).toBe('08:30');

      // Once: the next visit starts at the status page.
      await page.goto(host.url);
      await expect(page.getByTestId('status-state')).not.toBeEmpty();
      await expect(page.getByTestId('welcome')).toHaveCount(0);

      await page.getByTestId('nav-settings').click();
      await page.getByRole('button', { name: 'Show the welcome again' }).click();
      await expect(page.getByLabel('Fewer interruptions')).toBeChecked();
    } finally {
      await context.close();
    }
  });
});
