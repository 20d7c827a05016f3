/**
 * Text that a spreadsheet program would take as a formula: a name arriving in any
 * laptop's bundle could start with `=`, `+`, `-` or `@` (or a tab / carriage return that
 * some programs strip before looking). Such text gets a leading apostrophe, which Excel,
 * LibreOffice and Google Sheets all show as plain text and never evaluate.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised text, quoted when it holds a separator, quote or line break (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? String(value) : neutraliseCellText(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV, UTF-8 with a BOM so spreadsheet programs read accents right, CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
