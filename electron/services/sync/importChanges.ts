import { receiveHlc, hlcWall } from '../../../shared/clock.ts';
import { knowledgeCovers, withoutSpans, type Range } from '../../../shared/sync/knowledge.ts';
import { compareStamps, DELETED, type FieldChange, type RowState } from '../../../shared/sync/merge.ts';
import type { DecodedPayload } from '../../../shared/sync/payload.ts';
import { senderClockAheadMs } from '../../../shared/sync/clockGuard.ts';
import type { Store } from '../../db/store.ts';
import type { TableName } from '../../../shared/schema/tables.ts';
import { addKnowledge, ownKnowledge, recordPeer } from './knowledgeStore.ts';
import { Materializer } from './materialize.ts';
import { logSync } from './syncLog.ts';
import { partitionByClock, validateChanges, type Incoming } from './validateChanges.ts';

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
  clockWarning: { deviceId: string; deviceName: string; aheadMs: number } | null;
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
  const validated = validateChanges(decoded);
  const now = store.clock.now();
  const createdMs = Date.parse(source.createdAt);
  const { apply, held } = partitionByClock(validated, now, Number.isNaN(createdMs) ? undefined : createdMs);
  const names = new Map(decoded.meta.devices.map((d) => [d.id, d.name]));
  names.set(source.senderDevice, source.senderName);
  const nowIso = new Date(now).toISOString();

  return store.write(() => {
    const st = store.statements;
    const knowledgeBefore = ownKnowledge(store);
    const deviceIdx = registerDevices(store, names);

    // Held-back changes whose time the local clock has now reached go in with this bundle.
    const released = releaseHeld(store, now);
    for (const c of released)
      if (!deviceIdx.has(c.device)) deviceIdx.set(c.device, deviceIndex(store, c.device, ''));
    const incoming = released.length ? [...released, ...apply] : apply;

    const rows = new Map<string, { table: TableName; rowId: string; changes: Incoming[] }>();
    for (const c of incoming) {
      const key = `${c.table}\u0000${c.rowId}`;
      const row = rows.get(key);
      if (row) row.changes.push(c);
      else rows.set(key, { table: c.table, rowId: c.rowId, changes: [c] });
    }

    const result: ImportResult = {
      changes: validated.length,
      new: 0,
      known: 0,
      superseded: 0,
      held: held.length,
      released: released.length,
      tables: {},
      devices: [],
      clockWarning: null,
    };
    const byDevice = new Map<string, number>();
    const fresh = new Map<string, FieldChange[]>();
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
    for (const [key, row] of rows) {
      const isFresh = emptyLog || !anyChange.get(row.table, row.rowId);
      const seen = new Set<string>();
      const added: FieldChange[] = [];
      const counts = countsFor(result.tables, row.table);
      for (const c of row.changes) {
        const idx = deviceIdx.get(c.device)!;
        const id = `${c.col}\u0000${c.hlc}\u0000${c.device}`;
        if (seen.has(id) || (!isFresh && sameChange.get(row.table, row.rowId, c.col, c.hlc, idx))) {
          counts.known++;
          continue;
        }
        seen.add(id);
        batch.push(row.table, row.rowId, c.col, c.value, c.hlc, idx);
        added.push(c);
        counts.new++;
        byDevice.set(c.device, (byDevice.get(c.device) ?? 0) + 1);
        if (c.hlc > maxApplied) maxApplied = c.hlc;
      }
      const whole = batch.length - (batch.length % (MAX_BATCH * CHANGE_COLUMNS));
      if (whole) recordChanges(store, batch.splice(0, whole));
      if (added.length) {
        fresh.set(key, added);
        materializer.enqueue(row.table, row.rowId, isFresh ? added : undefined);
      }
      if (++done % 2000 === 0) progress?.(done, rows.size, 'Merging changes');
    }

    recordChanges(store, batch);
    materializer.run((table, rowId, state) => {
      const added = fresh.get(`${table}\u0000${rowId}`);
      if (!added) return;
      for (const c of added) if (isSuperseded(c, state)) countsFor(result.tables, table).superseded++;
    });
    progress?.(rows.size, rows.size, 'Merging changes');

    // A change this store already applied (its clock had caught up) is known, not held.
    const toHold = held.filter((c) => {
      const idx = deviceIdx.get(c.device);
      if (idx === undefined || !sameChange.get(c.table, c.rowId, c.col, c.hlc, idx)) return true;
      countsFor(result.tables, c.table).known++;
      return false;
    });
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
  if (state.kind === 'deleted') return c.col !== DELETED;
  if (c.col === DELETED) return true;
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

interface HeldRow {
  tbl: TableName;
  row_id: string;
  col: string;
  value: string | number | null;
  hlc: number;
  device_id: string;
}

function releaseHeld(store: Store, now: number): Incoming[] {
  const rows = store.statements
    .get('SELECT tbl, row_id, col, value, hlc, device_id FROM sync_held')
    .all() as HeldRow[];
  const ready = rows.filter((r) => !partitionByClock([asIncoming(r)], now, undefined).held.length);
  const del = store.statements.get(
    'DELETE FROM sync_held WHERE tbl = ? AND row_id = ? AND col = ? AND hlc = ? AND device_id = ?',
  );
  for (const r of ready) del.run(r.tbl, r.row_id, r.col, r.hlc, r.device_id);
  return ready.map(asIncoming);
}

const asIncoming = (r: HeldRow): Incoming => ({
  table: r.tbl,
  rowId: r.row_id,
  col: r.col,
  value: r.value,
  hlc: r.hlc,
  device: r.device_id,
});

/** Keeps held-back changes aside; returns per device the span they cover (left out of knowledge). */
function holdBack(store: Store, held: Incoming[], nowIso: string): Map<string, Range> {
  const spans = new Map<string, Range>();
  const put = store.statements.get(
    `INSERT OR IGNORE INTO sync_held (tbl, row_id, col, value, hlc, device_id, held_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of held) {
    put.run(c.table, c.rowId, c.col, c.value, c.hlc, c.device, nowIso);
    const s = spans.get(c.device);
    spans.set(c.device, s ? [Math.min(s[0], c.hlc), Math.max(s[1], c.hlc)] : [c.hlc, c.hlc]);
  }
  return spans;
}

function clockWarning(
  store: Store,
  source: ImportSource,
  held: Incoming[],
  now: number,
  nowIso: string,
): ImportResult['clockWarning'] {
  const createdAhead = senderClockAheadMs(Date.parse(source.createdAt), now) ?? 0;
  const heldAhead = held.reduce((m, c) => Math.max(m, hlcWall(c.hlc) - now), 0);
  if (!held.length && !createdAhead) return null;
  // Name the device whose clock ran ahead: the origin of the furthest held change, else the sender.
  const worst = held.reduce<Incoming | undefined>((w, c) => (!w || c.hlc > w.hlc ? c : w), undefined);
  const deviceId = worst?.device ?? source.senderDevice;
  const deviceName =
    (
      store.statements.get('SELECT name FROM devices WHERE device_id = ?').get(deviceId) as
        { name: string } | undefined
    )?.name ?? '';
  const aheadMs = Math.max(createdAhead, heldAhead);
  store.statements
    .get(
      'INSERT INTO sync_clock_warnings (at, device_id, device_name, ahead_ms, held, file) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(nowIso, deviceId, deviceName, Math.round(aheadMs), held.length, source.file);
  return { deviceId, deviceName, aheadMs };
}
