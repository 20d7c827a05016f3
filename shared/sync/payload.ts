import { z } from 'zod';
import {
  ByteReader,
  ByteWriter,
  PayloadFormatError,
  bytesToUuid,
  isCanonicalUuid,
  uuidToBytes,
} from './bytes.ts';
import { KnowledgeSchema, type Knowledge } from './knowledge.ts';
import type { FieldValue } from './merge.ts';

/**
 * The changes a bundle carries, encoded compactly (the bundle layer compresses and
 * encrypts these bytes). Column-oriented per table, because neighbouring values of one
 * column look alike and compress well:
 *
 *   version byte, meta (JSON: devices, knowledge), id dictionary (16 bytes per UUID),
 *   then per table: its columns, and per *group* (one write: a row, a clock value, a
 *   device and the fields it set) the row, device, clock delta and a column bit mask;
 *   then each column's values for the groups that set it.
 *
 * Groups are sorted by clock within a table, so clock values cost a small delta. UUIDs
 * anywhere (row ids, references) are numbers into one dictionary; other strings go
 * through a per-column dictionary, so repeated enum values, dates and names cost a byte
 * or two; decimals such as 87.5 or -3.6312 are stored as scaled integers when that
 * round-trips exactly.
 */
export const PAYLOAD_VERSION = 1;

export interface PayloadDevice {
  id: string;
  name: string;
}

export interface PayloadMeta {
  /** Devices the groups refer to (by index), with names for "edited on …". */
  devices: PayloadDevice[];
  /** What the sender holds: per origin device, clock ranges. */
  knowledge: Knowledge;
  /**
   * What the sender assumed the receiver already holds. With `base` set, the bundle
   * carries every change of `knowledge` outside `base`, so a receiver that holds `base`
   * will hold all of `knowledge` after import. Null for bundles that carry only part of
   * the store (selective), which teach the receiver nothing about ranges.
   */
  base: Knowledge | null;
}

const MetaSchema = z
  .object({
    devices: z
      .array(z.object({ id: z.string().min(1).max(100), name: z.string().max(200) }).strict())
      .max(100_000),
    knowledge: KnowledgeSchema,
    base: KnowledgeSchema.nullable(),
  })
  .strict();

/** One write on one row: a clock value, a device and the fields it set (a tombstone is field `_deleted`). */
export interface ChangeGroup {
  table: string;
  rowId: string;
  hlc: number;
  /** Index into `meta.devices`. */
  device: number;
  cols: string[];
  values: FieldValue[];
}

const MAX_COLUMNS = 30;
const T_NULL = 0;
const T_INT = 1;
const T_F64 = 2;
const T_NEW_STRING = 3;
const T_STRING_REF = 4;
const T_UUID = 5;
const T_DECIMAL = 6; // 6..11: an integer scaled by 10^1..10^6
const MAX_DECIMALS = 6;
const MAX_INT = 2 ** 51;
const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

interface Section {
  cols: string[];
  colIndex: Map<string, number>;
  groups: { row: number; hlc: number; device: number; mask: number; values: FieldValue[] }[];
}

export class PayloadEncoder {
  private readonly ids = new Map<string, number>();
  private readonly devices = new Map<string, number>();
  private readonly sections = new Map<string, Section>();
  private current: {
    table: string;
    rowId: string;
    hlc: number;
    device: string;
    group: Section['groups'][number];
  } | null = null;
  /** Number of field changes added. */
  changes = 0;

