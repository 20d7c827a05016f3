/**
 * Small-cell suppression for counts of learners. A count of 1 to 4 could point at one
 * child, so it is not printed ("primary" suppression). When a group's total is printed,
 * one hidden cell could be worked out by subtraction, so a second cell is hidden too
 * ("complementary" suppression). Zero is printed: it describes no child.
 *
 * Tables here have two levels: schools within clusters (each cluster's total printed),
 * and clusters within the report (the overall total printed).
 */
export const SMALL_CELL = 5;

export type CellState = 'shown' | 'small' | 'complementary';
export interface ProtectedCell {
  value: number | null;
  state: CellState;
}

const isSmall = (v: number | null): boolean => v !== null && v > 0 && v < SMALL_CELL;

/**
 * Hides small cells of one group and, if exactly one is hidden while the total shows, the
 * smallest other cell with a value as well. With no other cell to hide, the total goes.
 */
function protectGroup(values: readonly (number | null)[], total: ProtectedCell): ProtectedCell[] {
  const cells: ProtectedCell[] = values.map((value) => ({
    value,
    state: isSmall(value) ? 'small' : 'shown',
  }));
  const hidden = cells.filter((c) => c.state !== 'shown').length;
  if (hidden === 1 && total.state === 'shown') {
    const candidate = smallestShown(cells);
    if (candidate) candidate.state = 'complementary';
    else total.state = 'complementary';
  }
  return cells;
}

/** The shown cell with the smallest value (a non-zero one first, so hiding it hides something). */
function smallestShown(cells: ProtectedCell[]): ProtectedCell | undefined {
  const shown = cells.filter((c) => c.state === 'shown' && c.value !== null);
  const pool = shown.some((c) => c.value! > 0) ? shown.filter((c) => c.value! > 0) : shown;
  return pool.sort((a, b) => a.value! - b.value!)[0];
}

const sum = (values: readonly (number | null)[]): number | null =>
  values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);

export interface ProtectedTable {
  groups: { cells: ProtectedCell[]; total: ProtectedCell }[];
  total: ProtectedCell;
}

/**
 * Protects one column of a two-level table. `groups[i]` holds the schools' counts of
 * cluster i; cluster totals and the overall total are the sums.
 */
export function protectColumn(groups: readonly (readonly (number | null)[])[]): ProtectedTable {
  const totals = groups.map(sum);
  const grandValue = sum(totals);
  const grand: ProtectedCell = { value: grandValue, state: isSmall(grandValue) ? 'small' : 'shown' };
  // Cluster totals within the overall total first: which clusters' totals are hidden.
  const clusterTotals: ProtectedCell[] = totals.map((value) => ({
    value,
    state: isSmall(value) ? 'small' : 'shown',
  }));
  const out = groups.map((values, i) => ({
    cells: protectGroup(values, clusterTotals[i]!),
    total: clusterTotals[i]!,
  }));
  const hiddenTotals = clusterTotals.filter((c) => c.state !== 'shown').length;
  if (hiddenTotals === 1 && grand.state === 'shown') {
    // Prefer a cluster whose schools already hide two or more cells: its total then stays unknown.
    const shownTotals = out.filter((g) => g.total.state === 'shown' && g.total.value !== null);
    const safe = shownTotals.filter((g) => g.cells.filter((c) => c.state !== 'shown').length >= 2);
    const pick = (safe.length ? safe : shownTotals).sort((a, b) => a.total.value! - b.total.value!)[0];
    if (!pick) grand.state = 'complementary';
    else {
      pick.total.state = 'complementary';
      // Its schools must not add up to it: hide one more of them if none is hidden.
      if (pick.cells.every((c) => c.state === 'shown')) {
        const cell = smallestShown(pick.cells);
        if (cell) cell.state = 'complementary';
      }
    }
  }
  return { groups: out, total: grand };
}
