import type { Removal, RemovalEffects } from '../../../shared/contract/removals.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { isTableName, type TableName } from '../../../shared/schema/tables.ts';
import type { Store } from '../../db/store.ts';
import { referencesOf } from '../../db/references.ts';
import { effectsOf, removalGroup, type RemovalGroup } from './dependents.ts';

/**
 * Removing a record and bringing it back. A removal is an ordinary tombstone in the change
 * log (so it syncs like any edit); what was removed together is remembered in the local
 * `removals` table so "Recently removed" can list it and Restore can bring it all back.
 *
 * Restore is a revival: the writer records `_deleted = 0` at a fresh clock, newer than the
 * tombstone, and the row takes back its last values. The merge rule (shared/sync/merge.ts)
 * lets the newest `_deleted` change decide, so a later revival beats an older tombstone on
 * every laptop, whatever order the bundles come in; each field keeps its own newest value,
 * so an edit another laptop made meanwhile is not overwritten by the restore.
 */

interface RemovalRow {
  id: number;
  tbl: string;
  row_id: string;
  label: string;
  cluster_id: string | null;
  cluster_name: string | null;
  rows: string;
  removed_at: string;
  restored_at: string | null;
}

/** The words a coach knows a record by: its name, title, action … whichever it has. */
export function labelOf(row: Record<string, unknown>): string {
  for (const col of ['name', 'title', 'action', 'story', 'outcome_note', 'note', 'date', 'tag', 'term']) {
    const v = row[col];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
  }
  return '';
}

function clusterOf(store: Store, table: TableName, row: Record<string, unknown>): string | null {
  if (table === 'clusters') return null;
  if (typeof row.cluster_id === 'string') return row.cluster_id;
  const viaSchool = (schoolId: unknown) =>
    typeof schoolId === 'string'
      ? ((
          store.statements.get('SELECT cluster_id FROM schools WHERE id = ?').get(schoolId) as
            { cluster_id: string } | undefined
        )?.cluster_id ?? null)
      : null;
  if (typeof row.session_id === 'string')
    return (
      (
        store.statements.get('SELECT cluster_id FROM sessions WHERE id = ?').get(row.session_id) as
          { cluster_id: string } | undefined
      )?.cluster_id ?? null
    );
  return viaSchool(row.school_id);
}

