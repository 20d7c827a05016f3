import type { Database, Statement } from 'better-sqlite3';
import { tickHlc, type Hlc } from '../../shared/clock.ts';
import { PamojaError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { lastValues, type FieldChange } from '../../shared/sync/merge.ts';
import {
  checkField,
  columnsOf,
  defaultsOf,
  isTableName,
  type Row,
  type RowInput,
  type TableName,
} from '../../shared/schema/tables.ts';

/** The column name of a tombstone in the change log. */
export const DELETED = '_deleted';

export type FieldValue = string | number | null;

/**
 * The one write path for synced tables. Each insert, update and delete changes the row
 * and, in the same transaction, appends one change per changed field to `changes`, with
 * a fresh hybrid-logical-clock timestamp and this device. Nothing else may write synced
 * tables (received changes go through its sibling, received.ts).
 */
export interface Writer {
  insert<T extends TableName>(table: T, row: RowInput<T>): string;
  /** Changes only the fields whose value differs; returns how many changed. */
  update<T extends TableName>(table: T, id: string, patch: Partial<Omit<Row<T>, 'id'>>): number;
  /** Deletes the row and records a tombstone; false if there was no such row. */
  remove(table: TableName, id: string): boolean;
  /**
   * Brings a removed row back with its last values (changed by `patch`, e.g. a link to a
   * parent that is gone) and records a revival (`_deleted = 0`) newer than its tombstone.
   * False when the row is there already.
   */
  restore(table: TableName, id: string, patch?: Record<string, FieldValue>): boolean;
  /** What a row held last, from the change log (tombstones aside); throws if never seen. */
  lastValues(table: TableName, id: string): Record<string, FieldValue>;
}

export interface ClockSource {
  /** The last timestamp issued by this device. */
  last: Hlc;
  now: () => number;
}

/** Prepared statements, cached per database and SQL text. */
export class StatementCache {
  private readonly cache = new Map<string, Statement>();
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }
  get(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    } else if (s.reader) {
      // `.pluck()` and `.raw()` change the statement itself: one caller plucking must not
      // turn the rows another caller reads with the same SQL into bare values.
      s.pluck(false);
      s.raw(false);
    }
    return s;
  }
}

export function recordChange(
  statements: StatementCache,
  table: string,
  rowId: string,
  column: string,
  value: FieldValue,
  hlc: Hlc,
  deviceIdx: number,
): void {
  statements
    .get('INSERT INTO changes (tbl, row_id, col, value, hlc, device) VALUES (?, ?, ?, ?, ?, ?)')
    .run(table, rowId, column, value, hlc, deviceIdx);
}

function checked(table: string, column: string, value: unknown): FieldValue {
  const problem = checkField(table, column, value);
  if (problem) throw new PamojaError('invalid', problem, `${table}.${column}`);
  return value as FieldValue;
}

export function createWriter(statements: StatementCache, clock: ClockSource, deviceIdx: number): Writer {
  // A change received from another laptop may carry a later time than this clock (another
  // process imported it, or the sender's clock runs a little ahead): a local edit made now
  // must still order after what the store holds for the row, or the merge would hide it.
  const newestOf = (table: string, id: string): Hlc =>
    (
      statements.get('SELECT max(hlc) AS h FROM changes WHERE tbl = ? AND row_id = ?').get(table, id) as {
        h: Hlc | null;
      }
    ).h ?? 0;
  const tick = (table: string, id: string): Hlc =>
    (clock.last = tickHlc(Math.max(clock.last, newestOf(table, id)), clock.now()));
  const assertTable = (table: string): void => {
    if (!isTableName(table)) throw new PamojaError('invalid', `unknown table "${table}"`);
  };

  return {
    insert(table, row) {
      assertTable(table);
      const id = row.id ?? newId();
      const columns = columnsOf(table);
      const record = row as Record<string, unknown>;
      const defaults = defaultsOf(table);
      const values = columns.map((c) => {
        if (!(c in record) && Object.hasOwn(defaults, c)) return defaults[c]!;
        if (!(c in record)) throw new PamojaError('invalid', `${table}.${c}: missing`, `${table}.${c}`);
        return checked(table, c, record[c]);
      });
      const exists = statements.get(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
      if (exists) throw new PamojaError('conflict', `${table} ${id} already exists`);
      statements
        .get(`INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`)
        .run(id, ...values);
      const hlc = tick(table, id);
      columns.forEach((c, i) => recordChange(statements, table, id, c, values[i]!, hlc, deviceIdx));
      return id;
    },

    update(table, id, patch) {
      assertTable(table);
      const current = statements.get(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
        Record<string, FieldValue> | undefined;
      if (!current) throw new PamojaError('not_found', `No ${table} row with id ${id}`);
      const known = new Set<string>(columnsOf(table));
      const changed: [string, FieldValue][] = [];
      for (const [c, v] of Object.entries(patch as Record<string, unknown>)) {
        if (v === undefined) continue;
        if (!known.has(c)) throw new PamojaError('invalid', `unknown field "${table}.${c}"`, `${table}.${c}`);
        const value = checked(table, c, v);
        if (current[c] !== value) changed.push([c, value]);
      }
      if (changed.length === 0) return 0;
      statements
        .get(`UPDATE ${table} SET ${changed.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`)
        .run(...changed.map(([, v]) => v), id);
      const hlc = tick(table, id);
      for (const [c, v] of changed) recordChange(statements, table, id, c, v, hlc, deviceIdx);
      return changed.length;
    },

    remove(table, id) {
      assertTable(table);
      const result = statements.get(`DELETE FROM ${table} WHERE id = ?`).run(id);
      if (result.changes === 0) return false;
      recordChange(statements, table, id, DELETED, 1, tick(table, id), deviceIdx);
      return true;
    },

    lastValues(table, id) {
      assertTable(table);
      const changes = statements
        .get(
          `SELECT c.col, c.value, c.hlc, d.device_id AS device
           FROM changes c JOIN devices d ON d.idx = c.device WHERE c.tbl = ? AND c.row_id = ?`,
        )
        .all(table, id) as FieldChange[];
      const values = lastValues(columnsOf(table), changes, defaultsOf(table));
      if (!values) throw new PamojaError('not_found', `Nothing is known of ${table} ${id} to bring back`);
      return values;
    },

    restore(table, id, patch = {}) {
      assertTable(table);
      if (statements.get(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) return false;
      const columns = columnsOf(table);
      const values = { ...this.lastValues(table, id), ...patch };
      statements
        .get(`INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`)
        .run(id, ...columns.map((c) => checked(table, c, values[c])));
      const hlc = tick(table, id);
      recordChange(statements, table, id, DELETED, 0, hlc, deviceIdx);
      for (const [c, v] of Object.entries(patch))
        recordChange(statements, table, id, c, checked(table, c, v), hlc, deviceIdx);
      return true;
    },
  };
}
