// Used by sync.spec.ts: changes a session's notes in a store while the app serves it, as
// a coach's edit on that laptop would (through the write path).
import { openStore } from '../../electron/db/store.ts';

const [db, sessionId, notes] = process.argv.slice(2) as [string, string, string];
const store = openStore(db);
store.write((w) => w.update('sessions', sessionId, { notes }));
store.close();
