import { z } from 'zod';
import { languages } from '../i18n.ts';
import { Term } from '../schema/enums.ts';
import { indicatorSheetFields, schoolFields, sheetKinds } from '../sheets/fields.ts';
import { op } from './define.ts';

const Field = z.enum([...new Set([...schoolFields, ...indicatorSheetFields])] as [string, ...string[]]);
const SheetRequest = z.object({
  kind: z.enum(sheetKinds),
  fileName: z.string().trim().min(1).max(300),
  /** The file's bytes, base64 (a district sheet of 5,000 schools is well under 5 MB). */
  content: z.string().min(1).max(40_000_000),
  term: Term.optional(),
  /** One field (or null: not imported) per column, by position. */
  mapping: z.array(Field.nullable()).max(500).optional(),
  unknownClusters: z.enum(['create', 'nearest']).optional(),
  notSame: z.array(z.number().int().positive()).max(100_000).optional(),
  sheet: z.string().max(200).optional(),
  lang: z.enum(languages),
});

const Problem = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });
export const SheetPreview = z.object({
  kind: z.enum(sheetKinds),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sheetName: z.string(),
  sheets: z.array(z.string()),
  encoding: z.string().nullable(),
  separator: z.string().nullable(),
  headerRow: z.number(),
  columns: z.array(z.object({ label: z.string(), field: Field.nullable(), sample: z.string() })),
  remembered: z.boolean(),
  term: z.string().nullable(),
  dataRows: z.number(),
  counts: z.object({
    add: z.number(),
    update: z.number(),
    unchanged: z.number(),
    clustersCreated: z.number(),
  }),
  rejected: z.array(Problem),
  warnings: z.array(Problem),
  matches: z.array(
    z.object({
      row: z.number(),
      sheetName: z.string(),
      storedName: z.string(),
      storedCluster: z.string(),
      how: z.enum(['code', 'name', 'name_place']),
    }),
  ),
  newClusters: z.array(z.object({ name: z.string(), schools: z.number(), lat: z.number(), lon: z.number() })),
});

export const sheetOps = {
  /** What importing a spreadsheet would do: the mapping, matches, and every refused row with why. Writes nothing. */
  'sheets.preview': op(SheetRequest, SheetPreview),
  /** Imports it (all rows or none), in one transaction through the write path. */
  'sheets.import': op(SheetRequest, z.object({ preview: SheetPreview, written: z.number() })),
};
