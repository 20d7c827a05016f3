import { EXIT_OK, parseFlags, required, type Command } from '../command.ts';
import { openExistingStore } from '../openExisting.ts';
import { storeDigest } from '../../services/sync/digest.ts';

export const digestCommand: Command = {
  name: 'digest',
  summary: "Print a fingerprint of the store's region data (equal on two laptops = same data)",
  usage: 'pamoja digest --db FILE [--json]',
  run(args, io) {
    const { values } = parseFlags(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const store = openExistingStore(required(values.db, 'db'));
    try {
      const d = storeDigest(store);
      io.stdout(values.json ? `${JSON.stringify(d, null, 2)}\n` : `${d.digest}  (${d.rows} rows)\n`);
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};
