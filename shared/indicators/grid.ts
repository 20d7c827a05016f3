/**
 * The figures grid's keyboard and paste rules, pure so they are tested without a browser:
 * where a key moves the cursor, and where a block pasted from a spreadsheet lands.
 */
export interface Cell {
  row: number;
  col: number;
}
export interface GridSize {
  rows: number;
  cols: number;
}

/** Rows of tab-separated cells, as spreadsheets put them on the clipboard. */
export function readBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Spreadsheets end the copied block with a newline: that is not an empty last row.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

/** True when pasted text is more than one cell (a plain value pastes as typing would). */
export const isBlock = (text: string): boolean => /[\t\n\r]/.test(text.replace(/\r?\n$/, ''));

/**
 * The cells a block fills when pasted with its top-left at `at`, and how many of its
 * values fall outside the grid (left out, and the coach is told).
 */
export function placeBlock(
  block: string[][],
  at: Cell,
  size: GridSize,
): { cells: (Cell & { text: string })[]; outside: number } {
  const cells: (Cell & { text: string })[] = [];
  let outside = 0;
  block.forEach((line, r) =>
    line.forEach((text, c) => {
      const row = at.row + r;
      const col = at.col + c;
      if (row < size.rows && col < size.cols) cells.push({ row, col, text });
      else if (text.trim() !== '') outside++;
    }),
  );
  return { cells, outside };
}

export type MoveKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Enter' | 'ShiftEnter';

/** Where the cursor goes: arrows within the grid (stopping at its edges), Enter down. */
export function moveFrom(at: Cell, key: MoveKey, size: GridSize): Cell {
  const clamp = (v: number, max: number): number => Math.max(0, Math.min(max - 1, v));
  switch (key) {
    case 'ArrowUp':
    case 'ShiftEnter':
      return { row: clamp(at.row - 1, size.rows), col: at.col };
    case 'ArrowDown':
    case 'Enter':
      return { row: clamp(at.row + 1, size.rows), col: at.col };
    case 'ArrowLeft':
      return { row: at.row, col: clamp(at.col - 1, size.cols) };
    case 'ArrowRight':
      return { row: at.row, col: clamp(at.col + 1, size.cols) };
  }
}
