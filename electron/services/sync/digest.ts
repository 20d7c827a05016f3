import { createHash } from 'node:crypto';
import { columnsOf, tableNames } from '../../../shared/schema/tables.ts';
import type { Store } from '../../db/store.ts';

export interface Digest {
  /** SHA-256 (hex) of every synced table's current rows, in table and id order. */
  digest: string;
  rows: number;
  tables: Record<string, number>;
}

/**
 * A fingerprint of the region's data as this laptop holds it now. Two laptops that hold
 * the same changes have the same digest, whatever order the changes arrived in; local
 * columns (full-text row numbers) and sync bookkeeping are left out.
 */
export function storeDigest(store: Store): Digest {
  const hash = createHash('sha256');
  const tables: Record<string, number> = {};
  let rows = 0;
  store.db.transaction(() => {
    for (const table of tableNames) {
      const cols = columnsOf(table);
      const stmt = store.statements.get(`SELECT id, ${cols.join(', ')} FROM ${table} ORDER BY id`).raw(true);
      let n = 0;
      for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
        hash.update(JSON.stringify([table, ...row]));
        hash.update('\n');
        n++;
      }
      stmt.raw(false);
      tables[table] = n;
      rows += n;
    }
  })();
  return { digest: hash.digest('hex'), rows, tables };
}
