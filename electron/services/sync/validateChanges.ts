import { PamojaError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/ids.ts';
import { isTooFarAhead } from '../../../shared/sync/clockGuard.ts';
import { DELETED, type FieldChange } from '../../../shared/sync/merge.ts';
import type { DecodedPayload } from '../../../shared/sync/payload.ts';
import { checkField, isTableName, type TableName } from '../../../shared/schema/tables.ts';

/** One received change, with its origin device's global id. */
export interface Incoming extends FieldChange {
  table: TableName;
  rowId: string;
}

/**
 * Checks every change of a payload against the schemas before anything is written: an
 * unknown table or field, or a value its field does not accept, refuses the whole bundle
 * with a message naming table and field.
 */
export function validateChanges(decoded: DecodedPayload): Incoming[] {
  const out: Incoming[] = [];
  const devices = decoded.meta.devices.map((d) => d.id);
  for (const g of decoded.groups) {
    if (!isTableName(g.table))
      throw new PamojaError('invalid', `The bundle has changes for an unknown table "${g.table}".`, g.table);
    if (!isUuid(g.rowId))
      throw new PamojaError('invalid', `The bundle has a ${g.table} row with a bad id.`, g.table);
    if (g.hlc <= 0)
      throw new PamojaError('invalid', `The bundle has a ${g.table} change without a time.`, g.table);
    const device = devices[g.device]!;
    for (let i = 0; i < g.cols.length; i++) {
      const col = g.cols[i]!;
      const value = g.values[i]!;
      const problem =
        col === DELETED
          ? value === 1
            ? null
            : `${g.table}.${DELETED}: must be 1`
          : checkField(g.table, col, value);
      if (problem)
        throw new PamojaError(
          'invalid',
          `The bundle has a change that fails validation (${g.table} ${g.rowId}): ${problem}`,
          `${g.table}.${col}`,
        );
      out.push({ table: g.table, rowId: g.rowId, col, value, hlc: g.hlc, device });
    }
  }
  return out;
}

/** Splits off the changes stamped implausibly far ahead (see shared/sync/clockGuard.ts). */
export function partitionByClock(
  changes: Incoming[],
  localNowMs: number,
  bundleCreatedMs: number | undefined,
): { apply: Incoming[]; held: Incoming[] } {
  const apply: Incoming[] = [];
  const held: Incoming[] = [];
  for (const c of changes) (isTooFarAhead(c.hlc, localNowMs, bundleCreatedMs) ? held : apply).push(c);
  return { apply, held };
}
