import { defineConfig } from 'playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

/**
 * The Chromium end-to-end suite: the real renderer served by src/web with the real
 * app services, driven in Debian's Chromium (UNHUNCH_CHROMIUM overrides the path).
 */

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // Generous limits that only catch a hang: a busy machine must not fail a test (speed is
  // measured by `npm run bench`).
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // Each test has its own web host and data folder, so files run side by side. Two at a
  // time: a test spends most of its time waiting (a break arms its keys after 1.5 s, a
  // countdown ticks each second), so two take a 2-core machine's e2e run from about
  // 5 minutes to 4, and more would only queue for the CPU.
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
});
