import { defineConfig } from 'playwright/test';

/**
 * The Chromium end-to-end suite: the real renderer served by src/web with the real
 * app services, driven in Debian's Chromium (UNHUNCH_CHROMIUM overrides the path).
 */
export const chromiumPath = process.env.UNHUNCH_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
