import { PamojaError } from '../../../shared/errors.ts';
import { isUuid } from '../../../shared/ids.ts';
import { isTooFarAhead } from '../../../shared/sync/clockGuard.ts';
import { DELETED } from '../../../shared/sync/merge.ts';
import type { Write } from '../../../shared/sync/writes.ts';
import type { DecodedPayload } from '../../../shared/sync/payload.ts';
import { checkField, isTableName } from '../../../shared/schema/tables.ts';

/**
 * Checks every change of a payload against the schemas before anything is written: an
 * unknown table or field, or a value its field does not accept, refuses the whole bundle
 * with a message naming table and field. Returns the writes (one per decoded group, its
 * arrays shared, so a large bundle is not copied change by change).
 */
export function validateWrites(decoded: DecodedPayload): { writes: Write[]; changes: number } {
  const devices = decoded.meta.devices.map((d) => d.id);
  const writes: Write[] = new Array<Write>(decoded.groups.length);
  decoded.groups.forEach((g, n) => {
    if (!isTableName(g.table))
      throw new PamojaError('invalid', `The bundle has changes for an unknown table "${g.table}".`, g.table);
    if (!isUuid(g.rowId))
      throw new PamojaError('invalid', `The bundle has a ${g.table} row with a bad id.`, g.table);
    if (g.hlc <= 0)
      throw new PamojaError('invalid', `The bundle has a ${g.table} change without a time.`, g.table);
    for (let i = 0; i < g.cols.length; i++) {
      const col = g.cols[i]!;
      const value = g.values[i]!;
      const problem =
        col === DELETED
          ? value === 1 || value === 0
            ? null
            : `${g.table}.${DELETED}: must be 1 (removed) or 0 (restored)`
          : checkField(g.table, col, value);
      if (problem)
        throw new PamojaError(
          'invalid',
          `The bundle has a change that fails validation (${g.table} ${g.rowId}): ${problem}`,
          `${g.table}.${col}`,
        );
    }
    writes[n] = {
      table: g.table,
      rowId: g.rowId,
      hlc: g.hlc,
      device: devices[g.device]!,
      cols: g.cols,
      values: g.values,
    };
  });
  return { writes, changes: decoded.changes };
}

/** Splits off the writes stamped implausibly far ahead (see shared/sync/clockGuard.ts). */
export function partitionByClock(
  writes: Write[],
  localNowMs: number,
  bundleCreatedMs: number | undefined,
): { apply: Write[]; held: Write[] } {
  const apply: Write[] = [];
  const held: Write[] = [];
  for (const w of writes) (isTooFarAhead(w.hlc, localNowMs, bundleCreatedMs) ? held : apply).push(w);
  return { apply, held };
}
