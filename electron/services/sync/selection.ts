import { PamojaError } from '../../../shared/errors.ts';
import type { Store } from '../../db/store.ts';
import { columnsOf, tableNames } from '../../../shared/schema/tables.ts';

/** The scope a receipt's header names. */
export const RECEIPT_SCOPE = 'receipt';

/** A part of the store to carry: clusters with what hangs off them, and/or the practice library. */
export interface Selection {
  clusters?: string[];
  practices?: boolean;
  /** No rows at all: a receipt, whose signed knowledge alone tells the sender what arrived (email). */
  receipt?: boolean;
}

/**
 * Fills temp.sync_selection (tbl, row_id) with the rows a selective bundle carries:
 * - for clusters: the cluster rows, their region, neighbour links, schools, members,
 *   priorities, indicators, sessions, attendance, commitments and reviews, plus the
 *   practices that started there or were adopted there, with their evidence and adoptions;
 * - for the practice library: every practice, evidence and adoption row ever recorded
 *   (including deletions, so a removed practice stays removed).
 */
export function selectRows(store: Store, sel: Selection): { scope: string } {
  const db = store.db;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS sync_selection (tbl TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID;
           CREATE TEMP TABLE IF NOT EXISTS sync_sel_clusters (id TEXT PRIMARY KEY) WITHOUT ROWID;
           DELETE FROM temp.sync_selection; DELETE FROM temp.sync_sel_clusters;`);
  const scope: string[] = [];
  const clusters = [...new Set(sel.clusters ?? [])];
  if (clusters.length) {
    const put = db.prepare('INSERT INTO temp.sync_sel_clusters (id) VALUES (?)');
    const names: string[] = [];
    for (const id of clusters) {
      const c = db.prepare('SELECT name FROM clusters WHERE id = ?').get(id) as { name: string } | undefined;
      if (!c) throw new PamojaError('not_found', `No cluster with id ${id}`, 'clusters');
      put.run(id);
      names.push(c.name);
    }
    scope.push(`clusters: ${names.join(', ')}`);
    const inSel = 'IN (SELECT id FROM temp.sync_sel_clusters)';
    const schoolsSel = `IN (SELECT id FROM schools WHERE cluster_id ${inSel})`;
    const practicesSel = `IN (SELECT id FROM practices WHERE origin_cluster_id ${inSel}
      UNION SELECT practice_id FROM adoptions WHERE cluster_id ${inSel} OR school_id ${schoolsSel})`;
    const parts: [string, string][] = [
      ['regions', `SELECT region_id AS id FROM clusters WHERE id ${inSel}`],
      ['clusters', 'SELECT id FROM temp.sync_sel_clusters'],
      ['cluster_neighbours', `SELECT id FROM cluster_neighbours WHERE cluster_id ${inSel}`],
      ['schools', `SELECT id FROM schools WHERE cluster_id ${inSel}`],
      ['members', `SELECT id FROM members WHERE cluster_id ${inSel}`],
      ['priorities', `SELECT id FROM priorities WHERE cluster_id ${inSel}`],
      ['indicators', `SELECT id FROM indicators WHERE school_id ${schoolsSel}`],
      ['sessions', `SELECT id FROM sessions WHERE cluster_id ${inSel}`],
      [
        'attendance',
        `SELECT id FROM attendance WHERE session_id IN (SELECT id FROM sessions WHERE cluster_id ${inSel})`,
      ],
      ['commitments', `SELECT id FROM commitments WHERE cluster_id ${inSel}`],
      [
        'commitment_reviews',
        `SELECT id FROM commitment_reviews WHERE commitment_id IN (SELECT id FROM commitments WHERE cluster_id ${inSel})`,
      ],
      ['practices', `SELECT id FROM practices WHERE id ${practicesSel}`],
      ['practice_evidence', `SELECT id FROM practice_evidence WHERE practice_id ${practicesSel}`],
      ['practice_origins', `SELECT id FROM practice_origins WHERE practice_id ${practicesSel}`],
      [
        'adoptions',
        `SELECT id FROM adoptions WHERE practice_id ${practicesSel} OR cluster_id ${inSel} OR school_id ${schoolsSel}`,
      ],
    ];
    // Tables added later that belong to a cluster come along by their cluster_id.
    for (const table of tableNames)
      if (!parts.some(([t]) => t === table) && (columnsOf(table) as string[]).includes('cluster_id'))
        parts.push([table, `SELECT id FROM ${table} WHERE cluster_id ${inSel}`]);
    for (const [table, select] of parts) {
      db.prepare(
        `INSERT OR IGNORE INTO temp.sync_selection (tbl, row_id) SELECT ?, x.id FROM (${select}) x`,
      ).run(table);
    }
  }
  if (sel.practices) {
    scope.push('practice library');
    db.prepare(
      `INSERT OR IGNORE INTO temp.sync_selection (tbl, row_id)
       SELECT DISTINCT tbl, row_id FROM changes WHERE tbl IN ('practices', 'practice_evidence', 'adoptions', 'practice_origins')`,
    ).run();
  }
  if (sel.receipt && !scope.length) scope.push(RECEIPT_SCOPE);
  if (!scope.length)
    throw new PamojaError('invalid', 'A selective bundle needs clusters or the practice library.');
  return { scope: scope.join('; ') };
}
