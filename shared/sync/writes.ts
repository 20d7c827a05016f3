import type { TableName } from '../schema/tables.ts';
import type { FieldChange, FieldValue } from './merge.ts';

/** One received write: a row, a time, its origin device's global id and the fields it set. */
export interface Write {
  table: TableName;
  rowId: string;
  hlc: number;
  device: string;
  cols: string[];
  values: FieldValue[];
}

/** One received change on its own (held-back changes are kept one by one). */
export interface Incoming extends FieldChange {
  table: TableName;
  rowId: string;
}

/** The single changes of some writes. */
export function* changesOf(writes: Iterable<Write>): Generator<FieldChange> {
  for (const w of writes)
    for (let i = 0; i < w.cols.length; i++)
      yield { col: w.cols[i]!, value: w.values[i]!, hlc: w.hlc, device: w.device };
}
