import type { ClusterDetail, TrendPoint } from '../../../shared/contract/clusters.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { distanceKm } from '../../../shared/geo.ts';
import type { IndicatorName } from '../../../shared/schema/enums.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';
import { alignTrend, type TermAverage } from '../../../shared/charts/trend.ts';

interface ClusterRow {
  id: string;
  name: string;
  place: string;
  lat: number;
  lon: number;
  coach_name: string;
  criteria: string;
  region_name: string;
}

export function listClusters(store: Store): { id: string; name: string; place: string }[] {
  return store.statements.get('SELECT id, name, place FROM clusters ORDER BY name').all() as {
    id: string;
    name: string;
    place: string;
  }[];
}

/** The ids of a cluster's declared neighbours (the link is kept in either direction). */
export function neighbourIds(store: Store, clusterId: string): string[] {
  const rows = store.statements
    .get(
      `SELECT neighbour_id AS id FROM cluster_neighbours WHERE cluster_id = ?
       UNION SELECT cluster_id AS id FROM cluster_neighbours WHERE neighbour_id = ?`,
    )
    .all(clusterId, clusterId) as { id: string }[];
  return rows.map((r) => r.id);
}

export function getCluster(store: Store, id: string, today = todayIso()): ClusterDetail {
  const s = store.statements;
  const cluster = s
    .get(
      `SELECT c.id, c.name, c.place, c.lat, c.lon, c.coach_name, c.criteria, r.name AS region_name
       FROM clusters c JOIN regions r ON r.id = c.region_id WHERE c.id = ?`,
    )
    .get(id) as ClusterRow | undefined;
  if (!cluster) throw new PamojaError('not_found', `No cluster with id ${id}`);

  const neighbours = neighbourIds(store, id)
    .map(
      (nid) =>
        s.get('SELECT id, name, lat, lon FROM clusters WHERE id = ?').get(nid) as ClusterRow | undefined,
    )
    .filter((n): n is ClusterRow => n !== undefined)
    .map((n) => ({
      id: n.id,
      name: n.name,
      distanceKm: Math.round(distanceKm(cluster.lat, cluster.lon, n.lat, n.lon) * 10) / 10,
    }))
    .sort((a, b) => a.distanceKm - b.distanceKm);

  const schools = s
    .get(
      `SELECT id, name, head_name AS headName, setting, learners, teachers, lat, lon,
         official_code AS officialCode, closed_on AS closedOn, closed_reason AS closedReason
       FROM schools WHERE cluster_id = ? ORDER BY closed_on IS NOT NULL, name`,
    )
    .all(id) as ClusterDetail['schools'];
  const members = s
    .get(
      `SELECT m.id, m.name, m.role, sc.name AS schoolName, m.school_id AS schoolId, m.phone, m.gender,
         m.left_on AS leftOn
       FROM members m LEFT JOIN schools sc ON sc.id = m.school_id
       WHERE m.cluster_id = ? ORDER BY m.left_on IS NOT NULL, m.role = 'coach' DESC, m.name`,
    )
    .all(id) as ClusterDetail['members'];
  const priorities = s
    .get(
      `SELECT id, tag, title, rank, agreed_on AS agreedOn, period
       FROM priorities WHERE cluster_id = ? ORDER BY rank`,
    )
    .all(id) as ClusterDetail['priorities'];
  const recentSessions = s
    .get(
      `SELECT se.id, se.date, se.kind, se.mode, se.status, se.title,
         (SELECT count(*) FROM attendance a WHERE a.session_id = se.id AND a.status = 'present') AS present
       FROM sessions se WHERE se.cluster_id = ? ORDER BY se.date DESC LIMIT 8`,
    )
    .all(id) as ClusterDetail['recentSessions'];
  const openCommitments = (
    s
      .get(
        `SELECT c.id, c.action, m.name AS ownerName, c.due_date AS dueDate, c.status
         FROM commitments c JOIN members m ON m.id = c.owner_member_id
         WHERE c.cluster_id = ? AND c.status IN ('open', 'partly')
         ORDER BY c.due_date`,
      )
      .all(id) as Omit<ClusterDetail['openCommitments'][number], 'overdue'>[]
  ).map((c) => ({ ...c, overdue: c.dueDate < today }));

  return {
    id: cluster.id,
    name: cluster.name,
    place: cluster.place,
    lat: cluster.lat,
    lon: cluster.lon,
    coachName: cluster.coach_name,
    regionName: cluster.region_name,
    criteria: JSON.parse(cluster.criteria) as string[],
    neighbours,
    schools,
    members,
    priorities,
    recentSessions,
    openCommitments,
  };
}

/** Averages of one indicator per term over the schools of the given clusters. */
export function termAverages(
  store: Store,
  indicator: IndicatorName,
  clusterIds: string[] | 'all',
): TermAverage[] {
  // `indicator` is an enum member (validated), so naming the column is safe.
  const where = clusterIds === 'all' ? '' : `WHERE s.cluster_id IN (SELECT value FROM json_each(?))`;
  const params = clusterIds === 'all' ? [] : [JSON.stringify(clusterIds)];
  return store.statements
    .get(
      `SELECT i.term AS term, avg(i.${indicator}) AS value
       FROM indicators i JOIN schools s ON s.id = i.school_id ${where}
       GROUP BY i.term ORDER BY i.term`,
    )
    .all(...params) as TermAverage[];
}

export function clusterTrend(store: Store, id: string, indicator: IndicatorName): TrendPoint[] {
  if (!store.statements.get('SELECT 1 FROM clusters WHERE id = ?').get(id)) {
    throw new PamojaError('not_found', `No cluster with id ${id}`);
  }
  const neighbours = neighbourIds(store, id);
  return alignTrend(
    termAverages(store, indicator, [id]),
    neighbours.length ? termAverages(store, indicator, neighbours) : [],
    termAverages(store, indicator, 'all'),
  );
}
