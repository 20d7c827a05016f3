// exceljs is loaded when a workbook is made: it is most of a report job's start-up otherwise.
import type ExcelJS from 'exceljs';
import { neutraliseCellText } from '../../../shared/reports/cellText.ts';
import {
  isSuppressed,
  type ColumnType,
  type ReportCell,
  type ReportFigures,
  type ReportTable,
} from '../../../shared/reports/figures.ts';
import { formatCell } from '../../../shared/reports/format.ts';
import { reportMessages } from '../../../shared/reports/messages.ts';
import { translator } from '../../../shared/i18n.ts';

/**
 * The report as an Excel workbook: a summary sheet with the headline figures and the
 * provenance, then one sheet per table. Cells are typed (numbers, percentages, dates) so
 * officials can sort and sum them; there are no formulas, so nothing recalculates and
 * nothing a name holds can run.
 */
const NUMBER_FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  count: '#,##0',
  percent: '0.0%',
  change: '+0.0;-0.0;0.0',
  date: 'yyyy-mm-dd',
};

function cellValue(cell: ReportCell, type: ColumnType, lang: ReportFigures['lang']): ExcelJS.CellValue {
  if (cell === null) return null;
  if (isSuppressed(cell)) return formatCell(cell, type, lang);
  if (typeof cell === 'number') return cell;
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
  return neutraliseCellText(cell);
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ and unique in the book. */
function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const textLength = (v: ExcelJS.CellValue, type: ColumnType): number =>
  v === null || v === undefined ? 0 : type === 'date' ? 10 : type === 'percent' ? 7 : String(v).length;

function addTable(
  book: ExcelJS.Workbook,
  table: ReportTable,
  lang: ReportFigures['lang'],
  taken: Set<string>,
): void {
  const sheet = book.addWorksheet(sheetName(table.title, taken), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(table.columns.map((c) => neutraliseCellText(c.label)));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  const widths = table.columns.map((c) => Math.min(24, c.label.length));
  for (const r of table.rows) {
    const values = r.cells.map((cell, i) => cellValue(cell, table.columns[i]!.type, lang));
    const row = sheet.addRow(values);
    if (r.kind) row.font = { bold: true };
    values.forEach((v, i) => {
      const type = table.columns[i]!.type;
      const format = NUMBER_FORMATS[type];
      if (format && (typeof v === 'number' || v instanceof Date)) row.getCell(i + 1).numFmt = format;
      if (typeof v === 'string' && type !== 'text') row.getCell(i + 1).alignment = { horizontal: 'right' };
      widths[i] = Math.max(widths[i]!, textLength(v, type));
    });
  }
  sheet.columns.forEach((col, i) => {
    col.width = Math.max(8, Math.min(50, (widths[i] ?? 8) + 2));
  });
  if (table.note) {
    sheet.addRow([]);
    sheet.addRow([neutraliseCellText(table.note)]).font = { italic: true };
  }
}

export async function reportXlsx(figures: ReportFigures): Promise<Buffer> {
  const { lang } = figures;
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  const p = figures.provenance;
  book.creator = `Pamoja ${String(p.lines.find((l) => l.key === 'version')?.value ?? '')}`.trim();
  book.title = figures.title;
  const madeAt = p.lines.find((l) => l.key === 'madeAt')?.value;
  if (typeof madeAt === 'string' && !Number.isNaN(Date.parse(madeAt))) book.created = new Date(madeAt);
  const taken = new Set<string>();

  const summary = book.addWorksheet(sheetName(translator(reportMessages, lang)('report.summary'), taken));
  summary.addRow([neutraliseCellText(figures.title)]).font = { bold: true, size: 14 };
  summary.addRow([neutraliseCellText(figures.dates)]);
  summary.addRow([neutraliseCellText(figures.clustersMet)]);
  summary.addRow([]);
  for (const f of figures.summary) {
    const row = summary.addRow([neutraliseCellText(f.label), cellValue(f.value, f.type, lang)]);
    const format = NUMBER_FORMATS[f.type];
    if (format && typeof row.getCell(2).value === 'number') row.getCell(2).numFmt = format;
    row.getCell(2).alignment = { horizontal: 'right' };
  }
  summary.addRow([]);
  summary.addRow([neutraliseCellText(p.title)]).font = { bold: true };
  for (const l of p.lines) summary.addRow([neutraliseCellText(l.label), cellValue(l.value, 'text', lang)]);
  summary.addRow([]);
  summary.addRow(p.devices.columns.map((c) => neutraliseCellText(c.label))).font = { bold: true };
  for (const r of p.devices.rows) {
    const row = summary.addRow(r.cells.map((c, i) => cellValue(c, p.devices.columns[i]!.type, lang)));
    if (row.getCell(2).value instanceof Date) row.getCell(2).numFmt = 'yyyy-mm-dd';
  }
  summary.addRow([]);
  for (const note of figures.notes) summary.addRow([neutraliseCellText(note)]).font = { italic: true };
  summary.getColumn(1).width = 40;
  summary.getColumn(2).width = 66;

  for (const table of [figures.overview, ...figures.tables]) addTable(book, table, lang, taken);
  return Buffer.from(await book.xlsx.writeBuffer());
}
