// One export or import in a process of its own, run as the app, serve and the CLI run it
// (a job in the runner's worker, with the heap budget its job has), so the process's peak
// memory (main thread and worker together, ./peakMemory.ts) is the job's:
//   node bench/lib/syncChild.ts export DB OUT | import DB BUNDLE
// Prints one JSON line: seconds (an export from the job's start, signing included; an import
// from its first step after the before-import snapshot), peak RSS in MB, changes.
import { dirname } from 'node:path';
import { openStore } from '../../electron/db/store.ts';
import { JobRunner } from '../../electron/services/jobs/runner.ts';
import { storeKeyOf, useUnlocker } from '../../electron/services/secrets/vault.ts';
import { currentRegionKey } from '../../electron/services/sync/regionSecret.ts';
import { peakMemoryMb } from './peakMemory.ts';

const [what, db, file] = process.argv.slice(2) as [string, string, string];
useUnlocker({ passphrase: process.env.PAMOJA_PASSPHRASE ?? '' });
// Unlock the store's sealed keys first (one scrypt), as the CLI does: not part of the job.
const store = openStore(db);
currentRegionKey(store);
const key = storeKeyOf(store);
store.close();

let began: number | undefined;
const runner = new JobRunner({
  storeFile: db,
  dataDir: dirname(db),
  storeKey: () => key,
  onUpdate: (view) => {
    if (began === undefined && !['starting', 'backup', 'waiting'].includes(view.progress.phase))
      began = performance.now();
  },
});
if (what === 'export') began = performance.now();
const changes =
  what === 'export'
    ? (await runner.run('sync.export', { kind: 'full', path: file })).changes
    : (await runner.run('sync.import', { path: file })).changes;
const seconds = (performance.now() - began!) / 1000;
const peakMb = peakMemoryMb();
process.stdout.write(`${JSON.stringify({ seconds, peakMb, changes })}\n`);
