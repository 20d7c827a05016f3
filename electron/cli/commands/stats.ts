import { tableNames } from '../../../shared/schema/tables.ts';
import type { Store } from '../../db/store.ts';
import { EXIT_OK, parseFlags, required, type Command } from '../command.ts';
import { openExistingStore } from '../openExisting.ts';
import { formatTable } from '../table.ts';

/** Rows per synced table, plus the change log and the devices it names. */
export function storeCounts(store: Store): Record<string, number> {
  // Table names come from the schema, never from input.
  const count = (table: string): number =>
    (store.statements.get(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return Object.fromEntries([...tableNames, 'changes', 'devices'].map((t) => [t, count(t)]));
}

export const statsCommand: Command = {
  name: 'stats',
  summary: 'Count the rows of every table in a store',
  usage: 'pamoja stats --db FILE [--json]',
  run(args, io) {
    const { values } = parseFlags(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const store = openExistingStore(required(values.db, 'db'));
    try {
      const counts = storeCounts(store);
      io.stdout(
        values.json
          ? `${JSON.stringify(counts, null, 2)}\n`
          : formatTable(['table', 'rows'], Object.entries(counts), [1]),
      );
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};
