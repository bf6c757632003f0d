import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Tests assert behaviour, not speed (speed is `npm run bench`): a test that runs a week on
 * a virtual clock takes 1 s on a quiet machine and can take 10 s on a loaded one, so the
 * time limits only catch a test that hangs.
 */
const HANG_MS = 120_000;

export default defineConfig({
  test: {
    // The tests wait on child processes, the disk and timers more than on the CPU:
    // Vitest's default (one file at a time on a 2-core machine) left half the machine
    // idle, and three at once there takes the run from 150 s to 70 s.
    maxWorkers: Math.max(3, availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          testTimeout: HANG_MS,
          hookTimeout: HANG_MS,
          include: ['tests/unit/**/*.test.ts'],
          // electron-store imports `electron`; inline it so the unit tests' mock applies.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: HANG_MS,
          hookTimeout: HANG_MS,
        },
      },
      {
        // Renderer pages and components in a DOM of their own (happy-dom), with a fake contract.
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'packaging',
          include: ['tests/packaging/**/*.test.ts'],
          testTimeout: 2 * HANG_MS,
          hookTimeout: HANG_MS,
        },
      },
    ],
  },
});
