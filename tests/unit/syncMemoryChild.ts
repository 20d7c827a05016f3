// Child process for syncMemory.test.ts: imports one bundle file into a store and reports the
// outcome and this process's peak memory (maxRSS), so no other test's memory counts.
//   node tests/unit/syncMemoryChild.ts DB BUNDLE   (passphrase in PAMOJA_PASSPHRASE)
import { openStore } from '../../electron/db/store.ts';
import { useUnlocker } from '../../electron/services/secrets/vault.ts';
import { BundleError } from '../../electron/services/sync/bundleError.ts';
import { importBundleFile } from '../../electron/services/sync/bundles.ts';

const [db, file] = process.argv.slice(2) as [string, string];
useUnlocker({ passphrase: process.env.PAMOJA_PASSPHRASE ?? '' });
const store = openStore(db);
let outcome: Record<string, unknown>;
try {
  const r = await importBundleFile(store, file);
  outcome = { ok: true, changes: r.changes, new: r.new };
} catch (e) {
  outcome = {
    ok: false,
    reason: e instanceof BundleError ? e.reason : 'other',
    message: e instanceof Error ? e.message : String(e),
  };
}
store.close();
process.stdout.write(`${JSON.stringify({ ...outcome, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
