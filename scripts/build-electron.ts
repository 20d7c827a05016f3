import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the Electron main process (ESM) and the preload (CommonJS: sandboxed preloads
 * cannot be modules) into dist-electron/. better-sqlite3 stays external: it is a native
 * module that electron-builder packs from node_modules.
 */
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
};

await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist-electron/main.mjs',
  format: 'esm',
  // Bundled CommonJS dependencies call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __pamojaRequire } from 'node:module'; const require = __pamojaRequire(import.meta.url);",
  },
});
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
});
console.log('built dist-electron/main.mjs and dist-electron/preload.cjs');
