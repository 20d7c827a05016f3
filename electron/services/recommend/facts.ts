import type { AdoptionFact, EvidenceFact } from '../../../shared/recommend/evidence.ts';
import type { ClusterPlace } from '../../../shared/recommend/places.ts';
import { derive, type PracticeFacts } from '../../../shared/recommend/derive.ts';
import type { PriorityTag } from '../../../shared/schema/enums.ts';
import type { Store } from '../../db/store.ts';
import { practiceWordsCurrent, reindexPracticeWords } from '../../db/words.ts';
import { runAll, runInBackground } from '../slices.ts';

/**
 * What the ranking needs of every practice, kept in memory per open store. A question
 * may fit tens of thousands of practices (all those of a priority); reading their
 * evidence and adoptions from SQLite on every question would cost far more than the
 * 50 ms a recommendation may take, so the facts are read once and then kept current
 * from the change log: every write to a synced table (local, loader, bundle import)
 * appends to `changes`, so the rows changed since the last look say exactly which
 * practices to read again.
 */
export interface PracticeEntry extends PracticeFacts {
  seq: number;
}

export interface PracticeIndex {
  byId: Map<string, PracticeEntry>;
  bySeq: Map<number, PracticeEntry>;
  clusters: Map<string, ClusterPlace>;
  /** Recent full-text answers by query (a panel asks again after every feedback). */
  textCache: Map<string, Map<number, number>>;
  /** Every practice, in a stable order; rebuilt after changes. */
  all(): PracticeEntry[];
  /** Goes up whenever a practice's text may have changed (for caches of the full-text index). */
  textVersion: number;
}

interface State extends PracticeIndex {
  lastSeq: number;
  dataVersion: number;
  totalChanges: number;
  list: PracticeEntry[] | null;
}

/** More changed rows than this since the last look: read everything again. */
const REBUILD_ABOVE = 5000;

const states = new WeakMap<Store, State>();

interface PracticeRow {
  seq: number;
  id: string;
  tags: string;
  cost: PracticeFacts['cost'];
  setting: PracticeFacts['setting'];
  school_size: PracticeFacts['schoolSize'];
  started_on: string;
  origin_cluster_id: string | null;
  origin_place: string;
  origin_lat: number | null;
  origin_lon: number | null;
  language: string;
}
interface EvidenceRow {
  practice_id: string;
  kind: EvidenceFact['kind'];
  indicator: EvidenceFact['indicator'];
  before_value: number | null;
  after_value: number | null;
  schools_count: number;
  cluster_id: string | null;
  recorded_on: string;
}
interface AdoptionRow {
  practice_id: string;
  cluster_id: string | null;
  school_id: string | null;
  outcome: AdoptionFact['outcome'];
  indicator: AdoptionFact['indicator'];
  adopted_on: string;
}

const PRACTICE_COLS = `seq, id, tags, cost, setting, school_size, started_on, origin_cluster_id,
  origin_place, origin_lat, origin_lon, language`;
const EVIDENCE_COLS = `practice_id, kind, indicator, before_value, after_value, schools_count,
  cluster_id, recorded_on`;
const ADOPTION_COLS = 'practice_id, cluster_id, school_id, outcome, indicator, adopted_on';

/**
 * One copy of each repeated value (cluster ids, dates, tag lists), so 140,000 rows do
 * not hold 140,000 copies: the facts of a country stay well under 100 MB.
 */
function interner() {
  const seen = new Map<string, string>();
  return (s: string | null): string | null => {
    if (s === null) return null;
    const had = seen.get(s);
    if (had !== undefined) return had;
    seen.set(s, s);
    return s;
  };
}

/** Parsed tag lists by their stored text: a few hundred combinations serve every practice. */
const tagLists = new Map<string, readonly PriorityTag[]>();
function tagList(json: string): readonly PriorityTag[] {
  let list = tagLists.get(json);
  if (!list) {
    list = Object.freeze(JSON.parse(json) as PriorityTag[]);
    tagLists.set(json, list);
  }
  return list;
}

const toEvidence = (r: EvidenceRow, intern: (s: string | null) => string | null): EvidenceFact => ({
  kind: r.kind,
  indicator: r.indicator,
  before: r.before_value,
  after: r.after_value,
  schools: r.schools_count,
  clusterId: intern(r.cluster_id),
  recordedOn: intern(r.recorded_on)!,
});

