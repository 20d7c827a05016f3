// exceljs is loaded when a workbook is made: it is most of a report job's start-up otherwise.
import type ExcelJS from 'exceljs';
import { PamojaError } from '../../../shared/errors.ts';
import type { Grid, SheetCell } from '../../../shared/sheets/header.ts';

/**
 * Reading a spreadsheet file into plain cells: CSV in UTF-8 (with or without BOM) or
 * Windows-1252, separated by commas, semicolons or tabs; or an XLSX workbook, every sheet
 * (the import picks the one that looks like the list). XLSX percent cells come as the
 * number shown (85 for a cell showing 85%).
 */
export interface ReadSheet extends Grid {
  name: string;
}
export interface ReadFile {
  format: 'csv' | 'xlsx';
  sheets: ReadSheet[];
  encoding?: 'utf-8' | 'windows-1252';
  separator?: ',' | ';' | '\t';
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

export async function readSheetFile(bytes: Uint8Array, fileName: string): Promise<ReadFile> {
  if (isZip(bytes)) return readXlsx(bytes, fileName);
  if (/\.xlsx?$/i.test(fileName))
    throw new PamojaError(
      'invalid',
      `${fileName} is not an Excel workbook (.xlsx) Pamoja can read; save it as .xlsx or .csv`,
    );
  return readCsv(bytes);
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), else Windows-1252 (Excel's "CSV" on Windows). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator that splits the first lines most evenly into the most columns. */
export function guessSeparator(text: string): ',' | ';' | '\t' {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim())
    .slice(0, 30);
  let best: { sep: ',' | ';' | '\t'; score: number } = { sep: ',', score: -1 };
  for (const sep of [',', ';', '\t'] as const) {
    const counts = lines.map((l) => splitCsv(l, sep)[0]?.length ?? 1);
    const widest = Math.max(1, ...counts);
    const agreeing = counts.filter((n) => n === widest).length;
    const score = widest > 1 ? agreeing * widest : 0;
    if (score > best.score) best = { sep, score };
  }
  return best.sep;
}

/** RFC 4180 fields: quotes around fields holding the separator, quotes or line breaks. */
export function splitCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(bytes: Uint8Array): ReadFile {
  const { text, encoding } = decodeText(bytes);
  const separator = guessSeparator(text);
  const rows = splitCsv(text, separator).map((r) => r.map((c): SheetCell => c));
  return { format: 'csv', encoding, separator, sheets: [{ name: '', rows, merges: [] }] };
}

function cellValue(cell: ExcelJS.Cell): SheetCell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return /%/.test(cell.numFmt ?? '') ? Math.round(v * 100 * 1e6) / 1e6 : v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return v.result === undefined || v.result === null ? null : (v.result as SheetCell);
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return String(v as unknown);
}

/** "B3:D3" → 0-based inclusive range. */
function mergeRange(ref: string): Grid['merges'][number] | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (s: string): number => [...s].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]!), bottom: Number(m[4]) - 1, right: col(m[3]!) };
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<ReadFile> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new PamojaError(
      'invalid',
      `${fileName} could not be read as an Excel workbook: ${(e as Error).message}`,
    );
  }
  const sheets: ReadSheet[] = [];
  book.eachSheet((sheet) => {
    const rows: SheetCell[][] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: SheetCell[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged cell's other parts read as the master's value; keep them blank as in the file.
        cells.push(cell.isMerged && cell.master.address !== cell.address ? null : cellValue(cell));
      }
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const merges = ((sheet.model as { merges?: string[] }).merges ?? [])
      .map(mergeRange)
      .filter((m): m is NonNullable<typeof m> => m !== null);
    sheets.push({ name: sheet.name, rows, merges });
  });
  return { format: 'xlsx', sheets };
}
