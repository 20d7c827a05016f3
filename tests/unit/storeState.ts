import { createHash } from 'node:crypto';
import type { Store } from '../../electron/db/store.ts';

/**
 * A hash of everything a store holds: every table (synced rows, the change log, meta,
 * devices, the full-text indexes), row by row. Equal hashes mean equal contents.
 */
export function contentHash(store: Pick<Store, 'db'>): string {
  const hash = createHash('sha256');
  const tables = store.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`\n#${table}\n`);
    const rows = store.db
      .prepare(`SELECT * FROM "${table}"`)
      .all()
      .map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    // Sorted, because some tables (FTS internals) have no rowid to order by.
    for (const row of rows.sort()) hash.update(`${row}\n`);
  }
  return hash.digest('hex');
}

export function changeCount(store: Pick<Store, 'db'>): number {
  return store.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
}
