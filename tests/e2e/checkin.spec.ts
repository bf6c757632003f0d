import { rmSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, startWebHostProcess, tabTo, test } from './web-host';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The weekly upper-back check-in as a person uses it: off until turned on in Settings,
 * answered by keyboard alone, its trend on the statistics page and its summary printed.
 * The history holds two earlier weeks of check-ins at pain 3 (7 and 14 days ago), the
 * last with 10 minutes of heat, so this week's 3 makes three weeks without improvement.
 */
const DAY = 86_400_000;
function seededHistory(now: number): string {
  const checkin = (daysAgo: number) => ({
    at: now - daysAgo * DAY,
    type: 'weekly-checkin',
    pain: 3,
    interference: 2,
    redFlags: { emergency: false, urgent: false },
  });
  const records = [
    checkin(14),
    checkin(7),
    {
      at: now - 7 * DAY + 60_000,
      type: 'therapy-end',
      kind: 'heat',
      minutes: 10,
      startedAt: now - 7 * DAY - 9 * 60_000,
      outcome: 'completed',
    },
    {
      at: now - 7 * DAY + 120_000,
      type: 'checklist-result',
      answers: {},
      score: { yes: 9, no: 1, notApplicable: 2, percent: 90 },
    },
  ];
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

test('a person turns the check-in on, answers it by keyboard, sees the trend and prints the summary', async ({
  page,
}) => {
  const host = await startWebHostProcess(
    ['--timezone', 'UTC'],
    {},
    {
      'history.jsonl': seededHistory(Date.now()),
    },
  );
  try {
    // Off until the person turns it on: the page says so and asks nothing.
    await page.goto(`${host.url}#checkin`);
    await expect(page.getByTestId('checkin-off')).toBeVisible();
    await expect(page.getByTestId('checkin-form')).toHaveCount(0);

    await page.goto(`${host.url}#settings`);
    const toggle = page.getByTestId('checkin-enabled');
    await expect(toggle).not.toBeChecked();
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).toBeChecked();
    await expect(page.getByTestId('checkin-setting-status')).toHaveText(
      'The weekly check-in is on.',
    );
    await page.getByTestId('checkin-answer-now').focus();
    await page.keyboard.press('Enter');

    // The first question has focus; a digit picks a score, Tab goes on, arrows move.
    const pain = page.getByTestId('checkin-pain');
    await expect(pain.getByRole('radio', { name: '0', exact: true })).toBeFocused();
    await page.keyboard.press('3');
    await expect(pain.getByRole('radio', { name: '3', exact: true })).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('2');
    await expect(
      page.getByTestId('checkin-interference').getByRole('radio', { name: '2', exact: true }),
    ).toBeChecked();
    for (const group of ['emergency', 'urgent']) {
      await tabTo(
        page,
        page.getByTestId(`checkin-flags-${group}`).getByRole('radio', { name: 'No' }),
        3,
      );
      await page.keyboard.press('Space');
      await expect(
        page.getByTestId(`checkin-flags-${group}`).getByRole('radio', { name: 'No' }),
      ).toBeChecked();
    }
    const form = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(form.violations.map((v) => v.id)).toEqual([]);
    // Enter on the last answer saves, as the hint says; the button is next in the Tab order.
    await page.keyboard.press('Enter');

    // Pain of 3 three weeks running: a plain "see a GP or physiotherapist", no diagnosis.
    const advice = page.getByTestId('checkin-advice-professional');
    await expect(advice).toBeFocused();
    await expect(advice).toContainText('See a GP or physiotherapist');
    await expect(advice).toContainText('has not improved over 2 weeks');
    await expect(advice).toContainText('gives no diagnosis');
    await expect(advice.getByTestId('checkin-advice-sources')).toHaveText(
      'Sources: NHS Inform; NHS',
    );

    // The trend, week by week, beside the heat and the breaks.
    await page.goto(`${host.url}#stats`);
    const trend = page.getByTestId('checkin-trend');
    await expect(trend.getByRole('heading', { name: 'Upper back, week by week' })).toBeVisible();
    const rows = page.getByTestId('checkin-trend-table').locator('tbody tr');
    const painCells = page.getByTestId('checkin-trend-table').getByTestId('checkin-week-pain');
    await expect(painCells.filter({ hasText: '3' })).toHaveCount(3);
    // Last week: pain 3 beside its 10 minutes of heat.
    const heatWeek = rows.filter({ has: page.locator('td', { hasText: /^10$/ }) });
    await expect(heatWeek).toHaveCount(1);
    await expect(heatWeek.getByTestId('checkin-week-pain')).toHaveText('3');
    await expect(page.getByTestId('checkin-trend-summary')).toContainText('pain 3 of 10');

    // The summary: the weeks, the checklist score, what Unhunch is not; printable to PDF.
    await page.getByTestId('checkin-trend-summary-link').click();
    await expect(page.getByTestId('checkin-summary-checklist')).toContainText('90%');
    await expect(page.getByTestId('checkin-summary-about')).toContainText('desktop app');
    await expect(page.getByTestId('checkin-summary-table').locator('tbody tr')).toHaveCount(3);
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByTestId('checkin-print')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Upper back summary' })).toBeVisible();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  } finally {
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

test('a warning sign new this week shows the About your health advice at once', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#checkin`);
  await page.getByTestId('checkin-turn-on').click();
  await page.getByTestId('checkin-pain').getByRole('radio', { name: '1', exact: true }).check();
  await page
    .getByTestId('checkin-interference')
    .getByRole('radio', { name: '0', exact: true })
    .check();
  await page.getByTestId('checkin-flags-emergency').getByRole('radio', { name: 'Yes' }).check();
  await page.getByTestId('checkin-flags-urgent').getByRole('radio', { name: 'No' }).check();
  await page.getByTestId('checkin-submit').click();
  const advice = page.getByTestId('checkin-advice-red-flag');
  await expect(advice).toContainText('Call an ambulance or go to the emergency department now');
  await expect(advice).toContainText('Call your emergency number');
  await expect(advice.getByTestId('checkin-advice-sources')).toHaveText(
    'Sources: NHS; NICE CKS-based pathways',
  );
  await advice.getByTestId('checkin-advice-health').click();
  await expect(page.getByTestId('red-flags-emergency')).toBeVisible();
});

test('the check-in asks in the person’s language', async ({ page }) => {
  const host = await startWebHostProcess(
    [],
    {},
    {
      'settings.json': JSON.stringify({ settings: { language: 'de', checkin: { enabled: true } } }),
    },
  );
  try {
    await page.goto(`${host.url}#checkin`);
    await expect(
      page.getByRole('heading', { name: 'Dein oberer Rücken diese Woche' }),
    ).toBeVisible();
    await expect(page.getByTestId('checkin-submit')).toHaveText('Antworten speichern');
    await page.goto(`${host.url}#checkin-summary`);
    await expect(
      page.getByRole('heading', { name: 'Zusammenfassung oberer Rücken' }),
    ).toBeVisible();
    await expect(page.getByTestId('checkin-summary-about')).toContainText('Desktop-App');
    await expect(page.getByTestId('checkin-print')).toHaveText('Drucken oder als PDF speichern');
  } finally {
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});
