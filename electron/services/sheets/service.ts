import { translator, type Lang } from '../../../shared/i18n.ts';
import { PamojaError } from '../../../shared/errors.ts';
import type { SheetPreview } from '../../../shared/sheets/plan.ts';
import { defineMessages } from '../../../shared/i18n.ts';
import type { Store } from '../../db/store.ts';
import type { SheetField } from '../../../shared/sheets/fields.ts';
import { JobCancelled, noHooks, type JobHooks } from '../jobs/hooks.ts';
import { commitSheet } from './commit.ts';
import { rememberMapping } from './mappings.ts';
import { planSheet, type SheetOptions } from './plan.ts';
import { readSheetFile } from './read.ts';

export interface SheetInput extends SheetOptions {
  fileName: string;
  bytes: Uint8Array;
}

/** The contract's request (the file's bytes as base64) as the service takes it. */
export function sheetInput(i: {
  kind: SheetInput['kind'];
  fileName: string;
  content: string;
  term?: string | undefined;
  mapping?: (string | null)[] | undefined;
  unknownClusters?: 'create' | 'nearest' | undefined;
  notSame?: number[] | undefined;
  sheet?: string | undefined;
  lang: SheetInput['lang'];
}): SheetInput {
  return {
    kind: i.kind,
    fileName: i.fileName,
    bytes: Buffer.from(i.content, 'base64'),
    lang: i.lang,
    ...(i.term ? { term: i.term } : {}),
    ...(i.mapping ? { mapping: i.mapping as (SheetField | null)[] } : {}),
    ...(i.unknownClusters ? { unknownClusters: i.unknownClusters } : {}),
    ...(i.notSame ? { notSame: i.notSame } : {}),
    ...(i.sheet !== undefined ? { sheet: i.sheet } : {}),
  };
}

/** Reads and plans a sheet, reporting each step; the plan is cancellable (nothing written yet). */
async function readAndPlan(store: Store, input: SheetInput, job: JobHooks) {
  job.progress({ phase: 'read', done: 0, total: 2 });
  const file = await readSheetFile(input.bytes, input.fileName);
  if (job.cancelled()) throw new JobCancelled();
  job.progress({ phase: 'check', done: 1, total: 2 });
  const plan = planSheet(store, file, input.fileName, input);
  if (job.cancelled()) throw new JobCancelled();
  job.progress({ phase: 'check', done: 2, total: 2 });
  return plan;
}

/** What a sheet would do, row by row; nothing is written. */
export async function previewSheet(
  store: Store,
  input: SheetInput,
  job: JobHooks = noHooks,
): Promise<SheetPreview> {
  return (await readAndPlan(store, input, job)).preview;
}

const messages = defineMessages({
  en: {
    refused:
      '{n} row(s) of {file} were refused; nothing was written. Fix them or the column mapping and try again.',
  },
  sw: {
    refused:
      'Safu {n} za {file} zimekataliwa; hakuna kilichoandikwa. Zirekebishe au upangaji wa safu kisha ujaribu tena.',
  },
});

export class SheetRefused extends PamojaError {
  readonly preview: SheetPreview;
  constructor(preview: SheetPreview, lang: Lang) {
    super(
      'invalid',
      translator(messages, lang)('refused', { n: preview.rejected.length, file: preview.fileName }),
    );
    this.preview = preview;
  }
}

/**
 * Imports a sheet: all of it or nothing. Any refused row stops the import before a single
 * write; otherwise `beforeWrite` (the snapshot), then one transaction through the write
 * path, and the column mapping is remembered for the next sheet with the same header.
 */
export async function importSheet(
  store: Store,
  input: SheetInput,
  job: JobHooks = noHooks,
  beforeWrite: () => Promise<void> = async () => undefined,
): Promise<{ preview: SheetPreview; written: number }> {
  const plan = await readAndPlan(store, input, job);
  if (plan.preview.rejected.length) throw new SheetRefused(plan.preview, input.lang);
  await beforeWrite(); // the before-import snapshot, in the job runner
  const { written } = commitSheet(store, plan.writes, job);
  rememberMapping(store, plan.headerKey, plan.mapping);
  return { preview: plan.preview, written };
}
