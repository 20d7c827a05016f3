import type { SchoolSetting } from '../schema/enums.ts';
import type { SheetField, SheetKind } from './fields.ts';

/** What the coach sees before anything is written: the preview of a sheet import. */
export interface SheetProblem {
  /** The sheet's own row number (1 = the first row of the file). */
  row: number;
  /** The column's header as written, or null for the row as a whole. */
  column: string | null;
  message: string;
}

export interface SchoolMatch {
  row: number;
  sheetName: string;
  storedName: string;
  storedCluster: string;
  how: 'code' | 'name' | 'name_place';
}

export interface SheetPreview {
  kind: SheetKind;
  fileName: string;
  format: 'csv' | 'xlsx';
  sheetName: string;
  sheets: string[];
  encoding: string | null;
  separator: string | null;
  /** 1-based row of the header. */
  headerRow: number;
  columns: { label: string; field: SheetField | null; sample: string }[];
  /** True when the mapping came from an earlier import of a sheet with this header. */
  remembered: boolean;
  term: string | null;
  dataRows: number;
  counts: { add: number; update: number; unchanged: number; clustersCreated: number };
  rejected: SheetProblem[];
  warnings: SheetProblem[];
  /** Stored schools the sheet's rows were matched to, for the coach to confirm. */
  matches: SchoolMatch[];
  newClusters: { name: string; schools: number; lat: number; lon: number }[];
}

/** The writes a confirmed import makes (all in one transaction, through the write path). */
export interface SheetWrites {
  regionId: string | null;
  clusters: { key: string; name: string; lat: number; lon: number }[];
  newSchools: {
    row: number;
    /** An existing cluster's id, or `new:<key>` for one created above. */
    cluster: string;
    name: string;
    code: string;
    head_name: string;
    lat: number;
    lon: number;
    setting: SchoolSetting;
    learners: number;
    teachers: number;
  }[];
  schoolUpdates: { row: number; id: string; patch: Record<string, string | number> }[];
  indicators: { row: number; schoolId: string; term: string; values: Record<string, number | null> }[];
}
