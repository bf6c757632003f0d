import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The Node hosts that are not Electron: the `unhunch` CLI and the web host. */
export default defineConfig({
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
