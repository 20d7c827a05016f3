import type { Store } from '../../db/store.ts';

export interface SyncLogEntry {
  at: string;
  action: 'export' | 'import';
  file: string;
  kind: string;
  deviceId: string;
  deviceName: string;
  changes: number;
  counts: Record<string, unknown>;
  outcome: 'ok' | 'failed';
  message: string;
}

export function logSync(store: Store, e: SyncLogEntry): void {
  store.statements
    .get(
      `INSERT INTO sync_log (at, action, file, kind, device_id, device_name, changes, counts, outcome, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.at,
      e.action,
      e.file,
      e.kind,
      e.deviceId,
      e.deviceName,
      e.changes,
      JSON.stringify(e.counts),
      e.outcome,
      e.message,
    );
}

interface LogRow {
  id: number;
  at: string;
  action: 'export' | 'import';
  file: string;
  kind: string;
  device_id: string;
  device_name: string;
  changes: number;
  counts: string;
  outcome: 'ok' | 'failed';
  message: string;
}

/** The newest entries first. */
export function readSyncLog(store: Store, limit = 200): (SyncLogEntry & { id: number })[] {
  const rows = store.statements.get('SELECT * FROM sync_log ORDER BY id DESC LIMIT ?').all(limit) as LogRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    file: r.file,
    kind: r.kind,
    deviceId: r.device_id,
    deviceName: r.device_name,
    changes: r.changes,
    counts: JSON.parse(r.counts) as Record<string, unknown>,
    outcome: r.outcome,
    message: r.message,
  }));
}
