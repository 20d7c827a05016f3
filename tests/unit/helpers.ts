import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type OpenOptions, type Store } from '../../electron/db/store.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pamoja-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real store in a fresh temp folder, closed and removed after the test. */
export function tempStore(options: OpenOptions = {}, name = 'store.sqlite'): Store {
  const store = openStore(join(tempDir(), name), options);
  cleanups.unshift(() => {
    if (store.db.open) store.close();
  });
  return store;
}
