import type { ClusterTermFigures, FiguresRow } from '../../../shared/contract/figures.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { previousTerm } from '../../../shared/reports/period.ts';
import { indicatorNames, type IndicatorName } from '../../../shared/schema/enums.ts';
import { termOf } from '../../../shared/sessions/completion.ts';
import { conflictingVersions } from '../../../shared/sync/conflicts.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';
import { fieldHistory } from '../sync/fieldHistory.ts';

/** SQL and reads of the `indicators` table for one cluster and term. */
export function clusterSchools(store: Store, clusterId: string): { id: string; name: string }[] {
  return store.statements
    .get('SELECT id, name FROM schools WHERE cluster_id = ? ORDER BY name')
    .all(clusterId) as { id: string; name: string }[];
}

export function clusterName(store: Store, clusterId: string): string {
  const row = store.statements.get('SELECT name FROM clusters WHERE id = ?').get(clusterId) as
    { name: string } | undefined;
  if (!row) throw new PamojaError('not_found', `No cluster with id ${clusterId}`);
  return row.name;
}

type IndicatorsRow = { id: string; school_id: string } & Record<IndicatorName, number | null>;

/** Each school's stored row for the term, by school id. */
export function termRows(store: Store, clusterId: string, term: string): Map<string, IndicatorsRow> {
  const rows = store.statements
    .get(
      `SELECT i.* FROM indicators i JOIN schools s ON s.id = i.school_id
       WHERE s.cluster_id = ? AND i.term = ?`,
    )
    .all(clusterId, term) as IndicatorsRow[];
  return new Map(rows.map((r) => [r.school_id, r]));
}

export const figuresOf = (row: IndicatorsRow | undefined): FiguresRow | null =>
  row ? Object.fromEntries(indicatorNames.map((n) => [n, row[n]])) : null;

function clusterTerms(store: Store, clusterId: string, term: string, today: string): string[] {
  const stored = store.statements
    .get(
      `SELECT DISTINCT i.term FROM indicators i JOIN schools s ON s.id = i.school_id
       WHERE s.cluster_id = ?`,
    )
    .pluck()
    .all(clusterId) as string[];
  return [...new Set([...stored, term, termOf(today)])].sort().reverse();
}

/** The figures grid of one cluster and term: every school, its figures and last term's. */
export function getTermFigures(
  store: Store,
  clusterId: string,
  term?: string,
  today = todayIso(),
): ClusterTermFigures {
  const name = clusterName(store, clusterId);
  const chosen = term ?? termOf(today);
  const before = previousTerm(chosen);
  const now = termRows(store, clusterId, chosen);
  const earlier = termRows(store, clusterId, before);
  const schools = clusterSchools(store, clusterId);
  return {
    clusterId,
    clusterName: name,
    term: chosen,
    previousTerm: before,
    terms: clusterTerms(store, clusterId, chosen, today),
    schools: schools.map((s) => ({
      id: s.id,
      name: s.name,
      figures: figuresOf(now.get(s.id)),
      previous: figuresOf(earlier.get(s.id)),
    })),
    alsoEdited: alsoEdited(store, [...now.values()]),
  };
}

/**
 * Figures another laptop wrote differently. Only rows whose log holds writes from more
 * than one laptop are looked at, so a grid entered on one laptop costs one query.
 */
function alsoEdited(store: Store, rows: IndicatorsRow[]): ClusterTermFigures['alsoEdited'] {
  if (rows.length === 0) return [];
  const shared = store.statements
    .get(
      `SELECT row_id FROM changes WHERE tbl = 'indicators'
         AND row_id IN (SELECT value FROM json_each(?))
       GROUP BY row_id HAVING count(DISTINCT device) > 1`,
    )
    .pluck()
    .all(JSON.stringify(rows.map((r) => r.id))) as string[];
  const out: ClusterTermFigures['alsoEdited'] = [];
  for (const rowId of shared) {
    const row = rows.find((r) => r.id === rowId)!;
    for (const indicator of indicatorNames) {
      const other = conflictingVersions(fieldHistory(store, 'indicators', rowId, indicator))[0];
      if (!other) continue;
      out.push({
        schoolId: row.school_id,
        indicator,
        value: typeof other.value === 'number' ? other.value : null,
        at: other.at,
        deviceName: other.deviceName,
        self: other.self,
      });
    }
  }
  return out;
}
