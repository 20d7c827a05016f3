import { indicatorDefs } from '../schema/enums.ts';
import type { DataSpotlight } from './agenda.ts';

/**
 * Shapes the data spotlight for drawing: one row per school, then the cluster's average,
 * then each neighbour's. The screen's recharts chart and the handout's SVG both draw these
 * rows, so the printed plan shows exactly what the coach saw.
 */
export interface SpotlightRow {
  key: string;
  label: string;
  group: 'school' | 'cluster' | 'neighbour';
  previous: number | null;
  current: number | null;
}

export function spotlightRows(s: DataSpotlight, clusterLabel: string): SpotlightRow[] {
  return [
    ...s.schools.map((x) => ({
      key: x.id,
      label: x.name,
      group: 'school' as const,
      previous: x.previous,
      current: x.current,
    })),
    {
      key: 'cluster',
      label: clusterLabel,
      group: 'cluster',
      previous: s.cluster.previous,
      current: s.cluster.current,
    },
    ...s.neighbours.map((x) => ({
      key: `n:${x.id}`,
      label: x.name,
      group: 'neighbour' as const,
      previous: x.previous,
      current: x.current,
    })),
  ];
}

/** The top of the value axis: 100 for rates, otherwise a round number above the largest value. */
export function axisMax(s: DataSpotlight, rows: readonly SpotlightRow[]): number {
  if (indicatorDefs[s.indicator].kind === 'rate') return 100;
  const max = Math.max(0, ...rows.flatMap((r) => [r.previous ?? 0, r.current ?? 0]));
  if (max === 0) return 10;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil((max * 1.05) / step) * step;
}

/** "62.3%" for rates, "41" for counts, "–" for no data. */
export function formatFigure(s: DataSpotlight, v: number | null): string {
  if (v === null) return '–';
  return indicatorDefs[s.indicator].kind === 'rate' ? `${v.toFixed(1)}%` : String(Math.round(v));
}

/** The change from last term to this, signed, or null when either is missing. */
export function change(row: Pick<SpotlightRow, 'previous' | 'current'>): number | null {
  return row.previous === null || row.current === null
    ? null
    : Math.round((row.current - row.previous) * 10) / 10;
}

/** Completion rates as whole percentages per period, for the follow-up chart. */
export function completionPoints(
  series: readonly { period: string; due: number; rate: number | null }[],
): { period: string; percent: number | null; due: number }[] {
  return series.map((p) => ({
    period: p.period,
    percent: p.rate === null ? null : Math.round(p.rate * 100),
    due: p.due,
  }));
}
