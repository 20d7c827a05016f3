import { hlcToIso } from '../../../shared/clock.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { fieldVersions, type FieldValue } from '../../../shared/sync/merge.ts';
import { checkField, isTableName } from '../../../shared/schema/tables.ts';
import type { Store } from '../../db/store.ts';

export interface FieldHistoryEntry {
  value: FieldValue;
  /** When it was written (ISO), by the writing laptop's clock. */
  at: string;
  hlc: number;
  deviceId: string;
  /** The laptop's name (usually the coach's), '' if never told. */
  deviceName: string;
  /** Written on this laptop. */
  self: boolean;
  /** The version the store shows now. */
  current: boolean;
}

/**
 * Every version of one field, newest first: what lets the UI say "also edited on
 * <laptop> on <date>" with the other text, since a value that lost a merge is kept.
 */
export function fieldHistory(
  store: Store,
  table: string,
  rowId: string,
  column: string,
): FieldHistoryEntry[] {
  if (!isTableName(table)) throw new PamojaError('invalid', `unknown table "${table}"`, 'table');
  const problem = checkField(table, column, undefined);
  if (problem?.startsWith('unknown field')) throw new PamojaError('invalid', problem, 'column');
  const rows = store.statements
    .get(
      `SELECT c.value, c.hlc, d.device_id AS device, d.name, d.is_self
       FROM changes c JOIN devices d ON d.idx = c.device WHERE c.tbl = ? AND c.row_id = ? AND c.col = ?`,
    )
    .all(table, rowId, column) as {
    value: FieldValue;
    hlc: number;
    device: string;
    name: string;
    is_self: number;
  }[];
  const info = new Map(rows.map((r) => [r.device, r]));
  return fieldVersions(rows).map((v) => ({
    value: v.value,
    at: hlcToIso(v.hlc),
    hlc: v.hlc,
    deviceId: v.device,
    deviceName: info.get(v.device)?.name ?? '',
    self: info.get(v.device)?.is_self === 1,
    current: v.current,
  }));
}
