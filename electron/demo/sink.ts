import type { Store } from '../db/store.ts';
import type { RowInput, TableName } from '../../shared/schema/tables.ts';

export type Progress = (done: number, total: number, label?: string) => void;

/**
 * Feeds rows to the change-recording write path in transactions of `chunk` rows, so a
 * country-sized demo neither holds one huge transaction nor pays for one per row.
 * Rows must come parents first: foreign keys are checked when each chunk commits.
 */
export interface RowSink {
  insert<T extends TableName>(table: T, row: RowInput<T> & { id: string }): void;
  /** Writes what is still buffered; returns the rows written per table. */
  finish(): Record<TableName, number>;
}

export function createSink(
  store: Store,
  total: number,
  progress: Progress | undefined,
  chunk = 5000,
): RowSink {
  let buffer: [TableName, RowInput<TableName>][] = [];
  let done = 0;
  const counts = {} as Record<TableName, number>;
  const flush = () => {
    if (buffer.length === 0) return;
    const rows = buffer;
    buffer = [];
    store.write((w) => {
      for (const [table, row] of rows) w.insert(table, row);
    });
    done += rows.length;
    progress?.(Math.min(done, total), total, `demo: ${rows[rows.length - 1]![0]}`);
  };
  return {
    insert(table, row) {
      buffer.push([table, row as RowInput<TableName>]);
      counts[table] = (counts[table] ?? 0) + 1;
      if (buffer.length >= chunk) flush();
    },
    finish() {
      flush();
      return counts;
    },
  };
}
