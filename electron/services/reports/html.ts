import { translator } from '../../../shared/i18n.ts';
import type { ReportFigures, ReportTable, SummaryFigure } from '../../../shared/reports/figures.ts';
import { formatCell } from '../../../shared/reports/format.ts';
import { reportMessages } from '../../../shared/reports/messages.ts';
import { escapeHtml } from '../sessions/escape.ts';
import { completionSvg, trendLegend, trendSvg } from './charts.ts';

/**
 * The report as one print-ready HTML document (A4 landscape): a summary page an official
 * can read on its own, then the detail tables and charts, then where the numbers come
 * from. No scripts, no outside files: it prints the same from a browser, Electron's
 * printToPDF or a headless Chromium.
 */
const STYLE = `
@page { size: A4 landscape; margin: 12mm 12mm 16mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 10px; color: #1d2a2f; margin: 0; }
h1 { font-size: 17px; margin: 0 0 4px; } h2 { font-size: 13px; margin: 14px 0 6px; } h3 { font-size: 11px; margin: 8px 0 4px; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6px; }
th, td { border: 1px solid #c9d3d5; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #e2f0ee; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.subtotal td { background: #f3f7f7; font-weight: 600; }
tr.total td { background: #e2f0ee; font-weight: 700; }
thead { display: table-header-group; } tr { break-inside: avoid; }
.summary-page { break-after: page; }
.tiles { display: grid; grid-template-columns: repeat(6, 1fr); gap: 6px; margin: 8px 0; }
.tile { border: 1px solid #c9d3d5; border-radius: 4px; padding: 4px 8px; }
.tile b { display: block; font-size: 15px; }
.muted { color: #4d5d62; }
.trends { display: grid; grid-template-columns: repeat(4, 250px); gap: 2px 10px; }
.trend-row { break-inside: avoid; }
.legend { margin: 2px 0 6px; } .legend-item { margin-right: 14px; }
.provenance td:first-child { width: 28%; }
@media screen { body { padding: 10px 14px; } }
.digest { font-family: 'DejaVu Sans Mono', monospace; word-break: break-all; }
`;

function tableHtml(table: ReportTable, lang: ReportFigures['lang'], level: 'h2' | 'h3' = 'h2'): string {
  const t = translator(reportMessages, lang);
  const numeric = (type: string): boolean => type !== 'text' && type !== 'date';
  const head = table.columns
    .map((c) => `<th scope="col"${numeric(c.type) ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = table.rows.length
    ? table.rows
        .map(
          (r) =>
            `<tr${r.kind ? ` class="${r.kind}"` : ''}>${r.cells
              .map((cell, i) => {
                const col = table.columns[i]!;
                return `<td${numeric(col.type) ? ' class="num"' : ''}>${escapeHtml(formatCell(cell, col.type, lang))}</td>`;
              })
              .join('')}</tr>`,
        )
        .join('\n')
    : `<tr><td colspan="${table.columns.length}" class="muted">${escapeHtml(t('report.none'))}</td></tr>`;
  const note = table.note ? `<p class="muted">${escapeHtml(table.note)}</p>` : '';
  return `<section class="report-table" data-table="${table.key}"><${level}>${escapeHtml(table.title)}</${level}>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>${note}</section>`;
}

const tile = (f: SummaryFigure, lang: ReportFigures['lang']): string =>
  `<div class="tile" data-figure="${f.key}"><b>${escapeHtml(formatCell(f.value, f.type, lang))}</b>${escapeHtml(f.label)}</div>`;

export function reportHtml(figures: ReportFigures): string {
  const { lang } = figures;
  const t = translator(reportMessages, lang);
  const labels = {
    cluster: t('report.chart.cluster'),
    neighbours: t('report.chart.neighbours'),
    region: t('report.chart.region'),
  };
  const byCluster = new Map<string, string[]>();
  for (const chart of figures.trends) {
    byCluster.set(chart.clusterName, [...(byCluster.get(chart.clusterName) ?? []), trendSvg(chart)]);
  }
  const trends = figures.trends.length
    ? `<section><h2>${escapeHtml(t('report.chart.trends'))}</h2>${trendLegend(labels)}${[...byCluster]
        .map(
          ([name, svgs]) =>
            `<div class="trend-row"><h3>${escapeHtml(name)}</h3><div class="trends">${svgs.join('')}</div></div>`,
        )
        .join('\n')}</section>`
    : '';
  const p = figures.provenance;
  const provenance = `<section class="provenance"><h2>${escapeHtml(p.title)}</h2>
<table><tbody>${p.lines
    .map(
      (l) =>
        `<tr><th scope="row">${escapeHtml(l.label)}</th><td${l.key === 'digest' ? ' class="digest"' : ''}>${escapeHtml(formatCell(l.value, l.type, lang))}</td></tr>`,
    )
    .join('')}</tbody></table>
${tableHtml(p.devices, lang, 'h3')}</section>`;

  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(figures.title)}</title>
<style>${STYLE}</style></head><body><main>
<section class="summary-page">
<h1>${escapeHtml(figures.title)}</h1>
<p class="muted">${escapeHtml(figures.dates)}</p>
<h2>${escapeHtml(t('report.summary'))}</h2>
<div class="tiles">${figures.summary.map((f) => tile(f, lang)).join('')}</div>
<p>${escapeHtml(figures.clustersMet)}</p>
${tableHtml(figures.overview, lang)}
<p class="muted">${escapeHtml(p.made)} · ${escapeHtml(t('report.provenance.digest'))} <span class="digest">${escapeHtml(p.digest.slice(0, 16))}</span></p>
</section>
<h2>${escapeHtml(t('report.detail'))}</h2>
${figures.completionBars.length ? `<section><h2>${escapeHtml(t('report.chart.completion'))}</h2>${completionSvg(figures.completionBars, t('report.chart.completion'))}</section>` : ''}
${figures.tables.map((x) => tableHtml(x, lang)).join('\n')}
${trends}
${provenance}
</main></body></html>
`;
}
