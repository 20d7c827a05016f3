import type { Store } from './store.ts';
import {
  DELETED,
  mergeRow,
  type FieldChange,
  type FieldValue,
  type RowState,
} from '../../shared/sync/merge.ts';
import { columnsOf, defaultsOf, type TableName } from '../../shared/schema/tables.ts';
import { referencesOf, tableOrder, type Reference } from './references.ts';
import { changesOf, type Write } from '../../shared/sync/writes.ts';

export { DELETED };

interface Task {
  table: TableName;
  rowId: string;
  /** The row's writes, when the log held none of it before this import (skips a read). */
  fresh: Write[] | undefined;
}

/**
 * Brings the domain tables in line with the change log for the rows it is given: each
 * row takes its merged current values (shared/sync/merge.ts), or is removed when deleted
 * or not yet complete. A row whose parent this store does not hold waits (recorded in
 * sync_waiting): a not-null reference hides it, a nullable one shows it with the
 * reference empty. When a parent appears its waiting children are re-evaluated; when a
 * parent goes, so do its children's states. Because the table list orders parents before
 * children, one pass in table order reaches the final state, which depends only on the
 * set of changes held, so the import never fails at commit on a dangling reference.
 */
export class Materializer {
  private readonly store: Store;
  private readonly beforeLogRead: () => void;
  private readonly queues: Map<string, Task>[];
  private waitingMayExist: boolean;
  /** Rows inserted by this run: children need not look them up. */
  private readonly shown = new Set<string>();
  /** Rows inserted, updated, removed in the domain tables. */
  readonly effects = { inserted: 0, updated: 0, removed: 0, waiting: 0 };

  /** `beforeLogRead` runs before the change log is read by row (received.ts may have its index deferred). */
  constructor(store: Store, beforeLogRead: () => void = () => {}) {
    this.store = store;
    this.beforeLogRead = beforeLogRead;
    this.queues = [...tableOrder.keys()].map(() => new Map());
    const any = store.statements.get('SELECT EXISTS (SELECT 1 FROM sync_waiting) AS e').get() as {
      e: number;
    };
    this.waitingMayExist = any.e === 1;
  }

  enqueue(table: TableName, rowId: string, fresh?: Write[]): void {
    const q = this.queues[tableOrder.get(table)!]!;
    const had = q.get(rowId);
    if (had) {
      if (fresh && !had.fresh) had.fresh = fresh;
      return;
    }
    q.set(rowId, { table, rowId, fresh });
  }

  /** Processes every queued row; `onState` sees the merged state of each. */
  run(onState?: (table: TableName, rowId: string, state: RowState) => void): void {
    // Rows only ever queue rows of later tables (children), so one pass in table order
    // suffices; a Map visits entries added while it is being iterated.
    for (const q of this.queues) {
      for (const [rowId, task] of q) {
        const state = mergeRow(
          columnsOf(task.table),
          task.fresh ? changesOf(task.fresh) : this.loadChanges(task.table, rowId),
          defaultsOf(task.table),
        );
        this.apply(task.table, rowId, state, task.fresh !== undefined);
        onState?.(task.table, rowId, state);
      }
      q.clear();
    }
  }

  private loadChanges(table: string, rowId: string): FieldChange[] {
    this.beforeLogRead();
    return this.store.statements
      .get(
        `SELECT c.col, c.value, c.hlc, d.device_id AS device
         FROM changes c JOIN devices d ON d.idx = c.device WHERE c.tbl = ? AND c.row_id = ?`,
      )
      .all(table, rowId) as FieldChange[];
  }

  private apply(table: TableName, rowId: string, state: RowState, fresh: boolean): void {
    const st = this.store.statements;
    // A row the change log never held before this import cannot be in its table.
    const present = fresh
      ? undefined
      : (st.get(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Record<string, FieldValue> | undefined);
    if (state.kind !== 'live') {
      if (present) this.remove(table, rowId);
      if (this.waitingMayExist)
        st.get('DELETE FROM sync_waiting WHERE tbl = ? AND row_id = ?').run(table, rowId);
      return;
    }
    const values = { ...state.values };
    const missing: Reference[] = [];
    let hidden = false;
    for (const ref of referencesOf(this.store.db).of.get(table) ?? []) {
      const target = values[ref.col];
      if (typeof target !== 'string') continue;
      if (this.shown.has(`${ref.parent}\u0000${target}`)) continue;
      if (st.get(`SELECT 1 FROM ${ref.parent} WHERE id = ?`).get(target)) continue;
      missing.push(ref);
      if (ref.nullable) values[ref.col] = null;
      else hidden = true;
    }
    if (this.waitingMayExist)
      st.get('DELETE FROM sync_waiting WHERE tbl = ? AND row_id = ?').run(table, rowId);
    for (const ref of missing) {
      st.get(
        'INSERT OR IGNORE INTO sync_waiting (tbl, row_id, parent_tbl, parent_id) VALUES (?, ?, ?, ?)',
      ).run(table, rowId, ref.parent, state.values[ref.col]);
      this.waitingMayExist = true;
    }
    if (missing.length) this.effects.waiting++;

    const cols = columnsOf(table);
    if (hidden) {
      if (present) this.remove(table, rowId);
      return;
    }
    if (present) {
      const changed = cols.filter((c) => present[c] !== values[c]);
      if (changed.length === 0) return;
      st.get(`UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
        ...changed.map((c) => values[c]),
        rowId,
      );
      this.effects.updated++;
      return;
    }
    st.get(`INSERT INTO ${table} (id, ${cols.join(', ')}) VALUES (?${', ?'.repeat(cols.length)})`).run(
      rowId,
      ...cols.map((c) => values[c]),
    );
    this.effects.inserted++;
    this.shown.add(`${table}\u0000${rowId}`);
    if (this.waitingMayExist) {
      const waiting = st
        .get('SELECT tbl, row_id FROM sync_waiting WHERE parent_tbl = ? AND parent_id = ?')
        .all(table, rowId) as { tbl: TableName; row_id: string }[];
      for (const w of waiting) this.enqueue(w.tbl, w.row_id);
    }
  }

  /** Removes a row and queues the rows that refer to it, which must now wait or let go. */
  private remove(table: TableName, rowId: string): void {
    const st = this.store.statements;
    st.get(`DELETE FROM ${table} WHERE id = ?`).run(rowId);
    this.shown.delete(`${table}\u0000${rowId}`);
    this.effects.removed++;
    for (const ref of referencesOf(this.store.db).to.get(table) ?? []) {
      const children = st.get(`SELECT id FROM ${ref.table} WHERE ${ref.col} = ?`).all(rowId) as {
        id: string;
      }[];
      for (const child of children) this.enqueue(ref.table, child.id);
    }
  }
}
