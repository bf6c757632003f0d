import { defineConfig } from 'playwright/test';

/**
 * The Electron end-to-end suite: the built app started by Playwright's `_electron`.
 * Run it through `node tests/electron/run.mjs`, which skips it where the Electron
 * binary is not installed and provides a display on headless Linux.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.electron.ts',
  outputDir: '../../test-results/electron',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
});
