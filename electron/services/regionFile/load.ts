import { PamojaError, formatPath, fromZodError } from '../../../shared/errors.ts';
import { REGION_FILE_FORMAT, REGION_FILE_VERSION, RegionFile } from '../../../shared/regionFile.ts';
import { columnsOf, tableNames, type Row, type TableName } from '../../../shared/schema/tables.ts';
import type { Store } from '../../db/store.ts';
import type { Writer } from '../../db/writer.ts';
import { parseJsonText } from './jsonText.ts';
import { regionFileRows, type RegionRows } from './rows.ts';

export interface TableCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface LoadSummary {
  tables: Record<TableName, TableCounts>;
  /** How many rows of each table the file holds. */
  counts: Record<TableName, number>;
  /** Field changes recorded in the change log (0 when the store already matched the file). */
  changes: number;
}

/** The JSON text of a region file as a value; a syntax error names its line and column. */
export function parseRegionFileText(text: string): unknown {
  return parseJsonText(text);
}

/**
 * Checks a whole region file without touching any store: format, version, every field,
 * and every reference between records. The first problem is thrown as a PamojaError
 * naming its path, e.g. `schools[3].lat: Too big: expected number to be <=90`.
 */
export function parseRegionFile(input: unknown): RegionFile {
  const json = typeof input === 'string' ? parseJsonText(input) : input;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new PamojaError(
      'invalid',
      `This is not a Pamoja region file: expected a JSON object with "format": "${REGION_FILE_FORMAT}".`,
    );
  }
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== REGION_FILE_FORMAT) {
    throw new PamojaError(
      'invalid',
      `This is not a Pamoja region file: "format" is ${JSON.stringify(format) ?? 'missing'}, expected "${REGION_FILE_FORMAT}".`,
      'format',
    );
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > REGION_FILE_VERSION) {
    throw new PamojaError(
      'invalid',
      `This region file is version ${version}; this Pamoja reads region files up to version ${REGION_FILE_VERSION}. Update Pamoja to load it.`,
      'version',
    );
  }
  const parsed = RegionFile.safeParse(json, {
    // "expected string, received undefined" reads badly for a field someone left out.
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? `required (${issue.expected})` : undefined,
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    // zod reports a misspelt field at its parent object; point at the field itself.
    if (first?.code === 'unrecognized_keys') {
      const path = formatPath([...first.path, first.keys[0]!]);
      throw new PamojaError('invalid', `${path}: unknown field (check its spelling)`, path);
    }
    throw fromZodError(parsed.error);
  }
  return parsed.data;
}

/**
 * Loads a region file (its parsed JSON, or its text) into the store. The whole document
 * is checked first; if anything is wrong nothing is written.
 */
export function loadRegionFile(store: Store, input: unknown): LoadSummary {
  return writeRegionFile(store, parseRegionFile(input));
}

/**
 * Writes a checked region file in one transaction through the write path: new records
 * are inserted, existing ones (same id) get only their changed fields updated. Records
 * missing from the file are left alone.
 */
export function writeRegionFile(store: Store, doc: RegionFile): LoadSummary {
  const rows = regionFileRows(doc);
  const empty = (): TableCounts => ({ inserted: 0, updated: 0, unchanged: 0 });
  const summary: LoadSummary = {
    tables: Object.fromEntries(tableNames.map((t) => [t, empty()])) as LoadSummary['tables'],
    counts: Object.fromEntries(tableNames.map((t) => [t, rows[t].length])) as LoadSummary['counts'],
    changes: 0,
  };
  store.write((w) => {
    // tables.ts lists parents before children, so the change log reads in a sensible order.
    for (const table of tableNames)
      summary.changes += upsert(store, w, table, rows[table], summary.tables[table]);
  });
  return summary;
}

/** Inserts new rows and updates changed fields of existing ones; returns the fields recorded. */
function upsert<T extends TableName>(
  store: Store,
  w: Writer,
  table: T,
  rows: RegionRows[T],
  counts: TableCounts,
): number {
  const exists = store.statements.get(`SELECT 1 FROM ${table} WHERE id = ?`);
  let changes = 0;
  for (const row of rows) {
    const { id, ...fields } = row;
    const changed = exists.get(id) ? w.update(table, id, fields as Partial<Omit<Row<T>, 'id'>>) : -1;
    if (changed === -1) {
      w.insert(table, row);
      counts.inserted++;
      changes += columnsOf(table).length;
    } else {
      counts[changed > 0 ? 'updated' : 'unchanged']++;
      changes += changed;
    }
  }
  return changes;
}