  private idRef(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) this.ids.set(id, (n = this.ids.size));
    return n;
  }

  /** Adds one field change. Changes of one write should be added one after another. */
  add(table: string, rowId: string, col: string, value: FieldValue, hlc: number, device: string): void {
    let section = this.sections.get(table);
    if (!section) this.sections.set(table, (section = { cols: [], colIndex: new Map(), groups: [] }));
    let ci = section.colIndex.get(col);
    if (ci === undefined) {
      ci = section.cols.length;
      if (ci >= MAX_COLUMNS) throw new Error(`table ${table} has too many columns for the change payload`);
      section.cols.push(col);
      section.colIndex.set(col, ci);
    }
    const bit = 2 ** ci;
    const c = this.current;
    if (
      !c ||
      c.table !== table ||
      c.rowId !== rowId ||
      c.hlc !== hlc ||
      c.device !== device ||
      Math.floor(c.group.mask / bit) % 2 === 1
    ) {
      let d = this.devices.get(device);
      if (d === undefined) this.devices.set(device, (d = this.devices.size));
      const group = { row: this.idRef(rowId), hlc, device: d, mask: 0, values: [] as FieldValue[] };
      section.groups.push(group);
      this.current = { table, rowId, hlc, device, group };
    }
    const g = this.current!.group;
    g.mask += bit;
    g.values[ci] = value;
    this.changes++;
  }

  get deviceIds(): string[] {
    return [...this.devices.keys()];
  }

  finish(meta: Omit<PayloadMeta, 'devices'>, deviceName: (id: string) => string): Uint8Array {
    const body = new ByteWriter();
    const sections = [...this.sections.entries()];
    body.uint(sections.length);
    for (const [table, s] of sections) this.writeSection(body, table, s);

    const out = new ByteWriter();
    out.byte(PAYLOAD_VERSION);
    const fullMeta: PayloadMeta = {
      devices: this.deviceIds.map((id) => ({ id, name: deviceName(id) })),
      ...meta,
    };
    out.string(JSON.stringify(fullMeta));
    out.uint(this.ids.size);
    const idBytes = new Uint8Array(this.ids.size * 16);
    let i = 0;
    for (const id of this.ids.keys()) {
      if (!isCanonicalUuid(id)) throw new Error(`row id ${id} is not a canonical UUID`);
      uuidToBytes(id, idBytes, i++ * 16);
    }
    out.bytes(idBytes);
    out.append(body);
    return out.finish();
  }

  private writeSection(w: ByteWriter, table: string, s: Section): void {
    const groups = s.groups.sort((a, b) => a.hlc - b.hlc);
    w.string(table);
    w.uint(s.cols.length);
    for (const c of s.cols) w.string(c);
    w.uint(groups.length);
    for (const g of groups) w.uint(g.row);
    for (const g of groups) w.uint(g.device);
    let prev = 0;
    for (const g of groups) {
      w.uint(g.hlc - prev);
      prev = g.hlc;
    }
    for (const g of groups) w.uint(g.mask);
    s.cols.forEach((_, ci) => {
      const bit = 2 ** ci;
      const dict = new Map<string, number>();
      for (const g of groups) if (Math.floor(g.mask / bit) % 2 === 1) this.writeValue(w, g.values[ci]!, dict);
    });
  }

  private writeValue(w: ByteWriter, v: FieldValue, dict: Map<string, number>): void {
    if (v === null) return w.byte(T_NULL);
    if (typeof v === 'number') {
      if (Number.isInteger(v) && Math.abs(v) < MAX_INT && !Object.is(v, -0)) {
        w.byte(T_INT);
        return w.int(v);
      }
      for (let d = 1; d <= MAX_DECIMALS && Number.isFinite(v); d++) {
        const n = Math.round(v * POW10[d]!);
        if (Math.abs(n) < MAX_INT && n / POW10[d]! === v && !Object.is(v, -0)) {
          w.byte(T_DECIMAL + d - 1);
          return w.int(n);
        }
      }
      w.byte(T_F64);
      return w.f64(v);
    }
    if (isCanonicalUuid(v)) {
      w.byte(T_UUID);
      return w.uint(this.idRef(v));
    }
    const ref = dict.get(v);
    if (ref !== undefined) {
      w.byte(T_STRING_REF);
      return w.uint(ref);
    }
    dict.set(v, dict.size);
    w.byte(T_NEW_STRING);
    w.string(v);
  }
}

export interface DecodedPayload {
  meta: PayloadMeta;
  groups: ChangeGroup[];
  /** Number of field changes. */
  changes: number;
}

