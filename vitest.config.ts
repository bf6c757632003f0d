import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // electron-store imports `electron`; inline it so the unit tests' mock applies.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
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
          testTimeout: 240_000,
        },
      },
    ],
  },
});
