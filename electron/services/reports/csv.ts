import { toCsv } from '../../../shared/reports/cellText.ts';
import { isSuppressed, type ReportFigures, type ReportTable } from '../../../shared/reports/figures.ts';
import { formatCell } from '../../../shared/reports/format.ts';

/**
 * The report as one CSV file (UTF-8 with BOM): the title and provenance lines, then each
 * table under its title, a blank line between. Numbers stay plain numbers (percentages
 * as fractions, like a spreadsheet stores them); text that could be read as a formula is
 * neutralised by `csvField`.
 */
type Line = (string | number | null)[];

function tableLines(table: ReportTable, lang: ReportFigures['lang']): Line[] {
  return [
    [table.title],
    table.columns.map((c) => c.label),
    ...table.rows.map((r) =>
      r.cells.map((cell, i) => (isSuppressed(cell) ? formatCell(cell, table.columns[i]!.type, lang) : cell)),
    ),
    ...(table.note ? [[table.note]] : []),
    [],
  ];
}

export function reportCsv(figures: ReportFigures): string {
  const p = figures.provenance;
  const lines: Line[] = [
    [figures.title],
    [figures.dates],
    ...figures.summary.map((f) => [
      f.label,
      isSuppressed(f.value) ? formatCell(f.value, f.type, figures.lang) : f.value,
    ]),
    [],
    [p.title],
    ...p.lines.map((l) => [l.label, typeof l.value === 'string' ? l.value : null]),
    [],
    ...tableLines(p.devices, figures.lang),
    ...[figures.overview, ...figures.tables].flatMap((t) => tableLines(t, figures.lang)),
  ];
  return toCsv(lines);
}