function currentRow(store: Store, table: TableName, id: string): Record<string, unknown> {
  const row = store.statements.get(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;
  if (!row)
    throw new PamojaError('not_found', 'This record is not here any more: it may have been removed already.');
  return row;
}

export function previewRemoval(store: Store, table: TableName, id: string): RemovalEffects {
  currentRow(store, table, id);
  return effectsOf(removalGroup(store, table, id));
}

export function removeRecord(store: Store, table: TableName, id: string): Removal {
  const removalId = store.write((w) => {
    const row = currentRow(store, table, id);
    const group = removalGroup(store, table, id);
    for (const u of group.unlinked) w.update(u.table, u.id, { [u.col]: null } as never);
    // Children first, so no moment exists where a child points at a missing parent.
    for (const r of [...group.removed].reverse()) w.remove(r.table, r.id);
    const result = store.statements
      .get(
        `INSERT INTO removals (tbl, row_id, label, cluster_id, rows, removed_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        table,
        id,
        labelOf(row),
        clusterOf(store, table, row),
        JSON.stringify(group),
        new Date(store.clock.now()).toISOString(),
      );
    return Number(result.lastInsertRowid);
  });
  return getRemoval(store, removalId);
}

const SELECT_REMOVAL = `SELECT r.*, c.name AS cluster_name FROM removals r LEFT JOIN clusters c ON c.id = r.cluster_id`;

function toRemoval(r: RemovalRow): Removal {
  const group = JSON.parse(r.rows) as RemovalGroup;
  return {
    id: r.id,
    table: isTableName(r.tbl) ? r.tbl : 'clusters',
    rowId: r.row_id,
    label: r.label,
    clusterId: r.cluster_id,
    clusterName: r.cluster_name,
    removedAt: r.removed_at,
    effects: effectsOf(group),
  };
}

function getRemoval(store: Store, id: number): Removal {
  const r = store.statements.get(`${SELECT_REMOVAL} WHERE r.id = ?`).get(id) as RemovalRow | undefined;
  if (!r) throw new PamojaError('not_found', 'Nothing was removed under that number.');
  return toRemoval(r);
}

/**
 * Recently removed, newest first. A record that came back another way (restored on
 * another laptop and synced here) is left out, as is one removed again later.
 */
export function listRemovals(store: Store, limit: number, clusterId?: string): Removal[] {
  const rows = store.statements
    .get(
      `${SELECT_REMOVAL} WHERE r.restored_at IS NULL AND (@cluster IS NULL OR r.cluster_id = @cluster)
       AND NOT EXISTS (SELECT 1 FROM removals later WHERE later.tbl = r.tbl AND later.row_id = r.row_id AND later.id > r.id)
       ORDER BY r.id DESC LIMIT @limit`,
    )
    .all({ cluster: clusterId ?? null, limit: limit * 2 }) as RemovalRow[];
  const stillGone = rows.filter(
    (r) => !isTableName(r.tbl) || !store.statements.get(`SELECT 1 FROM ${r.tbl} WHERE id = ?`).get(r.row_id),
  );
  return stillGone.slice(0, limit).map(toRemoval);
}

/** Brings back everything one removal took, as it was, and the links it emptied. */
export function restoreRemoval(
  store: Store,
  id: number,
): { table: TableName; rowId: string; restored: number } {
  return store.write((w) => {
    const r = store.statements.get(`${SELECT_REMOVAL} WHERE r.id = ?`).get(id) as RemovalRow | undefined;
    if (!r) throw new PamojaError('not_found', 'Nothing was removed under that number.');
    if (r.restored_at) throw new PamojaError('conflict', 'This was restored already.');
    const group = JSON.parse(r.rows) as RemovalGroup;
    const refs = referencesOf(store.db).of;
    const exists = (table: string, rowId: string) =>
      store.statements.get(`SELECT 1 FROM ${table} WHERE id = ?`).get(rowId) !== undefined;
    let restored = 0;
    for (const row of group.removed) {
      if (exists(row.table, row.id)) continue;
      const values = w.lastValues(row.table, row.id);
      const dangling: Record<string, null> = {};
      for (const ref of refs.get(row.table) ?? []) {
        const parentId = values[ref.col];
        if (typeof parentId !== 'string' || exists(ref.parent, parentId)) continue;
        if (!ref.nullable)
          throw new PamojaError(
            'conflict',
            `This cannot come back on its own: the ${parentNoun[ref.parent] ?? ref.parent} it belongs to was removed too. Restore that first.`,
          );
        dangling[ref.col] = null;
      }
      w.restore(row.table, row.id, dangling);
      restored++;
    }
    for (const u of group.unlinked) {
      if (!exists(u.table, u.id) || !exists(referencedTable(refs, u), u.parentId)) continue;
      const now = store.statements.get(`SELECT ${u.col} AS v FROM ${u.table} WHERE id = ?`).get(u.id) as {
        v: unknown;
      };
      // Only put the link back where nobody has set it to something else since.
      if (now.v === null) w.update(u.table, u.id, { [u.col]: u.parentId } as never);
    }
    store.statements
      .get('UPDATE removals SET restored_at = ? WHERE id = ?')
      .run(new Date(store.clock.now()).toISOString(), id);
    return { table: isTableName(r.tbl) ? r.tbl : 'clusters', rowId: r.row_id, restored };
  });
}

function referencedTable(
  refs: ReturnType<typeof referencesOf>['of'],
  u: { table: TableName; col: string },
): string {
  return refs.get(u.table)?.find((ref) => ref.col === u.col)?.parent ?? u.table;
}

/** How a message names a parent record. */
const parentNoun: Partial<Record<TableName, string>> = {
  clusters: 'CoP',
  schools: 'school',
  members: 'member',
  sessions: 'session',
  practices: 'practice',
  commitments: 'commitment',
};
