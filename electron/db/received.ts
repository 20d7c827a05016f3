import { compareStamps, DELETED, type FieldChange, type RowState } from '../../shared/sync/merge.ts';
import { changesOf, type Write } from '../../shared/sync/writes.ts';
import type { TableName } from '../../shared/schema/tables.ts';
import { DeferredIndex, DeferredSearch } from './deferredIndex.ts';
import { Materializer } from './materialize.ts';
import { RowSet } from './rowSet.ts';
import type { Store } from './store.ts';

/**
 * The write path for changes received from other laptops, beside writer.ts (which writes
 * this laptop's own edits): it appends received changes to the change log, skipping those
 * held already, and brings the rows they touch in line (materialize.ts). With writer.ts it
 * is the only code that writes synced tables. Runs inside the import's transaction; callers
 * have checked every change (signatures, schemas) before handing it over.
 */
export interface AppliedCounts {
  tables: Record<string, { new: number; known: number; superseded: number }>;
  byDevice: Map<string, number>;
  maxHlc: number;
}

interface RowWork {
  table: TableName;
  rowId: string;
  writes: Write[];
  /** New changes of a row the log held before (their merge outcome is counted after). */
  added: FieldChange[] | null;
}

const CHANGE_COLUMNS = 6;
const MAX_BATCH = 32;

export class ReceivedWriter {
  readonly #store: Store;
  readonly #idx = new Map<string, number>();
  /** Into a store whose log was empty every row is new unless this import touched it already. */
  readonly #emptyAtStart: boolean;
  readonly #touched = new RowSet();
  /** Filling an empty log, the by-field index and the search indexes are built once at the end (deferredIndex.ts). */
  readonly #fieldIndex: DeferredIndex;
  readonly #search: DeferredSearch;

  /** Call inside the import's write transaction; `finish` before it commits. */
  constructor(store: Store) {
    this.#store = store;
    this.#emptyAtStart = !store.statements.get('SELECT 1 FROM changes LIMIT 1').get();
    this.#fieldIndex = new DeferredIndex(store.db, 'changes_by_field');
    this.#search = new DeferredSearch(store.db);
    if (this.#emptyAtStart) {
      this.#fieldIndex.defer();
      this.#search.defer();
    }
  }

  /** Brings the indexes back whole; the import's last step before its commit. */
  finish(): void {
    this.#fieldIndex.restore();
    this.#search.restore();
  }

