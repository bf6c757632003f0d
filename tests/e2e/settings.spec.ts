import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startWebHostProcess, tabTo, test } from './web-host';

test('a person changes the micro break interval by keyboard, and it is kept after a reload', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#settings`);
  const every = page.getByTestId('setting-microBreak-every');
  await expect(every).toHaveValue('20');
  await tabTo(page, every, 40);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('25');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('settings-status')).toHaveText('Saved.');

  await page.reload();
  await expect(page.getByTestId('setting-microBreak-every')).toHaveValue('25');
  const saved = JSON.parse(readFileSync(join(host.dataDir, 'settings.json'), 'utf8'));
  expect(saved).toEqual({ version: 1, settings: { microBreak: { every: '25m' } } });
});

test('an out-of-range value shows the allowed range beside the field and is not saved', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#settings`);
  const every = page.getByTestId('setting-microBreak-every');
  await expect(every).toHaveValue('20');
  await every.fill('500');
  const error = page.getByTestId('setting-microBreak-every-error');
  await expect(error).toHaveText('Enter a whole number from 1 to 240 minutes.');
  await expect(every).toHaveAttribute('aria-invalid', 'true');
  // The message is part of the field's description for a screen reader.
  await expect(every).toHaveAccessibleDescription(
    /From 1 to 240 minutes\. Enter a whole number from 1 to 240 minutes\./,
  );
  await every.press('Tab');
  await expect(page.getByTestId('settings-status')).not.toHaveText('Saved.');

  await every.fill('30');
  await expect(error).toBeHidden();
  await expect(every).not.toHaveAttribute('aria-invalid');
  await every.press('Tab');
  await expect(page.getByTestId('settings-status')).toHaveText('Saved.');

  await page.getByTestId('setting-therapy-capMinutes').fill('25');
  await expect(page.getByTestId('setting-therapy-capMinutes-error')).toHaveText(
    'Enter a whole number from 1 to 20 minutes.',
  );
});

test('restore defaults puts every setting back', async ({ page, host }) => {
  await page.goto(`${host.url}#settings`);
  await page.getByTestId('setting-microBreak-every').fill('45');
  await page.getByTestId('setting-microBreak-every').press('Tab');
  await expect(page.getByTestId('settings-status')).toHaveText('Saved.');
  await page.getByTestId('setting-strictMode').check();
  await expect(page.getByTestId('setting-strictMode')).toBeChecked();

  await page.getByRole('button', { name: 'Restore defaults' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Default settings restored.');
  await expect(page.getByTestId('setting-microBreak-every')).toHaveValue('20');
  await expect(page.getByTestId('setting-strictMode')).not.toBeChecked();
  await page.reload();
  await expect(page.getByTestId('setting-microBreak-every')).toHaveValue('20');
});

test('a setting the organisation locks is shown disabled, "Managed by your organization"', async ({
  page,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'unhunch-policy-'));
  const policy = join(folder, 'policy.json');
  writeFileSync(
    policy,
    JSON.stringify({ version: 1, locked: { microBreak: { every: '30m' }, workHours: null } }),
  );
  const host = await startWebHostProcess(['--policy', policy]);
  try {
    await page.goto(`${host.url}#settings`);
    const every = page.getByTestId('setting-microBreak-every');
    await expect(every).toHaveValue('30');
    await expect(every).toBeDisabled();
    await expect(page.getByTestId('managed-microBreak.every')).toHaveText(
      'Managed by your organization',
    );
    await expect(every).toHaveAccessibleDescription(/Managed by your organization/);
    await expect(page.getByTestId('setting-workHours')).toBeDisabled();
    await expect(page.getByTestId('settings-managed')).toBeVisible();
    // What is not locked still changes.
    await expect(page.getByTestId('setting-microBreak-duration')).toBeEnabled();
    await expect(page.getByTestId('managed-microBreak.duration')).toBeHidden();
  } finally {
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
});

test('settings export as a JSON file and import back, a bad file listing what is wrong', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#settings`);
  await page.getByTestId('setting-longBreak-every').fill('50');
  await page.getByTestId('setting-longBreak-every').press('Tab');
  await expect(page.getByTestId('settings-status')).toHaveText('Saved.');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export settings' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^unhunch-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported.version).toBe(1);
  expect(exported.settings.longBreak.every).toBe('50m');

  await page.getByRole('button', { name: 'Restore defaults' }).click();
  await expect(page.getByTestId('setting-longBreak-every')).toHaveValue('60');

  const file = page.getByLabel('Import settings from a file');
  await file.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, settings: { microBreak: { every: '1s' } } })),
  });
  await expect(page.getByTestId('import-issues')).toContainText(
    'settings.microBreak.every: allowed: from 1m to 4h',
  );
  await file.setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(page.getByTestId('settings-status')).toHaveText('Settings imported.');
  await expect(page.getByTestId('setting-longBreak-every')).toHaveValue('50');
  await expect(page.getByTestId('import-issues')).toBeEmpty();
});

test('a German settings page words what the app refused in German', async ({ page }) => {
  const host = await startWebHostProcess(
    [],
    {},
    {
      'settings.json': JSON.stringify({ settings: { language: 'de', workHours: null } }),
    },
  );
  try {
    await page.goto(`${host.url}#settings`);
    const file = page.getByLabel('Einstellungen aus einer Datei importieren');
    await file.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ version: 1, settings: { microBreak: { every: '1s' }, colour: 'red' } }),
      ),
    });
    const issues = page.getByTestId('import-issues');
    await expect(issues).toContainText('settings.microBreak.every: erlaubt: von 1m bis 4h');
    await expect(issues).toContainText('unbekannte Einstellungen: colour');
    await file.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ nope'),
    });
    await expect(issues).toHaveText('(file): die Datei ist kein JSON');
    await expect(issues).not.toContainText(/must be|unknown key|not JSON/);
  } finally {
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});

test('clearing the history asks first, and then it is gone', async ({ page }) => {
  const history = `${JSON.stringify({ at: Date.now() - 60_000, type: 'break-taken', kind: 'micro' })}\n`;
  const host = await startWebHostProcess([], {}, { 'history.jsonl': history });
  try {
    await page.goto(`${host.url}#settings`);
    await page.getByRole('button', { name: 'Clear history…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clear your history?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(readFileSync(join(host.dataDir, 'history.jsonl'), 'utf8')).toBe(history);

    await page.getByRole('button', { name: 'Clear history…' }).click();
    await dialog.getByRole('button', { name: 'Delete my history' }).click();
    await expect(page.getByTestId('settings-status')).toHaveText('Your history was cleared.');
    expect(readFileSync(join(host.dataDir, 'history.jsonl'), 'utf8')).toBe('');
    await page.goto(`${host.url}#stats`);
    await expect(page.getByTestId('stats-empty')).toBeVisible();
  } finally {
    host.process.kill();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});
