import { receiveHlc } from '../../../shared/clock.ts';
import { knowledgeCovers, withoutSpans } from '../../../shared/sync/knowledge.ts';
import { compareStamps, DELETED, type FieldChange, type RowState } from '../../../shared/sync/merge.ts';
import type { DecodedPayload } from '../../../shared/sync/payload.ts';
import type { Store } from '../../db/store.ts';
import type { TableName } from '../../../shared/schema/tables.ts';
import { addKnowledge, ownKnowledge, recordPeer } from './knowledgeStore.ts';
import { Materializer } from './materialize.ts';
import { logSync } from './syncLog.ts';
import { clockWarning, holdBack, releaseHeld, type ClockWarning } from './heldBack.ts';
import { changesOf, partitionByClock, validateWrites, type Incoming, type Write } from './validateChanges.ts';

/** Who a payload came from, as its bundle header says. */
export interface ImportSource {
  senderDevice: string;
  senderName: string;
  senderPublicKey: string;
  createdAt: string;
  kind: string;
  /** File name for the sync log. */
  file: string;
  /** Content hash of the bundle file: the mailbox skips bundles already taken. */
  bundleHash?: string;
}

export interface TableCounts {
  new: number;
  known: number;
  superseded: number;
}

export interface ImportResult {
  changes: number;
  new: number;
  known: number;
  superseded: number;
  /** Changes held back because their time is implausibly far ahead. */
  held: number;
  /** Changes held back earlier that the local clock has now caught up with. */
  released: number;
  tables: Record<string, TableCounts>;
  /** Origin devices of the new changes. */
  devices: { deviceId: string; name: string; new: number }[];
  clockWarning: ClockWarning | null;
}

type Progress = (done: number, total: number, label?: string) => void;

const countsFor = (tables: Record<string, TableCounts>, t: string): TableCounts =>
  (tables[t] ??= { new: 0, known: 0, superseded: 0 });

/**
 * Applies a decoded payload all-or-nothing: every change is validated first, then
 * recorded and merged in one transaction (store.write). Changes already held count as
 * known, so replaying a bundle changes nothing. Changes stamped too far ahead are kept
 * aside in sync_held; the local clock advances only past the changes applied.
 */
