import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The Node hosts that are not Electron: the `unhunch` CLI and the web host. Their
 * dependencies are bundled in (`noExternal`), so a start reads a few files instead of
 * resolving hundreds in node_modules: the web host is listening in about two-thirds of
 * the time, which every end-to-end test and every CLI call pays (bench/results/app.json).
 */
export default defineConfig({
  ssr: { noExternal: true },
  build: {
    ssr: true,
    outDir: 'out/node',
    target: 'node22',
    emptyOutDir: true,
    rolldownOptions: {
      input: { cli: resolve('src/cli/main.ts'), web: resolve('src/web/dev.ts') },
      output: { format: 'esm', entryFileNames: '[name].js' },
    },
  },
});
