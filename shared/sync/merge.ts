/**
 * The merge rule, pure: per-field last-writer-wins on the hybrid logical clock, ties
 * broken by device id. Every version of every field is kept in the change log; this
 * module only decides which one is current. The current state of a row is a function of
 * the *set* of its changes, so it does not depend on the order bundles arrive in, and
 * seeing a change twice changes nothing.
 *
 * Deletion: a tombstone (column `_deleted`) removes the row when it is newer than every
 * edit of the row. An edit made after the delete (on a laptop that had not seen it)
 * brings the row back with its latest values, so a coach's later note is not hidden by
 * someone else's earlier delete.
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

/** The current state of one row from all its known changes. */
export function mergeRow(columns: readonly string[], changes: Iterable<FieldChange>): RowState {
  const winners = new Map<string, FieldChange>();
  let tombstone: FieldChange | undefined;
  let lastEdit: FieldChange | undefined;
  for (const c of changes) {
    if (c.col === DELETED) {
      if (!tombstone || compareStamps(c, tombstone) > 0) tombstone = c;
      continue;
    }
    const w = winners.get(c.col);
    if (!w || compareStamps(c, w) > 0) winners.set(c.col, c);
    if (!lastEdit || compareStamps(c, lastEdit) > 0) lastEdit = c;
  }
  if (tombstone && (!lastEdit || compareStamps(tombstone, lastEdit) > 0)) return { kind: 'deleted' };
  const missing = columns.filter((c) => !winners.has(c));
  if (missing.length) return { kind: 'incomplete', missing };
  const values: Record<string, FieldValue> = {};
  const stamps: Record<string, Stamp> = {};
  for (const c of columns) {
    const w = winners.get(c)!;
    values[c] = w.value;
    stamps[c] = { hlc: w.hlc, device: w.device };
  }
  return { kind: 'live', values, winners: stamps };
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