  /** Every read of the log by row or field goes through here: it needs the index. */
  #byField(): void {
    this.#fieldIndex.restore();
  }

  #logHoldsRow(table: string, rowId: string): boolean {
    this.#byField();
    return !!this.#store.statements
      .get('SELECT 1 FROM changes WHERE tbl = ? AND row_id = ? LIMIT 1')
      .get(table, rowId);
  }

  /** Registers an author (its name shown, its key relayed with its spans); returns its idx. */
  device(deviceId: string, name: string, publicKey = ''): number {
    const st = this.#store.statements;
    st.get(
      `INSERT INTO devices (device_id, name, public_key) VALUES (?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET
         name = CASE WHEN devices.is_self = 1 OR excluded.name = '' THEN devices.name ELSE excluded.name END,
         public_key = CASE WHEN excluded.public_key = '' THEN devices.public_key ELSE excluded.public_key END`,
    ).run(deviceId, name, publicKey);
    const idx = (st.get('SELECT idx FROM devices WHERE device_id = ?').get(deviceId) as { idx: number }).idx;
    this.#idx.set(deviceId, idx);
    return idx;
  }

  knownName(deviceId: string): string {
    const row = this.#store.statements
      .get('SELECT name, is_self FROM devices WHERE device_id = ?')
      .get(deviceId) as { name: string; is_self: number } | undefined;
    if (row?.is_self) return 'this laptop';
    return row?.name ?? '';
  }

  #idxOf(deviceId: string): number {
    return this.#idx.get(deviceId) ?? this.device(deviceId, '');
  }

  /** True when this store keeps the same span and holds every change of its window. */
  holdsSpan(span: { device: string; lo: number; hi: number; changes: number; signature: string }): boolean {
    const st = this.#store.statements;
    const idx = this.#idxOf(span.device);
    const kept = st
      .get('SELECT changes, signature FROM sync_spans WHERE device = ? AND lo = ? AND hi = ?')
      .get(idx, span.lo, span.hi) as { changes: number; signature: Buffer } | undefined;
    if (!kept || kept.changes !== span.changes || kept.signature.toString('base64') !== span.signature)
      return false;
    const held = st
      .get('SELECT count(*) AS n FROM changes WHERE device = ? AND hlc BETWEEN ? AND ?')
      .get(idx, span.lo, span.hi) as { n: number };
    return held.n === span.changes;
  }

  /** Keeps a span's signature, so this store can relay the span as its author signed it. */
  recordSpan(span: { device: string; lo: number; hi: number; changes: number; signature: string }): void {
    this.#store.statements
      .get('INSERT OR IGNORE INTO sync_spans (device, lo, hi, changes, signature) VALUES (?, ?, ?, ?, ?)')
      .run(this.#idxOf(span.device), span.lo, span.hi, span.changes, Buffer.from(span.signature, 'base64'));
  }

  /** True when the log holds this very change already. */
  holds(table: string, rowId: string, c: FieldChange): boolean {
    const idx = this.#idx.get(c.device);
    if (idx === undefined) return false;
    this.#byField();
    return !!this.#store.statements
      .get('SELECT 1 FROM changes WHERE tbl = ? AND row_id = ? AND col = ? AND hlc = ? AND device = ?')
      .get(table, rowId, c.col, c.hlc, idx);
  }

  /**
   * Appends the changes not held yet and merges the rows they touch. Changes already held
   * count as known, so taking a bundle twice changes nothing.
   */
  apply(writes: Write[]): AppliedCounts {
    const st = this.#store.statements;
    const out: AppliedCounts = { tables: {}, byDevice: new Map(), maxHlc: 0 };
    const counts = (t: string) => (out.tables[t] ??= { new: 0, known: 0, superseded: 0 });
    const rows = new Map<string, RowWork>();
    for (const w of writes) {
      const key = `${w.table}\u0000${w.rowId}`;
      const row = rows.get(key);
      if (row) row.writes.push(w);
      else rows.set(key, { table: w.table, rowId: w.rowId, writes: [w], added: null });
    }
    const materializer = new Materializer(this.#store, () => this.#byField());
    // New changes go to the log many at a time; rows are distinct, so none is probed before it is written.
    const batch: (string | number | null)[] = [];
    for (const [key, row] of rows) {
      const isFresh = this.#emptyAtStart
        ? !this.#touched.add(key) || !this.#logHoldsRow(row.table, row.rowId)
        : !this.#logHoldsRow(row.table, row.rowId);
      const seen = isFresh ? new Set<string>() : null;
      const c = counts(row.table);
      let added = 0;
      for (const w of row.writes) {
        const idx = this.#idxOf(w.device);
        for (let i = 0; i < w.cols.length; i++) {
          const col = w.cols[i]!;
          let known: boolean;
          if (seen) {
            // A fresh row can only repeat a change inside this very write list.
            const k = `${col}\u0000${w.hlc}\u0000${w.device}`;
            known = seen.has(k);
            seen.add(k);
          } else {
            this.#byField();
            known = !!st
              .get(
                'SELECT 1 FROM changes WHERE tbl = ? AND row_id = ? AND col = ? AND hlc = ? AND device = ?',
              )
              .get(row.table, row.rowId, col, w.hlc, idx);
          }
          if (known) {
            c.known++;
            continue;
          }
          batch.push(row.table, row.rowId, col, w.values[i]!, w.hlc, idx);
          if (!isFresh) (row.added ??= []).push({ col, value: w.values[i]!, hlc: w.hlc, device: w.device });
          added++;
          c.new++;
          out.byDevice.set(w.device, (out.byDevice.get(w.device) ?? 0) + 1);
          if (w.hlc > out.maxHlc) out.maxHlc = w.hlc;
        }
      }
      const whole = batch.length - (batch.length % (MAX_BATCH * CHANGE_COLUMNS));
      if (whole) this.#record(batch.splice(0, whole));
      if (added) materializer.enqueue(row.table, row.rowId, isFresh ? row.writes : undefined);
      else row.writes = [];
    }
    this.#record(batch);

    materializer.run((table, rowId, state) => {
      const row = rows.get(`${table}\u0000${rowId}`);
      if (!row) return;
      const c = counts(table);
      if (row.added) {
        for (const ch of row.added) if (isSuperseded(ch, state)) c.superseded++;
        return;
      }
      const seen = new Set<string>();
      for (const ch of changesOf(row.writes)) {
        const k = `${ch.col}\u0000${ch.hlc}\u0000${ch.device}`;
        if (seen.has(k)) continue;
        seen.add(k);
        if (isSuperseded(ch, state)) c.superseded++;
      }
    });
    return out;
  }

  /** Many rows per statement: the same rows writer.ts's recordChange writes, at a fraction of the cost. */
  #record(values: (string | number | null)[]): void {
    for (let at = 0; at < values.length; at += MAX_BATCH * CHANGE_COLUMNS) {
      // Full batches share one prepared statement; only the tail needs another.
      const part = values.slice(at, at + MAX_BATCH * CHANGE_COLUMNS);
      const n = part.length / CHANGE_COLUMNS;
      this.#store.statements
        .get(
          `INSERT INTO changes (tbl, row_id, col, value, hlc, device) VALUES ${'(?, ?, ?, ?, ?, ?), '.repeat(n - 1)}(?, ?, ?, ?, ?, ?)`,
        )
        .run(part);
    }
  }
}

function isSuperseded(c: FieldChange, state: RowState): boolean {
  if (state.kind === 'incomplete') return false;
  // A tombstone is current while the row is deleted, a revival while it is live.
  if (state.kind === 'deleted') return c.col !== DELETED || c.value === 0;
  if (c.col === DELETED) return c.value !== 0;
  const w = state.winners[c.col];
  return !w || compareStamps(w, c) !== 0;
}
