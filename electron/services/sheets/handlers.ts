import type { SheetField } from '../../../shared/sheets/fields.ts';
import type { HandlerMap, OpsOf } from '../handlers.ts';
import { importSheet, previewSheet, type SheetInput } from './service.ts';

function input(i: {
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

export const sheetHandlers: HandlerMap<OpsOf<'sheets'>> = {
  'sheets.preview': (i, { store }) => previewSheet(store, input(i)),
  'sheets.import': (i, { store }) => importSheet(store, input(i)),
};
