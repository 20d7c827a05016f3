import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../../electron/db/migrations/index.ts';
import { openStore, type Store } from '../../electron/db/store.ts';
import { generateDemo, type DemoScale } from '../../electron/demo/generate.ts';

/**
 * A generated demo store shared by the benchmarks, kept in /tmp between runs: the same
 * scale, seed and schema give the same file. Made under a temporary name and renamed,
 * so an interrupted generation is never taken for a finished one.
 */
export function cachedDemoStore(scale: DemoScale, seed: number): string {
  const dir = '/tmp/pamoja-bench';
  mkdirSync(dir, { recursive: true });
  // Every version, not just the newest: migrations land out of number order (each engineer
  // has a block), and a cache made before a lower-numbered one landed must not be reused.
  const schema = migrations.map((m) => m.version).join('.');
  const file = join(dir, `demo-${scale}-seed${seed}-schema${schema}.sqlite`);
  if (existsSync(file)) return file;
  const partial = `${file}.partial`;
  removeStoreFiles(partial);
  const t = performance.now();
  const store = openStore(partial);
  generateDemo(store, { seed, scale });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  renameSync(partial, file);
  console.log(`generated ${scale} demo in ${((performance.now() - t) / 1000).toFixed(1)} s → ${file}`);
  return file;
}

/** A store file with its WAL and shared-memory files, gone. */
function removeStoreFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

/**
 * A copy of the cached demo store for a benchmark that writes, so the cache stays clean;
 * `done()` closes and removes it.
 */
export function demoStoreCopy(
  scale: DemoScale,
  seed: number,
  name: string,
): { store: Store; done: () => void } {
  const work = join('/tmp/pamoja-bench', `${name}-${scale}-work.sqlite`);
  removeStoreFiles(work);
  copyFileSync(cachedDemoStore(scale, seed), work);
  const store = openStore(work);
  return {
    store,
    done: () => {
      store.close();
      removeStoreFiles(work);
    },
  };
}

/** The p-th percentile of a list of timings. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