const toAdoption = (r: AdoptionRow, intern: (s: string | null) => string | null): AdoptionFact => ({
  clusterId: intern(r.cluster_id),
  schoolId: intern(r.school_id),
  outcome: r.outcome,
  indicator: r.indicator,
  adoptedOn: intern(r.adopted_on)!,
});

function toEntry(
  r: PracticeRow,
  evidence: EvidenceFact[],
  adoptions: AdoptionFact[],
  intern: (s: string | null) => string | null,
): PracticeEntry {
  const entry: PracticeEntry = {
    seq: r.seq,
    id: r.id,
    tags: tagList(r.tags),
    cost: r.cost,
    setting: r.setting,
    schoolSize: r.school_size,
    startedOn: intern(r.started_on)!,
    originClusterId: intern(r.origin_cluster_id),
    originPlace: intern(r.origin_place)!,
    originLat: r.origin_lat,
    originLon: r.origin_lon,
    language: intern(r.language)!,
    evidence,
    adoptions,
  };
  entry.derived = derive(entry);
  return entry;
}

function loadClusters(store: Store): Map<string, ClusterPlace> {
  const rows = store.statements.get('SELECT id, name, lat, lon FROM clusters').all() as ({
    id: string;
  } & ClusterPlace)[];
  return new Map(rows.map((r) => [r.id, { name: r.name, lat: r.lat, lon: r.lon }]));
}

function markers(store: Store): { dataVersion: number; totalChanges: number } {
  return {
    dataVersion: store.db.pragma('data_version', { simple: true }) as number,
    totalChanges: store.statements.get('SELECT total_changes() AS n').pluck().get() as number,
  };
}

/** Every row of a one-table query, `slice` rows at a time (-1: all), pausing between slices. */
function* inSlices<T>(
  store: Store,
  sql: string,
  slice: number,
  each: (row: T) => void,
): Generator<void, void> {
  const next = store.statements.get(`${sql} WHERE rowid > ? ORDER BY rowid LIMIT ?`);
  let after = 0;
  for (;;) {
    const rows = next.all(after, slice) as (T & { r: number })[];
    rows.forEach(each);
    if (slice < 0 || rows.length < slice) return;
    after = rows[rows.length - 1]!.r;
    yield;
  }
}

/**
 * Reads every practice's facts, pausing after each `slice` rows when asked to, so a
 * background warm-up never holds the main process for long. The change-log position and
 * markers are taken first: anything written while the reading pauses is read again by
 * `refresh` on the next look.
 */
function* buildSteps(store: Store, slice: number): Generator<void, State> {
  const st = store.statements;
  const lastSeq = (st.get('SELECT coalesce(max(seq), 0) FROM changes').pluck().get() as number) ?? 0;
  const marks = markers(store);
  const intern = interner();
  const evidence = new Map<string, EvidenceFact[]>();
  yield* inSlices<EvidenceRow>(
    store,
    `SELECT rowid AS r, ${EVIDENCE_COLS} FROM practice_evidence`,
    slice,
    (r) => {
      const list = evidence.get(r.practice_id);
      if (list) list.push(toEvidence(r, intern));
      else evidence.set(r.practice_id, [toEvidence(r, intern)]);
    },
  );
  const adoptions = new Map<string, AdoptionFact[]>();
  yield* inSlices<AdoptionRow>(store, `SELECT rowid AS r, ${ADOPTION_COLS} FROM adoptions`, slice, (r) => {
    const list = adoptions.get(r.practice_id);
    if (list) list.push(toAdoption(r, intern));
    else adoptions.set(r.practice_id, [toAdoption(r, intern)]);
  });
  const byId = new Map<string, PracticeEntry>();
  const bySeq = new Map<number, PracticeEntry>();
  yield* inSlices<PracticeRow>(store, `SELECT rowid AS r, ${PRACTICE_COLS} FROM practices`, slice, (r) => {
    const entry = toEntry(r, evidence.get(r.id) ?? [], adoptions.get(r.id) ?? [], intern);
    byId.set(entry.id, entry);
    bySeq.set(entry.seq, entry);
  });
  return {
    byId,
    bySeq,
    clusters: loadClusters(store),
    textCache: new Map(),
    textVersion: 0,
    lastSeq,
    list: null,
    ...marks,
    all() {
      this.list ??= [...this.byId.values()].sort((a, b) => a.seq - b.seq);
      return this.list;
    },
  };
}

const build = (store: Store): State => runAll(buildSteps(store, -1));

