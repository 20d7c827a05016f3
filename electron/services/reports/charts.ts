import type { TrendPoint } from '../../../shared/contract/clusters.ts';
import type { TrendChart } from '../../../shared/reports/figures.ts';
import { escapeHtml } from '../sessions/escape.ts';

/**
 * The report's charts as static SVG (prints without scripts, looks the same in any PDF
 * reader). They draw the shapes the app's charts draw: `alignTrend` points for the trend
 * lines (the cluster screen's TrendChart) and `completionBars` for completion.
 */
const COLOURS = { cluster: '#0f5e5a', neighbours: '#c9731d', region: '#8a9a9e' };
const fmt = (n: number): string => String(Math.round(n * 10) / 10);

export interface TrendLabels {
  cluster: string;
  neighbours: string;
  region: string;
}

/** A small line chart: one indicator over the terms, cluster against neighbours and region. */
export function trendSvg(chart: TrendChart): string {
  const W = 250;
  const H = 130;
  const left = 30;
  const right = 18;
  const top = 18;
  const bottom = 22;
  const points = chart.points;
  const values = points.flatMap((p) => [p.cluster, p.neighbours, p.region]).filter((v) => v !== null);
  const max = values.length ? Math.min(100, Math.ceil((Math.max(...values) * 1.1) / 10) * 10) : 100;
  const x = (i: number): number =>
    points.length <= 1
      ? left + (W - left - right) / 2
      : left + (i * (W - left - right)) / (points.length - 1);
  const y = (v: number): number => top + (1 - v / max) * (H - top - bottom);
  const line = (key: keyof Omit<TrendPoint, 'term'>, dash: string, width: number): string => {
    const parts: string[] = [];
    let run: string[] = [];
    const flush = (): void => {
      if (run.length > 1)
        parts.push(
          `<polyline fill="none" stroke="${COLOURS[key]}" stroke-width="${width}"${dash} points="${run.join(' ')}"/>`,
        );
      run = [];
    };
    points.forEach((p, i) => {
      const v = p[key];
      if (v === null) return flush();
      run.push(`${fmt(x(i))},${fmt(y(v))}`);
      parts.push(`<circle cx="${fmt(x(i))}" cy="${fmt(y(v))}" r="2" fill="${COLOURS[key]}"/>`);
    });
    flush();
    return parts.join('');
  };
  const grid = [0, 0.5, 1]
    .map((f) => {
      const v = max * f;
      return (
        `<line x1="${left}" y1="${fmt(y(v))}" x2="${W - right}" y2="${fmt(y(v))}" stroke="#e3e8e9"/>` +
        `<text x="${left - 3}" y="${fmt(y(v) + 3)}" font-size="8" text-anchor="end" fill="#5b6b70">${fmt(v)}</text>`
      );
    })
    .join('');
  const ticks = points
    .map(
      (p, i) =>
        `<text x="${fmt(x(i))}" y="${H - 8}" font-size="7.5" text-anchor="middle" fill="#5b6b70">${escapeHtml(p.term)}</text>`,
    )
    .join('');
  const title = `${chart.clusterName}: ${chart.label}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">` +
    `<title>${escapeHtml(title)}</title>` +
    `<text x="0" y="10" font-size="9" font-weight="bold">${escapeHtml(chart.label)}</text>` +
    grid +
    ticks +
    line('region', '', 1.5) +
    line('neighbours', ' stroke-dasharray="4 2"', 1.5) +
    line('cluster', '', 2.5) +
    `</svg>`
  );
}

/** The legend the trend charts share. */
export function trendLegend(labels: TrendLabels): string {
  const item = (colour: string, text: string, dash = ''): string =>
    `<span class="legend-item"><svg width="22" height="8" aria-hidden="true"><line x1="0" y1="4" x2="22" y2="4" stroke="${colour}" stroke-width="2.5"${dash}/></svg> ${escapeHtml(text)}</span>`;
  return `<p class="legend">${item(COLOURS.cluster, labels.cluster)}${item(COLOURS.neighbours, labels.neighbours, ' stroke-dasharray="4 2"')}${item(COLOURS.region, labels.region)}</p>`;
}

/** Horizontal bars of completion per cluster. */
export function completionSvg(bars: readonly { name: string; completion: number }[], title: string): string {
  const bar = 14;
  const width = 640;
  const label = 190;
  const height = bars.length * (bar + 5) + 6;
  const body = bars
    .map((b, i) => {
      const y = 4 + i * (bar + 5);
      const w = Math.round(((width - label - 50) * b.completion) / 100);
      return (
        `<text x="${label - 8}" y="${y + 11}" text-anchor="end" font-size="10">${escapeHtml(b.name)}</text>` +
        `<rect x="${label}" y="${y}" width="${w}" height="${bar}" fill="#0f5e5a"/>` +
        `<text x="${label + w + 6}" y="${y + 11}" font-size="10">${b.completion}%</text>`
      );
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${escapeHtml(title)}</title>${body}</svg>`;
}