/** Decodes a payload; any structural problem throws PayloadFormatError. */
export function decodePayload(bytes: Uint8Array): DecodedPayload {
  const r = new ByteReader(bytes);
  const version = r.byte();
  if (version !== PAYLOAD_VERSION)
    throw new PayloadFormatError(
      `the change list has format ${version}; this version of Pamoja reads ${PAYLOAD_VERSION}`,
    );
  let metaJson: unknown;
  try {
    metaJson = JSON.parse(r.string(64 << 20));
  } catch (e) {
    if (e instanceof PayloadFormatError) throw e;
    throw new PayloadFormatError('the change list header is not valid JSON');
  }
  const parsedMeta = MetaSchema.safeParse(metaJson);
  if (!parsedMeta.success) throw new PayloadFormatError('the change list header is malformed');
  const meta = parsedMeta.data;

  const idCount = r.uint();
  if (idCount * 16 > bytes.length) throw new PayloadFormatError('the id list is longer than the bundle');
  const idBytes = r.bytes(idCount * 16);
  const ids: string[] = new Array<string>(idCount);
  for (let i = 0; i < idCount; i++) ids[i] = bytesToUuid(idBytes, i * 16);

  const groups: ChangeGroup[] = [];
  let changes = 0;
  const sectionCount = r.uint();
  const seenTables = new Set<string>();
  for (let s = 0; s < sectionCount; s++) {
    const table = r.string(100);
    if (seenTables.has(table)) throw new PayloadFormatError(`table ${table} appears twice`);
    seenTables.add(table);
    const colCount = r.uint();
    if (colCount > MAX_COLUMNS) throw new PayloadFormatError(`table ${table} lists too many fields`);
    const cols: string[] = [];
    for (let c = 0; c < colCount; c++) cols.push(r.string(100));
    const n = r.uint();
    if (n > bytes.length) throw new PayloadFormatError('more changes than the bundle has room for');
    const rows = new Array<number>(n);
    const devs = new Array<number>(n);
    const hlcs = new Array<number>(n);
    const masks = new Array<number>(n);
    for (let i = 0; i < n; i++) rows[i] = r.index(idCount, 'row id');
    for (let i = 0; i < n; i++) devs[i] = r.index(meta.devices.length, 'device');
    let hlc = 0;
    for (let i = 0; i < n; i++) {
      hlc += r.uint();
      if (!Number.isSafeInteger(hlc)) throw new PayloadFormatError('a clock value is out of range');
      hlcs[i] = hlc;
    }
    for (let i = 0; i < n; i++) {
      const m = r.uint();
      if (m === 0 || m >= 2 ** colCount) throw new PayloadFormatError('a change names a missing field');
      masks[i] = m;
    }
    const sectionGroups: ChangeGroup[] = new Array<ChangeGroup>(n);
    for (let i = 0; i < n; i++) {
      sectionGroups[i] = {
        table,
        rowId: ids[rows[i]!]!,
        hlc: hlcs[i]!,
        device: devs[i]!,
        cols: [],
        values: [],
      };
    }
    cols.forEach((col, ci) => {
      const bit = 2 ** ci;
      const dict: string[] = [];
      for (let i = 0; i < n; i++) {
        if (Math.floor(masks[i]! / bit) % 2 === 0) continue;
        const g = sectionGroups[i]!;
        g.cols.push(col);
        g.values.push(readValue(r, dict, ids));
        changes++;
      }
    });
    for (const g of sectionGroups) groups.push(g);
  }
  if (!r.done) throw new PayloadFormatError('unexpected bytes after the change list');
  return { meta, groups, changes };
}

function readValue(r: ByteReader, dict: string[], ids: string[]): FieldValue {
  const tag = r.byte();
  switch (tag) {
    case T_NULL:
      return null;
    case T_INT:
      return r.int();
    case T_F64: {
      const x = r.f64();
      if (!Number.isFinite(x)) throw new PayloadFormatError('a number in the change list is not finite');
      return x;
    }
    case T_NEW_STRING: {
      const s = r.string();
      dict.push(s);
      return s;
    }
    case T_STRING_REF:
      return dict[r.index(dict.length, 'text')]!;
    case T_UUID:
      return ids[r.index(ids.length, 'id')]!;
    default:
      if (tag >= T_DECIMAL && tag < T_DECIMAL + MAX_DECIMALS) return r.int() / POW10[tag - T_DECIMAL + 1]!;
      throw new PayloadFormatError(`unknown value kind ${tag} in the change list`);
  }
}
