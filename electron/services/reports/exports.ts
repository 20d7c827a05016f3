import { translator, type Lang } from '../../../shared/i18n.ts';
import { indicatorLabel } from '../../../shared/labels.ts';
import { reportMessages } from '../../../shared/reports/messages.ts';
import { reportIndicators, toCsv, type ClusterTermRow } from '../../../shared/reports/termReport.ts';
import { escapeHtml } from '../sessions/escape.ts';
import type { TermReport } from './termReport.ts';

const pct = (v: number | null): string => (v === null ? '' : `${Math.round(v * 100)}%`);
const num = (v: number | null): string => (v === null ? '' : v.toFixed(1));
const signed = (v: number | null): string => (v === null ? '' : `${v > 0 ? '+' : ''}${v.toFixed(1)}`);

function columns(report: TermReport, lang: Lang) {
  const t = translator(reportMessages, lang);
  const cells: { head: string; cell: (r: ClusterTermRow) => string | number | null }[] = [
    { head: t('report.cluster'), cell: (r) => r.clusterName },
    { head: t('report.coach'), cell: (r) => r.coachName },
    { head: t('report.schools'), cell: (r) => r.schools },
    { head: t('report.sessions'), cell: (r) => r.sessionsHeld },
    { head: t('report.peerReviews'), cell: (r) => r.peerReviews },
    { head: t('report.attendance'), cell: (r) => pct(r.attendanceRate) },
    { head: t('report.commitmentsMade'), cell: (r) => r.commitmentsMade },
    { head: t('report.commitmentsDue'), cell: (r) => r.commitmentsDue },
    { head: t('report.completion'), cell: (r) => pct(r.completionRate) },
    { head: t('report.adoptions'), cell: (r) => r.adoptions },
    { head: t('report.improved'), cell: (r) => r.adoptionsImproved },
  ];
  for (const k of reportIndicators) {
    const indicator = indicatorLabel(lang, k);
    cells.push({
      head: t('report.indicatorNow', { indicator, term: report.term }),
      cell: (r) => num(r.indicators[k].now),
    });
    cells.push({ head: t('report.indicatorChange', { indicator }), cell: (r) => signed(r.change[k]) });
  }
  return cells;
}

/** The report as a spreadsheet (CSV, UTF-8 with BOM). */
export function reportCsv(report: TermReport, lang: Lang): string {
  const cols = columns(report, lang);
  return toCsv(
    cols.map((c) => c.head),
    report.rows.map((r) => cols.map((c) => c.cell(r))),
  );
}

/** Horizontal bars of completion per cluster, as inline SVG (prints without scripts). */
function completionSvg(rows: ClusterTermRow[]): string {
  const shown = rows.filter((r) => r.completionRate !== null);
  const bar = 18;
  const width = 640;
  const label = 190;
  const height = shown.length * (bar + 6) + 6;
  const bars = shown
    .map((r, i) => {
      const y = 6 + i * (bar + 6);
      const w = Math.round((width - label - 50) * (r.completionRate ?? 0));
      return `<text x="${label - 8}" y="${y + 13}" text-anchor="end" font-size="11">${escapeHtml(r.clusterName)}</text>
<rect x="${label}" y="${y}" width="${w}" height="${bar}" fill="#0f5e5a"/>
<text x="${label + w + 6}" y="${y + 13}" font-size="11">${pct(r.completionRate)}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${bars}</svg>`;
}

/** The report as a print-ready HTML document (A4 landscape), for "Save as PDF". */
export function reportHtml(report: TermReport, lang: Lang, today: string): string {
  const t = translator(reportMessages, lang);
  const cols = columns(report, lang);
  const totals = report.totals;
  const head = cols.map((c) => `<th>${escapeHtml(c.head)}</th>`).join('');
  const body = report.rows
    .map((r) => `<tr>${cols.map((c) => `<td>${escapeHtml(String(c.cell(r) ?? ''))}</td>`).join('')}</tr>`)
    .join('\n');
  const title = t('report.title', { region: report.regionName, term: report.term });
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: 'Noto Sans', Arial, sans-serif; font-size: 10px; color: #1d2a2f; }
h1 { font-size: 17px; margin: 0 0 4px; } h2 { font-size: 13px; margin: 14px 0 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c9d3d5; padding: 3px 4px; text-align: left; vertical-align: top; }
th { background: #e2f0ee; font-weight: 600; }
.tiles { display: flex; gap: 10px; margin: 8px 0; }
.tile { border: 1px solid #c9d3d5; border-radius: 6px; padding: 6px 10px; }
.tile b { display: block; font-size: 15px; }
.muted { color: #5b6b70; }
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p class="muted">${escapeHtml(t('report.period', { from: report.from, to: report.to, previous: report.previousTerm }))}</p>
<div class="tiles">
<div class="tile"><b>${totals.sessionsHeld}</b>${escapeHtml(t('report.sessions'))}</div>
<div class="tile"><b>${pct(totals.attendanceRate)}</b>${escapeHtml(t('report.attendance'))}</div>
<div class="tile"><b>${pct(totals.completionRate)}</b>${escapeHtml(t('report.completion'))}</div>
<div class="tile"><b>${totals.adoptions}</b>${escapeHtml(t('report.adoptions'))}</div>
</div>
<p>${escapeHtml(t('report.clustersMet', { met: totals.clustersMet, all: totals.clusters }))}</p>
<h2>${escapeHtml(t('report.completionChart'))}</h2>
${completionSvg(report.rows)}
<p class="muted">${escapeHtml(t('report.rateNote'))}</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
<p class="muted">${escapeHtml(t('report.generated', { date: today }))}</p>
</body></html>
`;
}
