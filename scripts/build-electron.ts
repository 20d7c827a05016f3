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

// Bundled CommonJS dependencies call require(); give the ES modules one.
const esm: BuildOptions = {
  ...common,
  format: 'esm',
  banner: {
    js: "import { createRequire as __pamojaRequire } from 'node:module'; const require = __pamojaRequire(import.meta.url);",
  },
};
await build({ ...esm, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.mjs' });
// The job runner's worker (long imports, exports, loads) is its own bundle beside main.mjs,
// where electron/services/jobs/runner.ts looks for it once bundled.
await build({
  ...esm,
  entryPoints: ['electron/services/jobs/worker.ts'],
  outfile: 'dist-electron/job-worker.mjs',
});
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
});
console.log('built dist-electron/main.mjs, job-worker.mjs and preload.cjs');
