import type { Db } from './store.ts';
import { isTableName, tableNames, type TableName } from '../../shared/schema/tables.ts';

/** A foreign key of a synced table onto another synced table, read from the schema itself. */
export interface Reference {
  table: TableName;
  col: string;
  parent: TableName;
  /** Nullable references are emptied while their row waits; not-null ones hide the row. */
  nullable: boolean;
}

export interface References {
  /** References held by rows of a table. */
  of: Map<TableName, Reference[]>;
  /** References pointing at a table (to find the children of a removed row). */
  to: Map<TableName, Reference[]>;
}

const cache = new WeakMap<Db, References>();

/** The foreign keys between synced tables, from PRAGMA foreign_key_list (cached per database). */
export function referencesOf(db: Db): References {
  let refs = cache.get(db);
  if (refs) return refs;
  refs = { of: new Map(), to: new Map() };
  for (const table of tableNames) {
    const notNull = new Set(
      (db.pragma(`table_info(${table})`) as { name: string; notnull: number }[])
        .filter((c) => c.notnull)
        .map((c) => c.name),
    );
    const fks = db.pragma(`foreign_key_list(${table})`) as { table: string; from: string; to: string }[];
    const list: Reference[] = [];
    for (const fk of fks) {
      if (!isTableName(fk.table) || fk.to !== 'id') continue;
      const ref: Reference = { table, col: fk.from, parent: fk.table, nullable: !notNull.has(fk.from) };
      list.push(ref);
      const into = refs.to.get(fk.table) ?? [];
      into.push(ref);
      refs.to.set(fk.table, into);
    }
    refs.of.set(table, list);
  }
  cache.set(db, refs);
  return refs;
}

/** Position of each table in `tableNames`, which lists parents before children. */
export const tableOrder: ReadonlyMap<string, number> = new Map(tableNames.map((t, i) => [t, i]));
