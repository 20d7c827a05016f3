// Child process for the kill test in syncKill.test.ts: imports one payload into a store.
import { readFileSync } from 'node:fs';
import { openStore } from '../../electron/db/store.ts';
import { applyPayload, type ImportSource } from '../../electron/services/sync/importChanges.ts';

const [db, payloadFile, sourceJson] = process.argv.slice(2) as [string, string, string];
const store = openStore(db);
process.stdout.write('opened\n');
applyPayload(store, readFileSync(payloadFile), JSON.parse(sourceJson) as ImportSource);
store.close();
process.stdout.write('done\n');
