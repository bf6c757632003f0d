import { CHECKLIST_ITEMS } from '../../src/core/content/checklist';
import { expect, tabTo, test } from './web-host';

/** The two things this person finds wrong with their desk. */
const NO = new Set(['screen-height', 'phone']);

test('a person completes the checklist by keyboard alone, sees the score and the fixes, and finds it again after a reload', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#checklist`);
  const first = CHECKLIST_ITEMS[0]!.id;
  await tabTo(page, page.getByTestId(`answer-${first}-yes`), 30);

  for (const [index, { id }] of CHECKLIST_ITEMS.entries()) {
    // Tab lands on the first choice of each question; Space says yes, an arrow moves to no.
    await expect(page.getByTestId(`answer-${id}-yes`)).toBeFocused();
    await page.keyboard.press(NO.has(id) ? 'ArrowRight' : 'Space');
    await expect(page.getByTestId(`answer-${id}-${NO.has(id) ? 'no' : 'yes'}`)).toBeChecked();
    if (index < CHECKLIST_ITEMS.length - 1) await page.keyboard.press('Tab');
  }
  // Answering "no" shows how to fix it right there.
  await expect(page.getByTestId('fix-screen-height')).toContainText('Raise or lower the monitor');
  await expect(page.getByTestId('checklist-progress')).toHaveText('16 of 16 answered');

  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'See my result' })).toBeFocused();
  await page.keyboard.press('Enter');

  const result = page.getByTestId('checklist-result');
  await expect(result).toBeVisible();
  await expect(result).toBeFocused();
  await expect(page.getByTestId('checklist-score')).toContainText('88%');
  await expect(page.getByTestId('checklist-score')).toContainText(
    '14 of 16 applicable checks are in good shape',
  );
  await expect(result.getByRole('heading', { name: '2 things to fix' })).toBeVisible();
  const fixes = page.getByTestId('checklist-fixes').getByRole('listitem');
  await expect(fixes).toHaveCount(2);
  await expect(fixes.nth(0)).toContainText('Raise or lower the monitor');
  await expect(fixes.nth(1)).toContainText('Use a headset or the speaker');
  await expect(page.getByTestId('checklist-history-entry')).toHaveCount(1);

  await page.reload();
  const history = page.getByTestId('checklist-history-entry');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('88%');
});

test('submitting with questions left open says how many and goes to the first one', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#checklist`);
  await page.getByTestId('answer-screen-height-yes').check();
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByTestId('checklist-error')).toHaveText(
    'Answer every question first: 15 are still open.',
  );
  await expect(page.getByTestId('answer-screen-distance-yes')).toBeFocused();
  await expect(page.getByTestId('checklist-result')).toBeHidden();
});

test('the checklist links to the warning signs in one click', async ({ page, host }) => {
  await page.goto(`${host.url}#checklist`);
  await page
    .getByRole('link', { name: /In pain now\?/ })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { name: 'Warning signs: when to get help' }),
  ).toBeVisible();
});
