import { callFromPage, expect, test } from './web-host';

/**
 * The renderer crashing mid-break, in real Chromium over the real web host: the
 * break is the app's, not the page's, so a page opened again on #break shows the same
 * break counting down from where it had got to, and the app still answers. (The
 * Electron host does the reopening itself: tests/unit/main/break-windows.test.ts.)
 */

/** "4:58" -> 298 */
function secondsIn(countdown: string | null): number {
  const match = /^(\d+):(\d\d)$/.exec(countdown ?? '');
  if (!match) throw new Error(`not a countdown: ${countdown}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

interface Status {
  state: string;
  currentBreak: { endsAt: number } | null;
}

test('a break page whose renderer crashes comes back with the break on and its countdown continued', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByTestId('status-state')).not.toBeEmpty();
  // A long break (five minutes) leaves time to crash and come back well before it ends.
  const settings = await callFromPage(page, 'updateSettings', {
    workHours: null,
    microBreak: { enabled: false },
  });
  expect(settings, JSON.stringify(settings)).toMatchObject({ ok: true });
  await page.goto(`${host.url}#break`);
  await page.getByRole('button', { name: 'Take a break now' }).click();
  await expect(page.getByTestId('break-kind')).toHaveText('Long break');
  const title = await page.getByTestId('exercise-title').textContent();
  const before = (await callFromPage(page, 'getStatus')) as Status;
  expect(before.state).toBe('in-break');
  // Let the countdown run a few seconds, so one that started again would show it.
  const time = page.getByTestId('break-time');
  await expect
    .poll(async () => secondsIn(await time.textContent()), { timeout: 10_000 })
    .toBeLessThanOrEqual(297);
  const leftBeforeCrash = secondsIn(await time.textContent());
  const readAt = Date.now();

  const crashed = page.waitForEvent('crash');
  const cdp = await page.context().newCDPSession(page);
  // The renderer dies before it can answer: wait for the crash, not for the reply.
  void cdp.send('Page.crash').catch(() => {});
  await crashed;

  const again = await page.context().newPage();
  await again.goto(`${host.url}#break`);
  await expect(again.getByTestId('exercise-title')).toHaveText(title ?? '');
  await expect(again.getByTestId('break-kind')).toHaveText('Long break');
  const againTime = again.getByTestId('break-time');
  await expect(againTime).toHaveText(/^\d+:\d\d$/);
  const shownAfter = await againTime.textContent();
  const leftAfter = secondsIn(shownAfter);
  const elapsed = Math.ceil((Date.now() - readAt) / 1000);
  // Counting on from where it was (a restarted one would read 5:00 or just under).
  expect(leftAfter).toBeLessThanOrEqual(leftBeforeCrash);
  expect(leftAfter).toBeGreaterThanOrEqual(leftBeforeCrash - elapsed - 1);
  // And it goes on counting.
  await expect(againTime).not.toHaveText(shownAfter ?? '', { timeout: 3000 });

  // The app answers the new page: the same break, to the same end.
  const after = (await callFromPage(again, 'getStatus')) as Status;
  expect(after.state).toBe('in-break');
  // Within a second: the host derives wall times from its monotonic clock on each call.
  expect(Math.abs(after.currentBreak!.endsAt - before.currentBreak!.endsAt)).toBeLessThan(1000);
  // And the person can still act on it (once the reopened break has settled on screen).
  await expect(again.getByTestId('break-actions')).toHaveAttribute('data-armed', 'true');
  await again.keyboard.press('Escape');
  await expect(again.getByTestId('break-message')).toHaveText(
    'Break skipped. The next one comes as planned.',
  );
  expect(await callFromPage(again, 'getStatus')).toMatchObject({ currentBreak: null });
});
