import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import type { Contract } from '../../shared/contract/index.ts';
import type { JobOp } from '../../shared/contract/jobs.ts';
import { JobRunner } from '../services/jobs/runner.ts';
import type { PdfPrinter } from '../services/reports/chromium.ts';
import { storeKeyOf } from '../services/secrets/vault.ts';
import type { CliIo } from './command.ts';
import { openExistingStore, unlockStore } from './openExisting.ts';

/** Jobs that open or sign bundles (a fetched or opened email's, its receipt), so need the store's sealed keys. */
const BUNDLE_JOBS: ReadonlySet<JobOp> = new Set<JobOp>([
  'sync.import',
  'sync.export',
  'sync.folder',
  'mail.fetch',
  'mail.take',
  'mail.queue',
  'mail.draft',
]);

/**
 * Runs long work through the same job runner as the app and `serve` (a worker with its
 * own connection, the before-import snapshot, one job per store across processes),
 * showing its progress on stderr.
 */
export async function runCliJob<K extends JobOp>(
  db: string,
  op: K,
  input: z.input<Contract[K]['input']>,
  io: CliIo,
  options: { printer?: PdfPrinter } = {},
): Promise<z.input<Contract[K]['output']>> {
  const storeFile = resolve(db);
  // The worker opens its own connection; a job that opens or signs bundles gets the store
  // key unlocked here (asking for the passphrase if need be), in memory.
  let storeKey: Uint8Array | null = null;
  if (BUNDLE_JOBS.has(op)) {
    const store = openExistingStore(storeFile);
    try {
      await unlockStore(store, io);
      storeKey = storeKeyOf(store);
    } finally {
      store.close();
    }
  }
  const runner = new JobRunner({
    storeFile,
    dataDir: dirname(storeFile),
    ...options,
    storeKey: () => storeKey,
  });
  return runner.run(op, input, undefined, (p) =>
    io.progress(p.done, p.total, p.detail ? `${p.phase} ${p.detail}` : p.phase),
  );
}
