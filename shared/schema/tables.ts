import { z } from 'zod';
import {
  AdoptionOutcome,
  AttendanceStatus,
  CommitmentStatus,
  CostLevel,
  EvidenceKind,
  IndicatorName,
  IsoDate,
  MemberRole,
  PracticeSetting,
  PriorityTag,
  ReviewOutcome,
  SchoolSetting,
  SchoolSize,
  SessionKind,
  SessionMode,
  SessionStatus,
  Term,
  indicatorNames,
} from './enums.ts';

/**
 * The synced tables and their columns. This is the single description the write path,
 * the region-file loader and bundle import all validate against: one zod schema per
 * column, so a change to one field can be checked on its own.
 *
 * Every synced row has a random UUID `id` (not listed here). Columns are snake_case as
 * in SQL. Soft references (no foreign key) are used where a selective bundle may carry a
 * row without its parent, e.g. a practice carried to another region without its school.
 */
export const Id = z.uuid();
const name = z.string().trim().min(1).max(200);
const text = z.string().max(20_000);
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const pct = z.number().min(0).max(100);
const count = z.number().int().min(0).max(1_000_000);
/** A JSON-encoded string array, stored as TEXT so it syncs as one field. */
const jsonList = (item: z.ZodType<string>) =>
  z.string().refine((s) => {
    try {
      const v: unknown = JSON.parse(s);
      return Array.isArray(v) && v.every((x) => item.safeParse(x).success);
    } catch {
      return false;
    }
  }, 'a JSON list');

const indicatorColumns = Object.fromEntries(
  indicatorNames.map((n) => [
    n,
    n.endsWith('_rate') || n.includes('_rate_') ? pct.nullable() : count.nullable(),
  ]),
) as Record<(typeof indicatorNames)[number], z.ZodNullable<z.ZodNumber>>;

export const tables = {
  regions: {
    name,
    country: z.string().max(100),
    language: z.string().max(20),
  },
  clusters: {
    region_id: Id,
    name,
    place: z.string().max(200),
    lat,
    lon,
    coach_name: z.string().max(200),
    language: z.string().max(20),
    /** The CoP's own criteria of an effective school (JSON list of sentences). */
    criteria: jsonList(z.string().trim().min(1).max(300)),
  },
  cluster_neighbours: {
    cluster_id: Id,
    neighbour_id: Id,
  },
  schools: {
    cluster_id: Id,
    name,
    head_name: z.string().max(200),
    lat,
    lon,
    setting: SchoolSetting,
    learners: count,
    teachers: count,
    official_code: z.string().trim().max(40),
    closed_on: IsoDate.nullable(),
    closed_reason: z.string().max(500),
  },
  members: {
    cluster_id: Id,
    school_id: Id.nullable(),
    name,
    role: MemberRole,
    phone: z.string().max(40),
    gender: z.enum(['f', 'm', '']),
    /** When the member left the CoP; null while a member. */
    left_on: IsoDate.nullable(),
  },
  priorities: {
    cluster_id: Id,
    tag: PriorityTag,
    title: z.string().max(300),
    rank: z.number().int().min(1).max(10),
    agreed_on: IsoDate,
    /** The period the CoP agreed it for, in its own words ("2026", "Terms 1–2 2026"). */
    period: z.string().trim().max(60),
  },
  indicators: {
    school_id: Id,
    term: Term,
    ...indicatorColumns,
  },
  sessions: {
    cluster_id: Id,
    kind: SessionKind,
    mode: SessionMode,
    status: SessionStatus,
    date: IsoDate,
    place: z.string().max(200),
    title: z.string().max(300),
    agenda: text,
    notes: text,
    host_school_id: Id.nullable(),
    enquiry_question: text,
    evidence: text,
    findings: text,
  },
  attendance: {
    session_id: Id,
    member_id: Id,
    status: AttendanceStatus,
  },
  commitments: {
    cluster_id: Id,
    session_id: Id.nullable(),
    owner_member_id: Id,
    action: z.string().trim().min(1).max(2000),
    due_date: IsoDate,
    witnesses: jsonList(Id),
    status: CommitmentStatus,
  },
  commitment_reviews: {
    commitment_id: Id,
    session_id: Id.nullable(),
    outcome: ReviewOutcome,
    note: text,
    reviewed_on: IsoDate,
  },
  practices: {
    title: name,
    problem: text,
    summary: text,
    tags: jsonList(PriorityTag),
    steps: text,
    resources: text,
    /** The time it takes, in the writer's words (e.g. “20 minutes a week of one teacher”). */
    time_needed: text,
    cost: CostLevel,
    setting: PracticeSetting,
    school_size: SchoolSize,
    language: z.string().max(20),
    origin_cluster_id: Id.nullable(),
    origin_school_id: Id.nullable(),
    origin_place: z.string().max(200),
    origin_lat: lat.nullable(),
    origin_lon: lon.nullable(),
    started_on: IsoDate,
  },
  practice_evidence: {
    practice_id: Id,
    kind: EvidenceKind,
    indicator: IndicatorName.nullable(),
    before_value: z.number().nullable(),
    after_value: z.number().nullable(),
    before_period: z.string().max(40),
    after_period: z.string().max(40),
    schools_count: z.number().int().min(0).max(100_000),
    cluster_id: Id.nullable(),
    story: text,
    recorded_on: IsoDate,
  },
  adoptions: {
    practice_id: Id,
    cluster_id: Id.nullable(),
    school_id: Id.nullable(),
    adopted_on: IsoDate,
    outcome: AdoptionOutcome,
    outcome_note: text,
    indicator: IndicatorName.nullable(),
  },
  recommendation_feedback: {
    cluster_id: Id,
    practice_id: Id,
    kind: z.enum(['shared', 'not_relevant']),
    session_id: Id.nullable(),
    given_on: IsoDate,
    retracted_on: IsoDate.nullable(),
    note: text,
  },
  /** The other write-ups merged into a practice: their origins and words (migration 0070). */
  practice_origins: {
    practice_id: Id,
    merged_practice_id: Id,
    title: name,
    problem: text,
    steps: text,
    origin_cluster_id: Id.nullable(),
    origin_school_id: Id.nullable(),
    origin_place: z.string().max(200),
    started_on: IsoDate,
    merged_on: IsoDate,
  },
} as const satisfies Record<string, Record<string, z.ZodType>>;

