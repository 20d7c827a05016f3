import { translator, type Lang } from '../../../shared/i18n.ts';
import { PamojaError } from '../../../shared/errors.ts';
import type { SheetPreview } from '../../../shared/sheets/plan.ts';
import { defineMessages } from '../../../shared/i18n.ts';
import type { Store } from '../../db/store.ts';
import { commitSheet, noJob, type JobControl } from './commit.ts';
import { rememberMapping } from './mappings.ts';
import { planSheet, type SheetOptions } from './plan.ts';
import { readSheetFile } from './read.ts';

export interface SheetInput extends SheetOptions {
  fileName: string;
  bytes: Uint8Array;
}

/** What a sheet would do, row by row; nothing is written. */
export async function previewSheet(
  store: Store,
  input: SheetInput,
  job: JobControl = noJob,
): Promise<SheetPreview> {
  job.progress({ phase: 'read', done: 0, total: 1 });
  const file = await readSheetFile(input.bytes, input.fileName);
  return planSheet(store, file, input.fileName, input).preview;
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
 * write; otherwise one transaction through the write path, and the column mapping is
 * remembered for the next sheet with the same header.
 */
export async function importSheet(
  store: Store,
  input: SheetInput,
  job: JobControl = noJob,
): Promise<{ preview: SheetPreview; written: number }> {
  job.progress({ phase: 'read', done: 0, total: 1 });
  const file = await readSheetFile(input.bytes, input.fileName);
  const plan = planSheet(store, file, input.fileName, input);
  if (plan.preview.rejected.length) throw new SheetRefused(plan.preview, input.lang);
  const { written } = commitSheet(store, plan.writes, job);
  rememberMapping(store, plan.headerKey, plan.mapping);
  return { preview: plan.preview, written };
}
