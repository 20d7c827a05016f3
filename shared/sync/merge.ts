/**
 * The merge rule, pure: per-field last-writer-wins on the hybrid logical clock, ties
 * broken by device id. Every version of every field is kept in the change log; this
 * module only decides which one is current. The current state of a row is a function of
 * the *set* of its changes, so it does not depend on the order bundles arrive in, and
 * seeing a change twice changes nothing.
 *
 * Deletion: the column `_deleted` is merged like a field: its newest change decides.
 * Value 1 is a tombstone, value 0 a revival (a coach restored the row). A tombstone removes
 * the row when it is newer than every edit of the row and no newer revival exists. An edit
 * made after the delete (on a laptop that had not seen it) brings the row back with its
 * latest values, so a coach's later note is not hidden by someone else's earlier delete;
 * a revival does the same without writing any field, so each field keeps its own newest
 * value (an edit another laptop made meanwhile survives the restore).
 *
 * Columns added after a table first synced (`defaults`) take their default when no change
 * of theirs is known, so a row written before the column existed is still complete.
 */
export const DELETED = '_deleted';

export type FieldValue = string | number | null;

/** Who wrote a version and when; `device` is the global device id (never a local index). */
export interface Stamp {
  hlc: number;
  device: string;
}

export interface FieldChange extends Stamp {
  col: string;
  value: FieldValue;
}

/** > 0 when `a` wins over `b`. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.hlc !== b.hlc) return a.hlc - b.hlc;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

export function newest<T extends Stamp>(versions: Iterable<T>): T | undefined {
  let best: T | undefined;
  for (const v of versions) if (!best || compareStamps(v, best) > 0) best = v;
  return best;
}

export type RowState =
  | { kind: 'live'; values: Record<string, FieldValue>; winners: Record<string, Stamp> }
  | { kind: 'deleted' }
  /** Some field has never been seen (e.g. an update arrived before its insert). */
  | { kind: 'incomplete'; missing: string[] };

/** No stamp: a column's default, older than any change. */
const DEFAULT_STAMP: Stamp = { hlc: 0, device: '' };

/** The current state of one row from all its known changes. */
export function mergeRow(
  columns: readonly string[],
  changes: Iterable<FieldChange>,
  defaults: Readonly<Record<string, FieldValue>> = {},
): RowState {
  const winners = new Map<string, FieldChange>();
  let deletion: FieldChange | undefined;
  let lastEdit: FieldChange | undefined;
  for (const c of changes) {
    if (c.col === DELETED) {
      if (!deletion || compareStamps(c, deletion) > 0) deletion = c;
      continue;
    }
    const w = winners.get(c.col);
    if (!w || compareStamps(c, w) > 0) winners.set(c.col, c);
    if (!lastEdit || compareStamps(c, lastEdit) > 0) lastEdit = c;
  }
  if (deletion && deletion.value !== 0 && (!lastEdit || compareStamps(deletion, lastEdit) > 0))
    return { kind: 'deleted' };
  const missing = columns.filter((c) => !winners.has(c) && !Object.hasOwn(defaults, c));
  if (missing.length) return { kind: 'incomplete', missing };
  const values: Record<string, FieldValue> = {};
  const stamps: Record<string, Stamp> = {};
  for (const c of columns) {
    const w = winners.get(c);
    values[c] = w ? w.value : defaults[c]!;
    stamps[c] = w ? { hlc: w.hlc, device: w.device } : DEFAULT_STAMP;
  }
  return { kind: 'live', values, winners: stamps };
}

/**
 * The last value of every field, tombstones aside: what a removed row held, so a restore
 * can put it back. Null when some field was never seen.
 */
export function lastValues(
  columns: readonly string[],
  changes: Iterable<FieldChange>,
  defaults: Readonly<Record<string, FieldValue>> = {},
): Record<string, FieldValue> | null {
  const state = mergeRow(
    columns,
    [...changes].filter((c) => c.col !== DELETED),
    defaults,
  );
  return state.kind === 'live' ? state.values : null;
}

export interface FieldVersion extends Stamp {
  value: FieldValue;
  current: boolean;
}

/** Every version of one field, newest first, the winner marked current. */
export function fieldVersions(changes: Iterable<Stamp & { value: FieldValue }>): FieldVersion[] {
  const all = [...changes].sort((a, b) => compareStamps(b, a));
  // Duplicates (the same change seen twice) collapse to one version.
  const unique = all.filter((c, i) => i === 0 || compareStamps(c, all[i - 1]!) !== 0);
  return unique.map((c, i) => ({ hlc: c.hlc, device: c.device, value: c.value, current: i === 0 }));
}