export function applyPayload(
  store: Store,
  decoded: DecodedPayload,
  source: ImportSource,
  progress?: Progress,
  /** Runs inside the import's transaction (e.g. joining the region the bundle came with). */
  within?: () => void,
): ImportResult {
  const validated = validateWrites(decoded);
  const now = store.clock.now();
  const createdMs = Date.parse(source.createdAt);
  const { apply, held } = partitionByClock(
    validated.writes,
    now,
    Number.isNaN(createdMs) ? undefined : createdMs,
  );
  const names = new Map(decoded.meta.devices.map((d) => [d.id, d.name]));
  names.set(source.senderDevice, source.senderName);
  const nowIso = new Date(now).toISOString();

  return store.write(() => {
    const st = store.statements;
    const knowledgeBefore = ownKnowledge(store);
    const deviceIdx = registerDevices(store, names);

    // Held-back changes whose time the local clock has now reached go in with this bundle.
    const released = releaseHeld(store, now);
    for (const w of released)
      if (!deviceIdx.has(w.device)) deviceIdx.set(w.device, deviceIndex(store, w.device, ''));

    const rows = new Map<
      string,
      { table: TableName; rowId: string; writes: Write[]; added: FieldChange[] | null }
    >();
    for (const list of [released, apply])
      for (const w of list) {
        const key = `${w.table}\u0000${w.rowId}`;
        const row = rows.get(key);
        if (row) row.writes.push(w);
        else rows.set(key, { table: w.table, rowId: w.rowId, writes: [w], added: null });
      }

    const result: ImportResult = {
      changes: validated.changes,
      new: 0,
      known: 0,
      superseded: 0,
      held: 0,
      released: released.length,
      tables: {},
      devices: [],
      clockWarning: null,
    };
    const byDevice = new Map<string, number>();
    const materializer = new Materializer(store);
    const anyChange = st.get('SELECT 1 FROM changes WHERE tbl = ? AND row_id = ? LIMIT 1');
    const sameChange = st.get(
      'SELECT 1 FROM changes WHERE tbl = ? AND row_id = ? AND col = ? AND hlc = ? AND device = ?',
    );
    let maxApplied = 0;
    let done = 0;
    // New changes go to the log many at a time; rows are distinct, so none is probed before it is written.
    const batch: (string | number | null)[] = [];
    // Into an empty store (a new laptop taking a full bundle) every row is fresh.
    const emptyLog = !st.get('SELECT 1 FROM changes LIMIT 1').get();
    for (const row of rows.values()) {
      const isFresh = emptyLog || !anyChange.get(row.table, row.rowId);
      const seen = isFresh ? new Set<string>() : null;
      const counts = countsFor(result.tables, row.table);
      let added = 0;
      for (const w of row.writes) {
        const idx = deviceIdx.get(w.device)!;
        for (let i = 0; i < w.cols.length; i++) {
          const col = w.cols[i]!;
          let known: boolean;
          if (seen) {
            // A fresh row can only repeat a change inside this very bundle.
            const key = `${col}\u0000${w.hlc}\u0000${w.device}`;
            known = seen.has(key);
            seen.add(key);
          } else known = !!sameChange.get(row.table, row.rowId, col, w.hlc, idx);
          if (known) {
            counts.known++;
            continue;
          }
          batch.push(row.table, row.rowId, col, w.values[i]!, w.hlc, idx);
          if (!isFresh) (row.added ??= []).push({ col, value: w.values[i]!, hlc: w.hlc, device: w.device });
          added++;
          counts.new++;
          byDevice.set(w.device, (byDevice.get(w.device) ?? 0) + 1);
          if (w.hlc > maxApplied) maxApplied = w.hlc;
        }
      }
      const whole = batch.length - (batch.length % (MAX_BATCH * CHANGE_COLUMNS));
      if (whole) recordChanges(store, batch.splice(0, whole));
      if (added) materializer.enqueue(row.table, row.rowId, isFresh ? row.writes : undefined);
      else row.writes = [];
      if (++done % 2000 === 0) progress?.(done, rows.size, 'Merging changes');
    }
    recordChanges(store, batch);

    materializer.run((table, rowId, state) => {
      const row = rows.get(`${table}\u0000${rowId}`);
      if (!row) return;
      const counts = countsFor(result.tables, table);
      if (row.added) {
        for (const c of row.added) if (isSuperseded(c, state)) counts.superseded++;
        return;
      }
      const seen = new Set<string>();
      for (const c of changesOf(row.writes)) {
        const key = `${c.col}\u0000${c.hlc}\u0000${c.device}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (isSuperseded(c, state)) counts.superseded++;
      }
    });
    progress?.(rows.size, rows.size, 'Merging changes');

    // A change this store already applied (its clock had caught up) is known, not held.
    const toHold: Incoming[] = [];
    for (const w of held)
      for (const c of changesOf([w])) {
        const idx = deviceIdx.get(c.device);
        if (idx !== undefined && sameChange.get(w.table, w.rowId, c.col, c.hlc, idx))
          countsFor(result.tables, w.table).known++;
        else toHold.push({ ...c, table: w.table, rowId: w.rowId });
      }
    result.held = toHold.length;
    const heldSpans = holdBack(store, toHold, nowIso);
    if (decoded.meta.base && knowledgeCovers(knowledgeBefore, decoded.meta.base))
      addKnowledge(store, withoutSpans(decoded.meta.knowledge, heldSpans));
    recordPeer(store, {
      deviceId: source.senderDevice,
      name: source.senderName,
      publicKey: source.senderPublicKey,
      knowledge: withoutSpans(decoded.meta.knowledge, new Map()),
      createdAt: source.createdAt,
      takenAt: nowIso,
    });
    if (maxApplied > store.clock.last) store.clock.last = receiveHlc(store.clock.last, maxApplied, now);

    for (const t of Object.values(result.tables)) {
      result.new += t.new;
      result.known += t.known;
      result.superseded += t.superseded;
    }
    result.devices = [...byDevice].map(([deviceId, n]) => ({
      deviceId,
      name: names.get(deviceId) ?? '',
      new: n,
    }));
    result.clockWarning = clockWarning(store, source, toHold, now, nowIso);
    if (source.bundleHash)
      st.get(
        'INSERT OR IGNORE INTO sync_taken (bundle_hash, sender_device, created_at, knowledge, taken_at) VALUES (?, ?, ?, ?, ?)',
      ).run(
        source.bundleHash,
        source.senderDevice,
        source.createdAt,
        JSON.stringify(decoded.meta.knowledge),
        nowIso,
      );
    within?.();
    logSync(store, {
      at: nowIso,
      action: 'import',
      file: source.file,
      kind: source.kind,
      deviceId: source.senderDevice,
      deviceName: source.senderName,
      changes: result.changes,
      counts: { new: result.new, known: result.known, superseded: result.superseded, held: result.held },
      outcome: 'ok',
      message: '',
    });
    return result;
  });
}

const CHANGE_COLUMNS = 6;
const MAX_BATCH = 32;

/**
 * Appends received changes to the change log, many rows per statement: the same rows
 * recordChange (electron/db/writer.ts) would write, at a fraction of the per-call cost.
 */
function recordChanges(store: Store, values: (string | number | null)[]): void {
  for (let at = 0; at < values.length; at += MAX_BATCH * CHANGE_COLUMNS) {
    // Full batches share one prepared statement; only the tail needs another.
    const part = values.slice(at, at + MAX_BATCH * CHANGE_COLUMNS);
    const rows = part.length / CHANGE_COLUMNS;
    store.statements
      .get(
        `INSERT INTO changes (tbl, row_id, col, value, hlc, device) VALUES ${'(?, ?, ?, ?, ?, ?), '.repeat(rows - 1)}(?, ?, ?, ?, ?, ?)`,
      )
      .run(part);
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

function deviceIndex(store: Store, deviceId: string, name: string): number {
  const st = store.statements;
  st.get(
    `INSERT INTO devices (device_id, name) VALUES (?, ?)
     ON CONFLICT(device_id) DO UPDATE SET name = CASE WHEN devices.is_self = 1 OR excluded.name = '' THEN devices.name ELSE excluded.name END`,
  ).run(deviceId, name);
  return (st.get('SELECT idx FROM devices WHERE device_id = ?').get(deviceId) as { idx: number }).idx;
}

function registerDevices(store: Store, names: Map<string, string>): Map<string, number> {
  return new Map([...names].map(([id, name]) => [id, deviceIndex(store, id, name)]));
}
