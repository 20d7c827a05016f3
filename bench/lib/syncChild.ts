// One export or import in a process of its own, so its peak memory (maxRSS) is its own:
//   node bench/lib/syncChild.ts export DB OUT | import DB BUNDLE
// Prints one JSON line: seconds (in-process, from the call to its end), peak RSS in MB, changes.
import { openStore } from '../../electron/db/store.ts';
import { useUnlocker } from '../../electron/services/secrets/vault.ts';
import { exportBundle, importBundleFile } from '../../electron/services/sync/bundles.ts';
import { currentRegionKey } from '../../electron/services/sync/regionSecret.ts';

const [what, db, file] = process.argv.slice(2) as [string, string, string];
useUnlocker({ passphrase: process.env.PAMOJA_PASSPHRASE ?? '' });
const store = openStore(db);
// Unlock the store's sealed keys first (one scrypt): not part of the export or import.
currentRegionKey(store);
const t = performance.now();
const changes =
  what === 'export'
    ? (await exportBundle(store, { kind: 'full' }, file)).changes
    : (await importBundleFile(store, file)).changes;
const seconds = (performance.now() - t) / 1000;
store.close();
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds, peakMb, changes })}\n`);
