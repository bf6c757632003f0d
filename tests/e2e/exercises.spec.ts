import { expect, tabTo, test } from './web-host';

/** The Exercises page over the real web host: a person's own exercises, favourites, hidden ones. */

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

test('adds an exercise by keyboard, after an error naming the empty title', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#exercises`);
  await expect(page.getByTestId('builtin-exercises').locator('article')).toHaveCount(30);
  const title = page.getByTestId('own-title');
  // The form is after the built-in exercises; a button at the top goes straight to it.
  await tabTo(page, page.getByRole('button', { name: 'Add your own exercise' }), 20);
  await page.keyboard.press('Enter');
  await expect(title).toBeFocused();

  // Saving with no title: the error says which field, and the keyboard lands there.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('own-errors')).toContainText('Title: write at least one character');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toBeFocused();

  await page.keyboard.type('Desk push-away');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('own-steps')).toBeFocused();
  await page.keyboard.type('Hands on the desk edge.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Push your chair back slowly, then pull in.');
  await tabTo(page, page.getByTestId('own-save'), 20);
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('exercises-status')).toHaveText('Saved “Desk push-away”.');
  const mine = page.getByTestId('exercise-own-desk-push-away');
  await expect(mine.getByTestId('exercise-title')).toHaveText('Desk push-away');
  await expect(mine).toContainText('Hold 15 seconds');
  await expect(page.getByTestId('own-errors')).toBeHidden();

  // It is there after a reload: the app stored it.
  await page.reload();
  await expect(page.getByTestId('exercise-own-desk-push-away')).toBeVisible();
});

test('a picture from disk is checked, stored and shown with the exercise', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#exercises`);
  await page.getByTestId('own-title').fill('Door frame lean');
  await page.getByTestId('own-steps').fill('Stand in a doorway.\nLean gently forward.');
  await page.getByTestId('own-picture').setInputFiles({
    name: 'lean.gif',
    mimeType: 'image/gif',
    buffer: Buffer.from('GIF89a'),
  });
  await page.getByTestId('own-save').click();
  await expect(page.getByTestId('own-errors')).toContainText(
    'Picture: use a PNG, JPEG or WebP picture',
  );

  await page.getByTestId('own-picture').setInputFiles({
    name: 'lean.png',
    mimeType: 'image/png',
    buffer: PNG_1PX,
  });
  await page.getByTestId('own-save').click();
  const mine = page.getByTestId('exercise-own-door-frame-lean');
  await expect(mine.locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(mine.locator('img')).toHaveAttribute('alt', 'Picture: Door frame lean');
});

test('edits and removes an own exercise', async ({ page, host }) => {
  await page.goto(`${host.url}#exercises`);
  await page.getByTestId('own-title').fill('Shoulder shrug');
  await page.getByTestId('own-steps').fill('Lift the shoulders.\nLet them drop.');
  await page.getByTestId('own-save').click();
  const card = page.getByTestId('exercise-own-shoulder-shrug');
  await card.getByRole('button', { name: 'Edit: Shoulder shrug' }).click();
  await expect(page.getByTestId('own-title')).toBeFocused();
  await expect(page.getByTestId('own-title')).toHaveValue('Shoulder shrug');
  await page.getByTestId('own-title').fill('Shoulder shrug, slow');
  await page.getByTestId('own-save').click();
  await expect(card.getByTestId('exercise-title')).toHaveText('Shoulder shrug, slow');
  await card.getByRole('button', { name: 'Remove: Shoulder shrug, slow' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByTestId('own-exercises')).toContainText('You have not added any');
});

test('favourite and hidden exercises stay so across a reload', async ({ page, host }) => {
  await page.goto(`${host.url}#exercises`);
  const favourite = page.getByTestId('favourite-chin-tuck');
  const hide = page.getByTestId('hide-neck-rotation');
  await expect(favourite).toHaveAttribute('aria-pressed', 'false');
  await favourite.click();
  await expect(favourite).toHaveAttribute('aria-pressed', 'true');
  await hide.focus();
  await page.keyboard.press('Enter');
  await expect(hide).toHaveAttribute('aria-pressed', 'true');
  // The keyboard stays on the button across the redraw.
  await expect(hide).toBeFocused();
  await expect(page.getByTestId('exercise-neck-rotation')).toContainText('Hidden');

  await page.reload();
  await expect(page.getByTestId('favourite-chin-tuck')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('hide-neck-rotation')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('favourite-neck-rotation')).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('the built-in exercises come before "Add your own exercise"', async ({ page, host }) => {
  await page.goto(`${host.url}#exercises`);
  const headings = page.locator('#page h2');
  await expect(page.getByTestId('builtin-exercises').locator('article').first()).toBeVisible();
  const order = await headings.allTextContents();
  expect(order.indexOf('Built-in exercises')).toBeGreaterThan(-1);
  expect(order.indexOf('Built-in exercises')).toBeLessThan(order.indexOf('Add your own exercise'));
  expect(order.indexOf('Built-in exercises')).toBeLessThan(order.indexOf('Your exercises'));
});
