// The built tray app, started in real Electron: its window and its tray act on the
// same app services. Needs `npm run build`; run through `node tests/electron/run.mjs`.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, expect, type Page, test } from 'playwright/test';
import { electronMissingMessage, findElectronBinary } from './electron-binary.mjs';

const projectDir = fileURLToPath(new URL('../../', import.meta.url));
const electronBinary = findElectronBinary(projectDir);

/** What the main process exposes of its tray when UNHUNCH_E2E=1. */
interface TrayState {
  tooltip: string;
  menu: string[];
}

function trayState(app: ElectronApplication): Promise<TrayState | undefined> {
  return app.evaluate(() => (globalThis as { __unhunchTray?: TrayState }).__unhunchTray);
}

const it = test.extend<{ app: ElectronApplication; window: Page }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  app: async ({}, use, testInfo) => {
    test.skip(electronBinary === null, electronMissingMessage);
    if (!existsSync(join(projectDir, 'out/main/index.js'))) {
      throw new Error('The app is not built (out/main/index.js is missing): run `npm run build`.');
    }
    const userData = await mkdtemp(join(tmpdir(), 'unhunch-electron-e2e-'));
    // Work hours off, as a user can set them: reminders run whatever the hour of the test.
    await writeFile(
      join(userData, 'settings.json'),
      JSON.stringify({ settings: { workHours: null } }),
    );
    const app = await _electron.launch({
      executablePath: electronBinary ?? undefined,
      args: ['.'],
      cwd: projectDir,
      env: { ...process.env, UNHUNCH_USER_DATA: userData, UNHUNCH_E2E: '1' },
    });
    try {
      await use(app);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        const page = app.windows()[0];
        if (page) {
          await testInfo.attach('window', {
            body: await page.screenshot(),
            contentType: 'image/png',
          });
        }
      }
      await app.close();
      await rm(userData, { recursive: true, force: true });
    }
  },
  window: async ({ app }, use) => {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await use(window);
  },
});

it('opens the Unhunch window with reminders running and the tray offering a pause', async ({
  app,
  window,
}) => {
  await expect(window).toHaveTitle('Unhunch');
  await expect(window.getByTestId('status-state')).toHaveText(/running/i);

  await expect.poll(async () => (await trayState(app))?.tooltip).toMatch(/Unhunch/);
  const menu = (await trayState(app))?.menu ?? [];
  expect(menu).toContainEqual(expect.stringMatching(/Open Unhunch/));
  expect(menu).toContainEqual(expect.stringMatching(/Pause/));
  expect(menu).toContainEqual(expect.stringMatching(/Quit/));
});

it('pausing from the window pauses the app and the tray offers to resume', async ({
  app,
  window,
}) => {
  const status = window.getByTestId('status-state');
  await expect(status).toHaveText(/running/i);

  await window.getByTestId('pause-toggle').click();

  await expect(status).not.toHaveText(/running/i);
  await expect(status).toHaveText(/paused/i);
  await expect
    .poll(async () => (await trayState(app))?.menu ?? [])
    .toContainEqual(expect.stringMatching(/Resume/));
});
