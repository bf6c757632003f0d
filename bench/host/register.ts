import { registerHooks } from 'node:module';

/**
 * Resolves `electron` to the one fake Electron (tests/unit/main/electron-fake.ts) for
 * every importer (our src/main, electron-store, electron-log), so the Electron host runs
 * in plain Node. Import this before anything that imports `electron`.
 */
const fake = new URL('../../tests/unit/main/electron-fake.ts', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: fake, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
