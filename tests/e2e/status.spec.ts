import { expect, startWebHostProcess, tabTo, test } from './web-host';

test('pressing Pause shows the paused status that the real services report', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const state = page.getByTestId('status-state');
  await expect(state).not.toBeEmpty();
  await expect(state).not.toHaveAttribute('data-state', 'paused');

  await page.getByRole('button', { name: 'Pause for 30 minutes' }).click();

  await expect(state).toHaveText('Paused');
  await expect(page.getByTestId('status-detail')).toContainText('Paused until');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
});

test('the pause survives a reload because it lives in the services, not the page', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByTestId('pause-toggle').click();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  await page.reload();
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('status-state')).not.toHaveText('Paused');
});

test('the status page works by keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('pause-toggle')).toHaveText('Pause for 30 minutes');
  await tabTo(page, page.getByTestId('pause-toggle'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-state')).toHaveText('Paused');
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
