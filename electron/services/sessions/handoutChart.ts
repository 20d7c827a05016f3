import type { DataSpotlight } from '../../../shared/sessions/agenda.ts';
import { axisMax, formatFigure, type SpotlightRow } from '../../../shared/sessions/chart.ts';
import { escapeHtml } from './escape.ts';

/**
 * The data spotlight as an inline SVG for the printed plan: horizontal bars, last term
 * (grey) over this term (colour), one pair per school, then the cluster's average and the
 * neighbours'. Drawn by hand so the handout needs no script and prints the same anywhere.
 */
const WIDTH = 560;
const LABEL_W = 170;
const VALUE_W = 52;
const PLOT_W = WIDTH - LABEL_W - VALUE_W;
const ROW_H = 20;
const BAR_H = 8;
const TOP = 24;
const GAP = 10;
const COLOURS = { previous: '#b9c6c9', school: '#0f5e5a', cluster: '#c9731d', neighbour: '#5b8f8b' };

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

export interface ChartLabels {
  neighbours: string;
  /** e.g. "higher is better". */
  direction: string;
  title: string;
}

export function spotlightSvg(s: DataSpotlight, rows: readonly SpotlightRow[], labels: ChartLabels): string {
  const max = axisMax(s, rows);
  const x = (v: number): number => LABEL_W + (Math.max(0, v) / max) * PLOT_W;
  const parts: string[] = [];
  let y = TOP;
  let lastGroup: SpotlightRow['group'] | null = null;

  // Legend: last term, this term.
  const legend = (lx: number, colour: string, text: string): string =>
    `<rect x="${lx}" y="4" width="12" height="10" fill="${colour}"/>` +
    `<text x="${lx + 16}" y="13" font-size="10">${escapeHtml(text)}</text>`;
  if (s.previousTerm) parts.push(legend(LABEL_W, COLOURS.previous, s.previousTerm));
  parts.push(legend(LABEL_W + (s.previousTerm ? 90 : 0), COLOURS.school, s.term));
  parts.push(
    `<text x="${WIDTH}" y="13" font-size="10" text-anchor="end" fill="#5b6b70">${escapeHtml(labels.direction)}</text>`,
  );

  for (const row of rows) {
    if (lastGroup !== null && row.group !== lastGroup) {
      y += GAP;
      if (row.group === 'neighbour') {
        parts.push(
          `<text x="0" y="${y + 4}" font-size="9" fill="#5b6b70" font-style="italic">${escapeHtml(labels.neighbours)}</text>`,
        );
        y += 8;
      }
    }
    lastGroup = row.group;
    const weight = row.group === 'cluster' ? ' font-weight="bold"' : '';
    parts.push(
      `<text x="${LABEL_W - 6}" y="${y + 13}" font-size="10" text-anchor="end"${weight}>${escapeHtml(truncate(row.label, 30))}</text>`,
    );
    const bar = (value: number | null, dy: number, colour: string): void => {
      if (value === null) return;
      const w = Math.max(1, x(value) - LABEL_W);
      parts.push(`<rect x="${LABEL_W}" y="${y + dy}" width="${fmt(w)}" height="${BAR_H}" fill="${colour}"/>`);
      parts.push(
        `<text x="${fmt(LABEL_W + w + 3)}" y="${y + dy + 7}" font-size="8" fill="#1d2a2f">${escapeHtml(formatFigure(s, value))}</text>`,
      );
    };
    bar(row.previous, 1, COLOURS.previous);
    bar(row.current, 1 + BAR_H + 1, COLOURS[row.group]);
    y += ROW_H;
  }

  // Axis: five ticks along the bottom, faint gridlines behind the bars.
  const grid: string[] = [];
  for (let i = 0; i <= 4; i += 1) {
    const v = (max * i) / 4;
    const gx = fmt(x(v));
    grid.push(`<line x1="${gx}" y1="${TOP - 2}" x2="${gx}" y2="${y}" stroke="#e3e8e9" stroke-width="1"/>`);
    grid.push(
      `<text x="${gx}" y="${y + 12}" font-size="8.5" text-anchor="middle" fill="#5b6b70">${fmt(v)}</text>`,
    );
  }
  const height = y + 16;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeHtml(labels.title)}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="100%" font-family="inherit">` +
    `<title>${escapeHtml(labels.title)}</title>${grid.join('')}${parts.join('')}</svg>`
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