/**
 * Columns added after their table first synced, with the value a row takes when its change
 * log predates the column (rows written before the migration, or by an older laptop). The
 * merge fills these in instead of calling such a row incomplete, and the write path uses
 * them when an insert leaves them out.
 */
export const columnDefaults = {
  clusters: { criteria: '[]' },
  schools: { official_code: '', closed_on: null, closed_reason: '' },
  members: { left_on: null },
  priorities: { period: '' },
  practices: { time_needed: '' },
} as const satisfies {
  [T in keyof typeof tables]?: { [C in keyof (typeof tables)[T]]?: string | number | null };
};

type Defaulted<T> = T extends keyof typeof columnDefaults ? keyof (typeof columnDefaults)[T] : never;

/** The defaults of one table's later columns (empty for most tables). */
export function defaultsOf(table: string): Readonly<Record<string, string | number | null>> {
  return (columnDefaults as Record<string, Record<string, string | number | null>>)[table] ?? {};
}

export type TableName = keyof typeof tables;
export const tableNames = Object.keys(tables) as TableName[];
export const isTableName = (s: string): s is TableName => Object.hasOwn(tables, s);

/** A stored row of a synced table: its id plus every column. */
export type Row<T extends TableName> = { id: string } & {
  [C in keyof (typeof tables)[T]]: z.output<(typeof tables)[T][C]>;
};
/** What an insert takes: every column except those with a default (see `columnDefaults`). */
export type RowInput<T extends TableName> = Omit<Row<T>, 'id' | Defaulted<T>> &
  Partial<Pick<Row<T>, Defaulted<T> & keyof Row<T>>> & { id?: string };
export type Column<T extends TableName> = keyof (typeof tables)[T] & string;

export function columnsOf<T extends TableName>(table: T): Column<T>[] {
  return Object.keys(tables[table]) as Column<T>[];
}

/** The zod object for a whole row of `table` (with id). */
export function rowSchema<T extends TableName>(table: T) {
  return z.object({ id: Id, ...tables[table] }).strict();
}

/** Checks one field on its own, as bundle import does for each change. */
export function checkField(table: string, column: string, value: unknown): string | null {
  if (!isTableName(table)) return `unknown table "${table}"`;
  const cols: Record<string, z.ZodType> = tables[table];
  if (!Object.hasOwn(cols, column)) return `unknown field "${table}.${column}"`;
  const r = cols[column]!.safeParse(value);
  return r.success ? null : `${table}.${column}: ${r.error.issues[0]?.message ?? 'invalid'}`;
}
