import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright/test';
import { advanceHostClock, expect, startWebHostProcess, tabTo, test } from './web-host';

/** Collects Content-Security-Policy complaints: the chime must load under the strict policy. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('by keyboard alone: choose ice, see the towel reminder, 15 minutes, start, see the countdown, stop', async ({
  page,
  host,
}) => {
  const violations = cspViolations(page);
  await page.goto(`${host.url}#therapy`);
  await expect(page.getByRole('heading', { name: 'Heat and ice' })).toBeVisible();

  // Heat or ice, with when to use which.
  const heat = page.getByTestId('therapy-kind-heat');
  const ice = page.getByTestId('therapy-kind-ice');
  await expect(page.getByText('Ice is for a new injury')).toBeVisible();
  await expect(page.getByText('Heat is for stiffness')).toBeVisible();
  await tabTo(page, heat, 25);
  await page.keyboard.press('ArrowDown');
  await expect(ice).toBeChecked();
  await expect(ice).toBeFocused();

  // The slider: 15 by default, and it cannot go past 20.
  const slider = page.getByTestId('therapy-minutes');
  await expect(slider).toHaveValue('15');
  await expect(slider).toHaveAttribute('aria-valuetext', '15 minutes');
  await tabTo(page, slider);
  await page.keyboard.press('End');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('20');
  await expect(slider).toHaveAttribute('aria-valuetext', '20 minutes');
  await expect(page.getByTestId('therapy-minutes-value')).toHaveText('20 minutes');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', '15 minutes');

  await tabTo(page, page.getByTestId('therapy-next'));
  await page.keyboard.press('Enter');

  // The safety check: the towel reminder first, always shown, with no "don't show again".
  const heading = page.getByRole('heading', { name: 'Before you start: ice' });
  await expect(heading).toBeFocused();
  const towel = page.getByTestId('safety-step-ice-wrapped');
  await expect(towel).toContainText('Never put ice straight on your skin');
  await expect(towel).toContainText('Always shown for your safety');
  await expect(towel.getByRole('checkbox')).toHaveCount(0);
  await expect(towel).not.toContainText("Don't show this again");
  // The essentials and Start fit on one screen; one "Don't show these again" for the optional ones.
  await expect(page.getByRole('checkbox', { name: "Don't show these again" })).toHaveCount(1);
  await expect(page.getByTestId('safety-step-check-skin')).toBeVisible();
  const startBox = await page.getByTestId('therapy-start').boundingBox();
  expect(startBox!.y + startBox!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  // Who should ask first waits behind "More safety advice", named in one line above it.
  await expect(page.getByText('Open “More safety advice” first')).toBeVisible();
  await expect(page.getByTestId('therapy-cautions-ask-first')).toBeHidden();
  await page.getByText('More safety advice', { exact: true }).click();
  await expect(
    page.getByText('Ask a doctor, nurse or physiotherapist first if you have:'),
  ).toBeVisible();
  await expect(page.getByTestId('therapy-cautions-ask-first')).toContainText('diabetes');

  const start = page.getByRole('button', { name: 'Start 15-minute ice timer' });
  await tabTo(page, start, 20);
  await page.keyboard.press('Enter');

  // The countdown, counted by the page itself.
  await expect(page.getByRole('heading', { name: 'Ice on' })).toBeVisible();
  const countdown = page.getByTestId('therapy-countdown');
  await expect(countdown).toHaveText(/^1[45]:\d\d$/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first ?? '', { timeout: 3000 });
  await expect(page.locator('svg.ring circle.ring-progress')).toHaveCount(1);

  await tabTo(page, page.getByTestId('therapy-stop'), 25);
  await page.keyboard.press('Enter');

  // Resting: the same kind waits for the skin; the time is the machine's local time.
  await expect(page.getByTestId('therapy-resting')).toContainText(
    /Next ice session possible at \d{1,2}:\d\d/,
  );
  await expect(page.getByTestId('therapy-rest-ice')).toBeVisible();
  await expect(page.getByTestId('therapy-rest-heat')).toHaveCount(0);
  expect(violations).toEqual([]);
});

test('refuses another ice session during the rest, and says when it is possible', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#therapy`);
  await page.getByTestId('therapy-kind-ice').check();
  await page.getByTestId('therapy-next').click();
  await page.getByTestId('therapy-start').click();
  await page.getByTestId('therapy-stop').click();
  await expect(page.getByTestId('therapy-resting')).toBeVisible();
  await page.getByTestId('therapy-kind-ice').check();
  await page.getByTestId('therapy-next').click();
  await expect(page.getByTestId('therapy-error')).toHaveText(
    /Next ice session possible at \d{1,2}:\d\d/,
  );
  // Heat is another kind: it may start.
  await page.getByTestId('therapy-kind-heat').check();
  await page.getByTestId('therapy-next').click();
  await expect(page.getByTestId('safety-step-heat-wrapped')).toBeVisible();
});

test('under a policy cap of 10 minutes the slider stops at 10 and says why', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'unhunch-policy-'));
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ version: 1, locked: { therapy: { capMinutes: 10 } } }));
  const host = await startWebHostProcess(['--policy', policy]);
  try {
    await page.goto(`${host.url}#therapy`);
    const slider = page.getByTestId('therapy-minutes');
    await expect(slider).toHaveAttribute('max', '10');
    await expect(slider).toHaveValue('10');
    await slider.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', '10 minutes');
    await expect(page.getByTestId('therapy-cap-note')).toHaveText(
      'Your organization limits a session to 10 minutes.',
    );
  } finally {
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hidden safety steps stay hidden after a reload; the towel reminder never hides', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#therapy`);
  await page.getByTestId('therapy-kind-ice').check();
  await page.getByTestId('therapy-next').click();
  await page.getByTestId('therapy-hide-optional').check();
  await page.getByTestId('therapy-start').click();
  await page.getByTestId('therapy-stop').click();
  await page.reload();
  await page.getByTestId('therapy-kind-heat').check();
  await page.getByTestId('therapy-next').click();
  await expect(page.getByTestId('safety-step-heat-wrapped')).toBeVisible();
  await expect(page.getByTestId('safety-step-check-skin')).toHaveCount(0);
  await expect(page.getByTestId('safety-step-heat-warm-not-hot')).toBeVisible();
  await expect(page.getByText('You hid 3 safety steps.')).toBeVisible();
  await page.getByRole('button', { name: 'Show all safety steps again' }).click();
  await expect(page.getByTestId('safety-step-check-skin')).toBeVisible();
});

test.describe('with a clock the test moves on', () => {
  test.use({ hostArgs: ['--test-clock'] });
  test('when a session ends the page says to take the pack off until acknowledged', async ({
    page,
    host,
  }) => {
    const violations = cspViolations(page);
    await page.goto(`${host.url}#therapy`);
    await page.getByTestId('therapy-kind-ice').check();
    const slider = page.getByTestId('therapy-minutes');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(slider).toHaveAttribute('aria-valuetext', '1 minute');
    await page.getByTestId('therapy-next').click();
    await page.getByRole('button', { name: 'Start 1-minute ice timer' }).click();
    await expect(page.getByTestId('therapy-countdown')).toHaveText(/^[01]:\d\d$/);

    const chime = page.waitForResponse((response) => /therapy-end.*\.wav$/.test(response.url()));
    const prompt = page.getByRole('heading', { name: 'Remove the ice pack now' });
    await expect(prompt).toHaveCount(0);
    await advanceHostClock(host, 61_000);
    await expect(prompt).toBeVisible();
    // The chime is fetched from the app's own files, allowed by the page's policy.
    expect((await chime).headers()['content-type']).toBe('audio/wav');
    await expect(page.getByTestId('therapy-ended-when')).toHaveText(
      'Your 1-minute ice session is over.',
    );
    // It stays: the page shown again still asks.
    await page.reload();
    await expect(prompt).toBeVisible();
    const acknowledge = page.getByRole('button', { name: "I've taken it off" });
    await expect(acknowledge).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(prompt).toHaveCount(0);
    await expect(page.getByTestId('therapy-resting')).toContainText('Next ice session possible at');
    expect(violations).toEqual([]);
  });
});

test('a session running when the host is killed (-9) runs on after a restart', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#therapy`);
  await page.getByTestId('therapy-kind-heat').check();
  await page.getByTestId('therapy-next').click();
  await page.getByRole('button', { name: 'Start 15-minute heat timer' }).click();
  await expect(page.getByTestId('therapy-countdown')).toHaveText(/^1[45]:\d\d$/);
  host.process.kill('SIGKILL');

  // The same data folder under a new host: the session file is all that carries over.
  const saved = readFileSync(join(host.dataDir, 'therapy-session.json'), 'utf8');
  const again = await startWebHostProcess([], {}, { 'therapy-session.json': saved });
  try {
    await page.goto(`${again.url}#therapy`);
    await expect(page.getByTestId('therapy-countdown')).toHaveText(/^1[45]:\d\d$/);
    await expect(page.getByRole('button', { name: 'Stop now' })).toBeVisible();
  } finally {
    again.process.kill();
    rmSync(again.dataDir, { recursive: true, force: true });
  }
});

test('a session that ended while Unhunch was closed asks for the pack off on opening', async ({
  page,
}) => {
  // Minutes are rounded up on the page: half a minute short of 40 reads as 25 minutes ago.
  const startedAt = Date.now() - 40 * 60_000 + 30_000;
  const session = {
    version: 1,
    kind: 'ice',
    minutes: 15,
    startedAt,
    endsAt: startedAt + 15 * 60_000,
  };
  const host = await startWebHostProcess(
    [],
    {},
    { 'therapy-session.json': JSON.stringify(session) },
  );
  try {
    await page.goto(`${host.url}#therapy`);
    await expect(page.getByRole('heading', { name: 'Remove the ice pack now' })).toBeVisible();
    await expect(page.getByTestId('therapy-ended-when')).toHaveText(
      'Your ice session ended 25 minutes ago.',
    );
    await expect(page.getByTestId('therapy-ended-closed')).toHaveText(
      'Unhunch was closed when it ended.',
    );
    await page.getByRole('button', { name: "I've taken it off" }).click();
    await expect(page.getByTestId('therapy-resting')).toContainText('Next ice session possible at');
  } finally {
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});
