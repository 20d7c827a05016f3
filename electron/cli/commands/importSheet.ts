import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PamojaError } from '../../../shared/errors.ts';
import { Term } from '../../../shared/schema/enums.ts';
import { fieldsOf, sheetKinds, type SheetField, type SheetKind } from '../../../shared/sheets/fields.ts';
import type { SheetPreview } from '../../../shared/sheets/plan.ts';
import type { OpInput } from '../../../shared/contract/index.ts';
import { SheetRefused } from '../../services/sheets/service.ts';
import { runCliJob } from '../jobs.ts';
import { EXIT_BAD_INPUT, EXIT_OK, parseFlags, required, UsageError, type Command } from '../command.ts';
import { openExistingStore } from '../openExisting.ts';

/** `--map FILE`: columns by their header text, and the choices the screen offers. */
const MapFile = z
  .object({
    columns: z.record(z.string(), z.string().nullable()).default({}),
    unknownClusters: z.enum(['create', 'nearest']).optional(),
    sheet: z.string().optional(),
    notSame: z.array(z.number().int().positive()).optional(),
  })
  .strict();

function readMap(path: string, kind: SheetKind): z.infer<typeof MapFile> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new PamojaError('invalid', `${path}: not a JSON mapping file (${(e as Error).message})`);
  }
  const parsed = MapFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PamojaError('invalid', `${path}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  const allowed = new Set<string>(fieldsOf(kind));
  for (const [header, field] of Object.entries(parsed.data.columns))
    if (field !== null && !allowed.has(field))
      throw new PamojaError(
        'invalid',
        `${path}: columns."${header}": "${field}" is not a ${kind} field (${[...allowed].join(', ')})`,
      );
  return parsed.data;
}

function describe(p: SheetPreview, written: boolean): string {
  const lines = [
    `${p.fileName}${p.sheetName ? ` (sheet "${p.sheetName}")` : ''}: header on row ${p.headerRow}, ${p.dataRows} row(s) of data`,
    `Columns: ${p.columns.map((c) => `${c.label} → ${c.field ?? '(not imported)'}`).join('; ')}`,
    `${written ? 'Imported' : 'Would import'}: ${p.counts.add} new, ${p.counts.update} changed, ${p.counts.unchanged} unchanged` +
      (p.kind === 'schools' ? `, ${p.counts.clustersCreated} new cluster(s)` : ''),
  ];
  for (const m of p.matches)
    lines.push(
      `Matched row ${m.row}: "${m.sheetName}" is the stored "${m.storedName}" (${m.storedCluster}, by ${m.how.replace('_', ' and ')})`,
    );
  for (const w of p.warnings)
    lines.push(`Note, row ${w.row}${w.column ? `, column ${w.column}` : ''}: ${w.message}`);
  if (p.rejected.length) {
    lines.push(`Refused ${p.rejected.length} row(s):`);
    for (const r of p.rejected)
      lines.push(`  row ${r.row}${r.column ? `, column ${r.column}` : ''}: ${r.message}`);
  }
  return `${lines.join('\n')}\n`;
}

export const importSheetCommand: Command = {
  name: 'import-sheet',
  summary:
    'Import schools (with clusters) or termly indicators from a district office spreadsheet (CSV or XLSX)',
  usage:
    'pamoja import-sheet --db FILE --kind schools|indicators [--term T] [--map FILE] [--dry-run] [--json] FILE.csv|FILE.xlsx',
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      {
        db: { type: 'string' },
        kind: { type: 'string' },
        term: { type: 'string' },
        map: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      true,
    );
    const kind = required(values.kind, 'kind');
    if (!(sheetKinds as readonly string[]).includes(kind))
      throw new UsageError('--kind must be schools or indicators');
    if (values.term !== undefined && !Term.safeParse(values.term).success)
      throw new UsageError(`--term must look like 2026-T2, got "${values.term}"`);
    if (positionals.length !== 1) throw new UsageError('give one spreadsheet file (.csv or .xlsx)');
    const path = positionals[0]!;
    const db = required(values.db, 'db');
    const map = values.map ? readMap(values.map, kind as SheetKind) : undefined;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new PamojaError('invalid', `Cannot read ${path}: ${(e as Error).message}`);
    }
    openExistingStore(db).close(); // a mistyped --db is said, not made into an empty store
    // Both steps run in the job runner's worker, as in the app; the import takes its snapshot.
    const input: OpInput<'sheets.import'> = {
      kind: kind as SheetKind,
      fileName: path,
      content: Buffer.from(bytes).toString('base64'),
      lang: 'en',
      ...(values.term ? { term: values.term } : {}),
      ...(map?.unknownClusters ? { unknownClusters: map.unknownClusters } : {}),
      ...(map?.sheet !== undefined ? { sheet: map.sheet } : {}),
      ...(map?.notSame ? { notSame: map.notSame } : {}),
    };
    if (map && Object.keys(map.columns).length) {
      // The map names columns by their header text; every other column keeps its guess.
      const first = await runCliJob(db, 'sheets.preview', input, io);
      input.mapping = first.columns.map((c) =>
        Object.hasOwn(map.columns, c.label) ? (map.columns[c.label] as SheetField | null) : c.field,
      );
    }
    const out = (p: SheetPreview, written: number | null): void =>
      io.stdout(
        values.json
          ? `${JSON.stringify({ ...p, written: written ?? 0, dryRun: values['dry-run'] }, null, 2)}\n`
          : describe(p, written !== null),
      );
    // The preview lists every refused row; only a sheet with none is imported.
    const preview = (await runCliJob(db, 'sheets.preview', input, io)) as SheetPreview;
    if (values['dry-run']) {
      out(preview, null);
      return EXIT_OK;
    }
    if (preview.rejected.length) {
      out(preview, null);
      io.stderr(`${new SheetRefused(preview, 'en').message}\n`);
      return EXIT_BAD_INPUT;
    }
    const { preview: imported, written } = await runCliJob(db, 'sheets.import', input, io);
    out(imported as SheetPreview, written);
    return EXIT_OK;
  },
};
