import type { TrendPoint } from '../contract/clusters.ts';

export interface TermAverage {
  term: string;
  value: number | null;
}

/**
 * Lines up a cluster's, its neighbours' and the region's termly averages on one term
 * axis for the trend chart. Terms missing from a series show as gaps (null), so the
 * chart never draws a line through a term nobody reported.
 */
export function alignTrend(
  cluster: TermAverage[],
  neighbours: TermAverage[],
  region: TermAverage[],
): TrendPoint[] {
  const terms = [...new Set([...cluster, ...neighbours, ...region].map((p) => p.term))].sort();
  const lookup = (series: TermAverage[]) => new Map(series.map((p) => [p.term, p.value]));
  const [c, n, r] = [lookup(cluster), lookup(neighbours), lookup(region)];
  const round = (v: number | null | undefined): number | null => (v == null ? null : Math.round(v * 10) / 10);
  return terms.map((term) => ({
    term,
    cluster: round(c.get(term)),
    neighbours: round(n.get(term)),
    region: round(r.get(term)),
  }));
}
