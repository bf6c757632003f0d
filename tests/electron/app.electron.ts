// The built tray app, started in real Electron: its window and its tray act on the
// same app services. Needs `npm run build`; run through `node tests/electron/run.mjs`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, expect, type Page, test } from 'playwright/test';
import { electronMissingMessage, findElectronBinary } from '../../scripts/electron-binary.mjs';

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

const it = test.extend<{ userData: string; app: ElectronApplication; window: Page }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  userData: async ({}, use) => {
    test.skip(electronBinary === null, electronMissingMessage);
    const userData = await mkdtemp(join(tmpdir(), 'unhunch-electron-e2e-'));
    // Work hours off, as a user can set them: reminders run whatever the hour of the test.
    await writeFile(
      join(userData, 'settings.json'),
      JSON.stringify({ settings: { workHours: null } }),
    );
    await use(userData);
    await rm(userData, { recursive: true, force: true });
  },
  app: async ({ userData }, use, testInfo) => {
    if (!existsSync(join(projectDir, 'out/main/index.js'))) {
      throw new Error('The app is not built (out/main/index.js is missing): run `npm run build`.');
    }
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
    }
  },
  window: async ({ app }, use) => {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    // A fresh profile opens on the first-run welcome; these tests start from the status page.
    await window.evaluate(() => {
      localStorage.setItem('unhunch.welcome-seen', '1');
      location.hash = 'status';
    });
    await use(window);
  },
});

it('opens the Unhunch window with reminders running and the tray offering a break and a pause', async ({
  app,
  window,
}) => {
  await expect(window).toHaveTitle('Unhunch');
  // Served by the app's own scheme: file:// is off in the installers.
  expect(window.url()).toMatch(/^unhunch:\/\/app\/index\.html/);
  await expect(window.getByTestId('status-state')).toHaveText(/running/i);

  await expect.poll(async () => (await trayState(app))?.tooltip).toMatch(/Unhunch/);
  const menu = (await trayState(app))?.menu ?? [];
  expect(menu).toContainEqual(expect.stringMatching(/Open Unhunch/));
  expect(menu).toContainEqual(expect.stringMatching(/Take a break now/));
  expect(menu).toContainEqual(expect.stringMatching(/For 30 minutes/));
  expect(menu).toContainEqual(expect.stringMatching(/Quit/));
});

it('pausing from the window pauses the app and the tray offers to resume', async ({
  app,
  window,
}) => {
  const status = window.getByTestId('status-state');
  await expect(status).toHaveText(/running/i);

  await window.getByTestId('pause-m30').click();

  await expect(status).not.toHaveText(/running/i);
  await expect(status).toHaveText(/paused/i);
  await expect
    .poll(async () => (await trayState(app))?.menu ?? [])
    .toContainEqual(expect.stringMatching(/Resume/));
});

it('a second launch with --pause=15 pauses the running app and quits by itself', async ({
  userData,
  window,
}) => {
  const status = window.getByTestId('status-state');
  await expect(status).toHaveText(/running/i);

  const second = spawnSync(electronBinary!, ['.', '--pause=15'], {
    cwd: projectDir,
    env: { ...process.env, UNHUNCH_USER_DATA: userData, UNHUNCH_E2E: '1' },
    timeout: 30_000,
  });

  expect(second.status, String(second.stderr)).toBe(0);
  await expect(status).toHaveText(/paused/i);
});

it('a crashed renderer comes back on its page and the app goes on', async ({ app, window }) => {
  await expect(window.getByTestId('status-state')).toHaveText(/running/i);

  await app.evaluate(({ BrowserWindow }) => {
    for (const each of BrowserWindow.getAllWindows()) each.webContents.forcefullyCrashRenderer();
  });

  // Reloaded in the same window or made again: either way a window shows the status.
  await expect
    .poll(async () => {
      for (const page of app.windows()) {
        const text = await page
          .getByTestId('status-state')
          .textContent({ timeout: 1000 })
          .catch(() => null);
        if (text) return text;
      }
      return null;
    })
    .toMatch(/running/i);
});
