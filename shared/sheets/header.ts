import {
  fieldsOf,
  guessField,
  headerWords,
  requiredFields,
  type SheetField,
  type SheetKind,
} from './fields.ts';

/**
 * Finding the header row of a sheet as district offices make them: a title and notes
 * above it (the header on row 4), and group headings in merged cells over it ("Enrolment"
 * over "Girls | Boys"). Pure: works on cells already read from CSV or XLSX.
 */
export type SheetCell = string | number | null;
export interface Grid {
  rows: SheetCell[][];
  /** Merged ranges (0-based, inclusive), from XLSX; CSV has none. */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export interface Header {
  /** 0-based index of the header row; data starts below it. */
  row: number;
  /** One label per column (a group heading above joined in front). */
  labels: string[];
  /** The guessed field per column (null: not imported). */
  guessed: (SheetField | null)[];
}

const HEADER_SEARCH_ROWS = 20;
const text = (c: SheetCell | undefined): string => (c === null || c === undefined ? '' : String(c).trim());

/** The row above, each heading carried over the columns its merge (or the blanks after it) spans. */
function groupLabels(grid: Grid, row: number, width: number): string[] | null {
  if (row === 0) return null;
  const above = grid.rows[row - 1] ?? [];
  const out: string[] = Array.from({ length: width }, (_, i) => text(above[i]));
  const filled = out.filter(Boolean).length;
  if (filled === 0) return null;
  let spans = false;
  const merges = grid.merges.filter((m) => m.top <= row - 1 && m.bottom >= row - 1 && m.right > m.left);
  if (merges.length) {
    for (const m of merges) {
      const value = text(grid.rows[m.top]?.[m.left]);
      for (let c = m.left; c <= Math.min(m.right, width - 1); c++) out[c] = value;
    }
    spans = true;
  } else {
    // CSV: a merged cell exports as its text then empty cells.
    let last = '';
    for (let c = 0; c < width; c++) {
      if (out[c]) last = out[c]!;
      else if (last && text(grid.rows[row]?.[c])) {
        out[c] = last;
        spans = true;
      }
    }
  }
  const below = (grid.rows[row] ?? []).filter((c) => text(c)).length;
  return spans && filled < below ? out : null;
}

function score(kind: SheetKind, labels: string[]): { fields: (SheetField | null)[]; score: number } {
  const seen = new Set<SheetField>();
  const fields = labels.map((l) => {
    const f = guessField(kind, l);
    if (!f || seen.has(f)) return null;
    seen.add(f);
    return f;
  });
  const hasRequired = requiredFields[kind].some((f) => seen.has(f));
  return { fields, score: hasRequired ? seen.size : 0 };
}

/** The most header-like row in the sheet's first rows, or null when none names a school column. */
export function findHeader(kind: SheetKind, grid: Grid): Header | null {
  let best: (Header & { score: number }) | null = null;
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  for (let r = 0; r < limit; r++) {
    const cells = grid.rows[r] ?? [];
    const width = cells.length;
    const plain = cells.map(text);
    const candidates = [plain];
    const groups = groupLabels(grid, r, width);
    if (groups)
      candidates.push(plain.map((l, i) => (groups[i] && l ? `${groups[i]} ${l}` : l || groups[i]!)));
    for (const labels of candidates) {
      const s = score(kind, labels);
      if (s.score >= 2 && (!best || s.score > best.score))
        best = { row: r, labels, guessed: s.fields, score: s.score };
    }
  }
  if (!best) return null;
  return { row: best.row, labels: best.labels, guessed: best.guessed };
}

/** A header row's identity, for remembering its mapping: the labels as comparable words. */
export const headerKey = (kind: SheetKind, labels: readonly string[]): string =>
  `${kind}:${labels.map(headerWords).join('|')}`;

export type ColumnMapping = (SheetField | null)[];

/** A mapping made sure of: fields of this kind only, each used by one column at most. */
export function cleanMapping(
  kind: SheetKind,
  mapping: readonly (string | null)[],
  width: number,
): ColumnMapping {
  const allowed = new Set<string>(fieldsOf(kind));
  const seen = new Set<string>();
  return Array.from({ length: width }, (_, i) => {
    const f = mapping[i] ?? null;
    if (f === null || !allowed.has(f) || seen.has(f)) return null;
    seen.add(f);
    return f as SheetField;
  });
}
