import type { TermReport } from '../shared/contract/reports.ts';

/** Bars for the completion chart: clusters with commitments due, best first, in percent. */
export function completionBars(rows: TermReport['rows']): { name: string; completion: number }[] {
  return rows
    .filter((r) => r.completionRate !== null)
    .map((r) => ({
      name: r.clusterName.replace(/ CoP$/, ''),
      completion: Math.round((r.completionRate ?? 0) * 100),
    }))
    .sort((a, b) => b.completion - a.completion);
}
