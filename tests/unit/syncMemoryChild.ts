// Child process for syncMemory.test.ts: imports one bundle file into a store as the app
// does (a job in the runner's worker, with its heap budget) and reports the outcome and this
// process's peak memory (main thread and worker, bench/lib/peakMemory.ts), so no other
// test's memory counts.
//   node tests/unit/syncMemoryChild.ts DB BUNDLE   (passphrase in PAMOJA_PASSPHRASE)
import { dirname } from 'node:path';
import { openStore } from '../../electron/db/store.ts';
import { JobRunner } from '../../electron/services/jobs/runner.ts';
import { storeKeyOf, useUnlocker } from '../../electron/services/secrets/vault.ts';
import { currentRegionKey } from '../../electron/services/sync/regionSecret.ts';
import { peakMemoryMb } from '../../bench/lib/peakMemory.ts';

const [db, file] = process.argv.slice(2) as [string, string];
useUnlocker({ passphrase: process.env.PAMOJA_PASSPHRASE ?? '' });
const store = openStore(db);
currentRegionKey(store);
const key = storeKeyOf(store);
store.close();
const runner = new JobRunner({ storeFile: db, dataDir: dirname(db), storeKey: () => key });
let outcome: Record<string, unknown>;
try {
  const r = await runner.run('sync.import', { path: file });
  outcome = { ok: true, changes: r.changes, new: r.new };
} catch (e) {
  outcome = { ok: false, message: e instanceof Error ? e.message : String(e) };
}
process.stdout.write(`${JSON.stringify({ ...outcome, peakMb: peakMemoryMb() })}\n`);
