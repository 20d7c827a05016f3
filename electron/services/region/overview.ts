import type { ClusterSummary, RegionOverview } from '../../../shared/contract/region.ts';
import type { PriorityTag } from '../../../shared/schema/enums.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';

type Counts = Map<string, number>;

/** Whether the store holds a region yet (a new laptop's store does not). */
export function hasRegion(store: Store): boolean {
  return store.statements.get('SELECT 1 FROM regions LIMIT 1').get() !== undefined;
}

function countsBy(store: Store, sql: string, ...params: unknown[]): Counts {
  const rows = store.statements.get(sql).all(...params) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * The region at a glance: every cluster with its size, priorities, last session,
 * commitments and headline indicators. A handful of grouped queries, so it stays fast
 * with hundreds of clusters.
 */
export function regionOverview(store: Store, today = todayIso()): RegionOverview {
  const s = store.statements;
  const region = (s.get('SELECT id, name, country FROM regions ORDER BY name LIMIT 1').get() ?? null) as
    RegionOverview['region'] | null;
  const latestTerm = (s.get('SELECT max(term) AS term FROM indicators').get() as { term: string | null })
    .term;

  const clusters = s
    .get('SELECT id, name, place, lat, lon, coach_name AS coachName FROM clusters ORDER BY name')
    .all() as Pick<ClusterSummary, 'id' | 'name' | 'place' | 'lat' | 'lon' | 'coachName'>[];
  const schools = countsBy(store, 'SELECT cluster_id AS id, count(*) AS n FROM schools GROUP BY cluster_id');
  const learners = countsBy(
    store,
    'SELECT cluster_id AS id, sum(learners) AS n FROM schools GROUP BY cluster_id',
  );
  const members = countsBy(store, 'SELECT cluster_id AS id, count(*) AS n FROM members GROUP BY cluster_id');
  const open = countsBy(
    store,
    `SELECT cluster_id AS id, count(*) AS n FROM commitments WHERE status IN ('open','partly') GROUP BY cluster_id`,
  );
  const overdue = countsBy(
    store,
    `SELECT cluster_id AS id, count(*) AS n FROM commitments
     WHERE status IN ('open','partly') AND due_date < ? GROUP BY cluster_id`,
    today,
  );
  const lastSession = new Map(
    (
      s
        .get(
          `SELECT cluster_id AS id, max(date) AS date FROM sessions
           WHERE status = 'held' GROUP BY cluster_id`,
        )
        .all() as { id: string; date: string }[]
    ).map((r) => [r.id, r.date]),
  );
  const priorities = new Map<string, PriorityTag[]>();
  for (const p of s.get('SELECT cluster_id AS id, tag FROM priorities ORDER BY rank').all() as {
    id: string;
    tag: PriorityTag;
  }[]) {
    priorities.set(p.id, [...(priorities.get(p.id) ?? []), p.tag]);
  }
  const latest = new Map(
    (
      s
        .get(
          `SELECT s.cluster_id AS id, avg(i.attendance_rate) AS attendance_rate,
             avg(i.dropout_rate) AS dropout_rate, avg(i.literacy_rate) AS literacy_rate
           FROM indicators i JOIN schools s ON s.id = i.school_id
           WHERE i.term = ? GROUP BY s.cluster_id`,
        )
        .all(latestTerm ?? '') as (ClusterSummary['latest'] & { id: string })[]
    ).map(({ id, ...rest }) => [id, rest]),
  );
  const round = (v: number | null | undefined): number | null => (v == null ? null : Math.round(v * 10) / 10);

  const summaries: ClusterSummary[] = clusters.map((c) => {
    const l = latest.get(c.id);
    return {
      ...c,
      schools: schools.get(c.id) ?? 0,
      learners: learners.get(c.id) ?? 0,
      members: members.get(c.id) ?? 0,
      priorities: priorities.get(c.id) ?? [],
      lastSession: lastSession.get(c.id) ?? null,
      openCommitments: open.get(c.id) ?? 0,
      overdueCommitments: overdue.get(c.id) ?? 0,
      latest: {
        attendance_rate: round(l?.attendance_rate),
        dropout_rate: round(l?.dropout_rate),
        literacy_rate: round(l?.literacy_rate),
      },
    };
  });
  const count = (table: string): number =>
    (s.get(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const sum = (m: Counts): number => [...m.values()].reduce((a, b) => a + b, 0);

  return {
    region,
    latestTerm,
    totals: {
      clusters: clusters.length,
      schools: sum(schools),
      learners: sum(learners),
      members: sum(members),
      practices: count('practices'),
      sessions: count('sessions'),
      openCommitments: sum(open),
      overdueCommitments: sum(overdue),
    },
    clusters: summaries,
  };
}
