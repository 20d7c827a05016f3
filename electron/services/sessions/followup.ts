import type { ClusterFollowUp, RegionFollowUp } from '../../../shared/contract/sessions.ts';
import type { CommitmentStatus } from '../../../shared/schema/enums.ts';
import { completionSeries, overallRate, type PeriodKind } from '../../../shared/sessions/completion.ts';
import { daysBetween, isOutstanding, isOverdue } from '../../../shared/sessions/rules.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';
import { clusterName } from './sql.ts';

/** How many recent periods the region table shows per cluster. */
export const REGION_PERIODS = 6;

interface Due {
  clusterId: string;
  dueDate: string;
  status: CommitmentStatus;
}

/** A cluster's overdue commitments and its completion rate per term or month. */
export function clusterFollowUp(
  store: Store,
  clusterId: string,
  by: PeriodKind,
  today: string = todayIso(),
): ClusterFollowUp {
  const name = clusterName(store, clusterId);
  const all = store.statements
    .get('SELECT due_date AS dueDate, status FROM commitments WHERE cluster_id = ?')
    .all(clusterId) as Omit<Due, 'clusterId'>[];
  const overdue = (
    store.statements
      .get(
        `SELECT c.id, c.cluster_id AS clusterId, c.action, coalesce(m.name, '') AS ownerName,
           c.due_date AS dueDate, c.status
         FROM commitments c LEFT JOIN members m ON m.id = c.owner_member_id
         WHERE c.cluster_id = ? AND c.status IN ('open', 'partly') AND c.due_date < ?
         ORDER BY c.due_date, m.name`,
      )
      .all(clusterId, today) as Omit<ClusterFollowUp['overdue'][number], 'daysOverdue'>[]
  ).map((c) => ({ ...c, daysOverdue: daysBetween(c.dueDate, today) }));
  const series = completionSeries(all, today, by);
  return {
    clusterId,
    clusterName: name,
    open: all.filter((c) => isOutstanding(c.status)).length,
    overdue,
    series,
    rate: overallRate(series),
  };
}

/** Every cluster's follow-up figures side by side, and the region's series. */
export function regionFollowUp(store: Store, by: PeriodKind, today: string = todayIso()): RegionFollowUp {
  const clusters = store.statements.get('SELECT id, name FROM clusters ORDER BY name').all() as {
    id: string;
    name: string;
  }[];
  const all = store.statements
    .get('SELECT cluster_id AS clusterId, due_date AS dueDate, status FROM commitments')
    .all() as Due[];
  const byCluster = new Map<string, Due[]>();
  for (const c of all) {
    const list = byCluster.get(c.clusterId);
    if (list) list.push(c);
    else byCluster.set(c.clusterId, [c]);
  }
  const series = completionSeries(all, today, by);
  const periods = series.slice(-REGION_PERIODS).map((p) => p.period);
  return {
    periods,
    series,
    rate: overallRate(series),
    clusters: clusters.map((cl) => {
      const mine = byCluster.get(cl.id) ?? [];
      const own = completionSeries(mine, today, by);
      const ratesByPeriod = new Map(own.map((p) => [p.period, p.rate]));
      return {
        clusterId: cl.id,
        clusterName: cl.name,
        open: mine.filter((c) => isOutstanding(c.status)).length,
        overdue: mine.filter((c) => isOverdue(c, today)).length,
        rate: overallRate(own),
        rates: periods.map((p) => ratesByPeriod.get(p) ?? null),
      };
    }),
  };
}
