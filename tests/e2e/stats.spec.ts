import { readFileSync, rmSync } from 'node:fs';
import { seededHistory } from './seed-history';
import { expect, startWebHostProcess, test } from './web-host';

test('the statistics page draws from the history in the data folder, with a table to read it by', async ({
  page,
}) => {
  const host = await startWebHostProcess(
    ['--timezone', 'UTC'],
    {},
    { 'history.jsonl': seededHistory(Date.now()) },
  );
  try {
    await page.goto(`${host.url}#stats`);
    const today = page.getByTestId('stats-today');
    await expect(page.getByTestId('stats-today-taken')).toHaveText('3');
    await expect(page.getByTestId('stats-today-skipped')).toHaveText('1');
    await expect(page.getByTestId('stats-today-natural')).toHaveText('1');
    await expect(page.getByTestId('stats-today-postponed')).toHaveText('1');
    await expect(page.getByTestId('stats-today-compliance')).toHaveText('80%');
    await expect(page.getByTestId('stats-today-ice')).toHaveText('10 min');
    await expect(today).toContainText('Breaks kept');
    await expect(page.getByTestId('stats-last7-taken')).toHaveText('19');
    await expect(page.getByTestId('stats-last30-compliance')).toHaveText('95%');
    await expect(page.getByTestId('stats-streak-current')).toHaveText('5 days in a row');
    await expect(page.getByTestId('stats-empty')).toBeHidden();

    // The charts are images with a text summary; the table says the same in words.
    const chart = page.getByRole('img', { name: /Breaks by day/ });
    await expect(chart).toBeVisible();
    await expect(page.getByTestId('stats-breaks-summary')).toHaveText(
      '19 taken, 1 natural and 1 skipped over 30 days. The table below lists every day.',
    );
    await expect(page.getByTestId('stats-checklist-summary')).toContainText(
      '2 checklist results; from 70%',
    );
    await expect(page.getByTestId('stats-checklist-summary')).toContainText('to 90%');
    const table = page.getByRole('table', { name: 'Day by day' });
    await expect(table.getByRole('row')).toHaveCount(31);
    const todayRow = table.getByRole('row').nth(1);
    await expect(todayRow.getByRole('cell')).toHaveText([
      '5',
      '3',
      '1',
      '1',
      '1',
      '80%',
      '0',
      '10',
      '90%',
    ]);

    await page.getByLabel('Show').selectOption('7');
    await expect(table.getByRole('row')).toHaveCount(8);
  } finally {
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

test('Export CSV downloads the days of the period', async ({ page }) => {
  const host = await startWebHostProcess(
    ['--timezone', 'UTC'],
    {},
    { 'history.jsonl': seededHistory(Date.now()) },
  );
  try {
    await page.goto(`${host.url}#stats`);
    await expect(page.getByTestId('stats-today-taken')).toHaveText('3');
    await page.getByLabel('Show').selectOption('7');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^unhunch-statistics-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(
      'date,breaks_due,taken,natural,skipped,postponed,compliance_percent,heat_minutes,ice_minutes,checklist_percent',
    );
    expect(rows).toHaveLength(8);
    expect(rows.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2},5,3,1,1,1,80,0,10,90$/);
    expect(rows.at(-2)).toMatch(/^\d{4}-\d{2}-\d{2},4,4,0,0,0,100,0,0,$/);
  } finally {
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

test('with no history yet the page says what will appear, not 30 rows of zeros', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#stats`);
  const empty = page.getByTestId('stats-empty');
  await expect(empty).toContainText('Nothing recorded yet. Once you take breaks, this page shows:');
  await expect(empty.getByRole('listitem')).toHaveCount(5);
  await expect(empty).toContainText('a chart of breaks by day');
  await expect(page.getByRole('table')).toBeHidden();
  await expect(page.getByTestId('stats-breaks-chart')).toBeHidden();
  await expect(page.getByTestId('stats-today')).toBeHidden();
});

test('the day-by-day table fits its card, or scrolls inside it at 320 px; German percentages stay whole', async ({
  page,
}) => {
  const host = await startWebHostProcess(
    ['--timezone', 'UTC'],
    {},
    {
      'history.jsonl': seededHistory(Date.now()),
      'settings.json': JSON.stringify({ settings: { language: 'de' } }),
    },
  );
  try {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`${host.url}#stats`);
    const table = page.getByTestId('stats-table');
    await expect(table.getByRole('row')).toHaveCount(31);
    const region = page.locator('.table-scroll');
    // At a desktop width every column fits, in German too.
    expect(await region.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(
      0,
    );
    // Nothing sticks out of the card: the card is as wide as the region that holds the table.
    const [card, holder] = [
      await page.locator('.stats-table-card').boundingBox(),
      await region.boundingBox(),
    ];
    expect(holder!.x + holder!.width).toBeLessThanOrEqual(card!.x + card!.width);

    // "80 %" with a space that never breaks, in the table and the summary.
    await expect(page.getByTestId('stats-today-compliance')).toHaveText('80\u00a0%');
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await region.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    const pageOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(pageOverflow).toBeLessThanOrEqual(0);
  } finally {
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});