/** Reads one practice again with its evidence and adoptions (or forgets it if gone). */
function reload(
  store: Store,
  s: State,
  practiceId: string,
  intern: (x: string | null) => string | null,
): void {
  const st = store.statements;
  const old = s.byId.get(practiceId);
  if (old) {
    s.byId.delete(practiceId);
    s.bySeq.delete(old.seq);
  }
  const row = st.get(`SELECT ${PRACTICE_COLS} FROM practices WHERE id = ?`).get(practiceId) as
    PracticeRow | undefined;
  if (!row) return;
  const ev = st
    .get(`SELECT ${EVIDENCE_COLS} FROM practice_evidence WHERE practice_id = ?`)
    .all(practiceId) as EvidenceRow[];
  const ad = st
    .get(`SELECT ${ADOPTION_COLS} FROM adoptions WHERE practice_id = ?`)
    .all(practiceId) as AdoptionRow[];
  const entry = toEntry(
    row,
    ev.map((r) => toEvidence(r, intern)),
    ad.map((r) => toAdoption(r, intern)),
    intern,
  );
  s.byId.set(entry.id, entry);
  s.bySeq.set(entry.seq, entry);
}

/**
 * Rows of the tables the facts come from, changed between two change-log positions.
 * "+tbl" makes SQLite walk the few new changes by seq rather than every change of these
 * tables through the (tbl, row_id) index, which it would otherwise pick (0.5 s at country
 * scale, after every write).
 */
export const CHANGED_PRACTICE_ROWS = `SELECT DISTINCT tbl, row_id FROM changes WHERE seq > ? AND seq <= ?
  AND +tbl IN ('practices', 'practice_evidence', 'adoptions', 'clusters') LIMIT ?`;

/** Brings the facts up to date with the change log; false when a full read is needed. */
function refresh(store: Store, s: State): boolean {
  const st = store.statements;
  const maxSeq = st.get('SELECT coalesce(max(seq), 0) FROM changes').pluck().get() as number;
  if (maxSeq < s.lastSeq) return false;
  if (maxSeq === s.lastSeq) return true;
  const changed = st.get(CHANGED_PRACTICE_ROWS).all(s.lastSeq, maxSeq, REBUILD_ABOVE + 1) as {
    tbl: string;
    row_id: string;
  }[];
  if (changed.length > REBUILD_ABOVE) return false;
  const dirty = new Set<string>();
  let clusters = false;
  let texts = false;
  for (const c of changed) {
    if (c.tbl === 'clusters') clusters = true;
    else if (c.tbl === 'practices') {
      dirty.add(c.row_id);
      texts = true;
    } else {
      // The change log holds every practice the row belonged to, even once it is deleted.
      const owners = st
        .get(`SELECT DISTINCT value FROM changes WHERE tbl = ? AND row_id = ? AND col = 'practice_id'`)
        .pluck()
        .all(c.tbl, c.row_id) as string[];
      if (owners.length === 0) return false;
      for (const id of owners) dirty.add(id);
    }
  }
  const intern = interner();
  for (const id of dirty) reload(store, s, id, intern);
  if (dirty.size) s.list = null;
  // Full-text answers depend on practice texts only: evidence and adoptions leave them be.
  if (texts) {
    s.textVersion++;
    s.textCache.clear();
  }
  if (clusters) s.clusters = loadClusters(store);
  s.lastSeq = maxSeq;
  return true;
}

/**
 * Reads the practice facts in the background, a slice at a time, so that the first
 * question after the app opens does not wait for them (1–3 s at country scale). A question
 * asked before it is done reads them at once itself; the warm-up then stops.
 */
export async function warmPracticeIndex(store: Store, slice = 2000): Promise<PracticeIndex | null> {
  if (states.has(store)) return states.get(store)!;
  if (!store.db.open) return null;
  const built = await runInBackground(buildSteps(store, slice), () => states.has(store) || !store.db.open);
  if (built) states.set(store, built);
  return built;
}

/** The current facts of every practice in the store. */
export function practiceIndex(store: Store): PracticeIndex {
  // The word index of a large library made by another version is brought up to date here
  // if the warm-up has not done so yet (a question needs it now).
  const reindexed = !practiceWordsCurrent(store.db) && runAll(reindexPracticeWords(store.db));
  let s = states.get(store);
  if (s && reindexed) s.textVersion++;
  if (s) {
    const now = markers(store);
    if (now.dataVersion !== s.dataVersion || now.totalChanges !== s.totalChanges) {
      if (!refresh(store, s)) s = undefined;
      else Object.assign(s, markers(store));
    }
  }
  if (!s) {
    s = build(store);
    states.set(store, s);
  }
  return s;
}
