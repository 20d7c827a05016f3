import { createHash } from 'node:crypto';
import type { CliIo } from '../../electron/cli/command.ts';
import { runCli } from '../../electron/cli/main.ts';
import type { Store } from '../../electron/db/store.ts';
import { columnsOf, tableNames } from '../../shared/schema/tables.ts';

/** A hash of every synced table's rows (not the change log, whose timestamps differ). */
export function contentHash(store: Store): string {
  const h = createHash('sha256');
  for (const t of tableNames)
    h.update(t).update(JSON.stringify(store.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()));
  return h.digest('hex');
}

export function count(store: Store, sql: string, ...params: unknown[]): number {
  return (store.db.prepare(sql).get(...params) as { n: number }).n;
}

/** Foreign-key problems in the whole store (empty when every reference holds). */
export function foreignKeyProblems(store: Store): unknown[] {
  return store.db.prepare('PRAGMA foreign_key_check').all();
}

/**
 * Fields of synced rows whose current value is not the newest value recorded for them in
 * the change log: each must have been written through the write path.
 */
export function fieldsMissingFromLog(store: Store): string[] {
  const missing: string[] = [];
  for (const t of tableNames) {
    for (const c of columnsOf(t)) {
      const n = count(
        store,
        `SELECT count(*) AS n FROM ${t} r WHERE NOT EXISTS (
           SELECT 1 FROM changes ch WHERE ch.tbl = ? AND ch.row_id = r.id AND ch.col = ?
             AND ch.value IS r.${c}
             AND ch.hlc = (SELECT max(hlc) FROM changes x WHERE x.tbl = ch.tbl AND x.row_id = ch.row_id AND x.col = ch.col))`,
        t,
        c,
      );
      if (n > 0) missing.push(`${t}.${c}: ${n} rows`);
    }
  }
  return missing;
}

/** Runs the CLI with a fake terminal. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    progress: () => {},
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
