import { hlcWall } from '../../../shared/clock.ts';
import { senderClockAheadMs } from '../../../shared/sync/clockGuard.ts';
import type { Range } from '../../../shared/sync/knowledge.ts';
import type { TableName } from '../../../shared/schema/tables.ts';
import type { Store } from '../../db/store.ts';
import type { Incoming, Write } from '../../../shared/sync/writes.ts';
import { partitionByClock } from './validateChanges.ts';

interface HeldRow {
  tbl: TableName;
  row_id: string;
  col: string;
  value: string | number | null;
  hlc: number;
  device_id: string;
}

/** Held-back changes the local clock has now reached: taken out of sync_held to be imported. */
export function releaseHeld(store: Store, now: number): Write[] {
  const rows = store.statements
    .get('SELECT tbl, row_id, col, value, hlc, device_id FROM sync_held')
    .all() as HeldRow[];
  const writes = rows.map((r): Write => ({
    table: r.tbl,
    rowId: r.row_id,
    hlc: r.hlc,
    device: r.device_id,
    cols: [r.col],
    values: [r.value],
  }));
  const ready = partitionByClock(writes, now, undefined).apply;
  const del = store.statements.get(
    'DELETE FROM sync_held WHERE tbl = ? AND row_id = ? AND col = ? AND hlc = ? AND device_id = ?',
  );
  for (const w of ready) del.run(w.table, w.rowId, w.cols[0], w.hlc, w.device);
  return ready;
}

/** Held-back changes so far in one import: how many, the span per device, the furthest ahead. */
export interface HeldTally {
  count: number;
  spans: Map<string, Range>;
  worst: Incoming | undefined;
}

export const emptyTally = (): HeldTally => ({ count: 0, spans: new Map(), worst: undefined });

/** Keeps held-back changes aside, adding them to `tally` (their spans are left out of knowledge). */
export function holdBack(store: Store, held: Iterable<Incoming>, nowIso: string, tally: HeldTally): void {
  const put = store.statements.get(
    `INSERT OR IGNORE INTO sync_held (tbl, row_id, col, value, hlc, device_id, held_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of held) {
    put.run(c.table, c.rowId, c.col, c.value, c.hlc, c.device, nowIso);
    const s = tally.spans.get(c.device);
    tally.spans.set(c.device, s ? [Math.min(s[0], c.hlc), Math.max(s[1], c.hlc)] : [c.hlc, c.hlc]);
    tally.count++;
    if (!tally.worst || c.hlc > tally.worst.hlc) tally.worst = c;
  }
}

export interface ClockWarning {
  deviceId: string;
  deviceName: string;
  aheadMs: number;
}

/** Records (and returns) a warning when a bundle was made, or changes were stamped, too far ahead. */
export function clockWarning(
  store: Store,
  source: { senderDevice: string; createdAt: string; file: string },
  held: HeldTally,
  now: number,
  nowIso: string,
): ClockWarning | null {
  const createdAhead = senderClockAheadMs(Date.parse(source.createdAt), now) ?? 0;
  const heldAhead = held.worst ? Math.max(0, hlcWall(held.worst.hlc) - now) : 0;
  if (!held.count && !createdAhead) return null;
  // Name the device whose clock ran ahead: the origin of the furthest held change, else the sender.
  const deviceId = held.worst?.device ?? source.senderDevice;
  const named = store.statements.get('SELECT name FROM devices WHERE device_id = ?').get(deviceId) as
    { name: string } | undefined;
  const deviceName = named?.name ?? '';
  const aheadMs = Math.max(createdAhead, heldAhead);
  store.statements
    .get(
      'INSERT INTO sync_clock_warnings (at, device_id, device_name, ahead_ms, held, file) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(nowIso, deviceId, deviceName, Math.round(aheadMs), held.count, source.file);
  return { deviceId, deviceName, aheadMs };
}
