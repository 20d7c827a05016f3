import { hostname } from 'node:os';
import { complement, type Knowledge, type Range } from '../../../shared/sync/knowledge.ts';
import type { Store } from '../../db/store.ts';
import type { BundleAbout } from './bundleHeader.ts';
import { deviceIdentity } from './identity.ts';
import { commonPeerKnowledge, getPeer, ownKnowledge } from './knowledgeStore.ts';
import { spanRecord, streamEnd, streamStart } from './payloadStream.ts';
import { joinedRegion } from './regionSecret.ts';
import { selectRows, type Selection } from './selection.ts';
import { encodeSpanBody, sealOwnSpans, spanChanges, type SpanHead } from './spans.ts';

/** What to put in a bundle. */
export type ExportSpec =
  { kind: 'peer'; forDevice?: string } | { kind: 'full' } | ({ kind: 'selective' } & Selection);

/** What a payload carries, filled in as its pieces are produced. */
export interface PayloadStats {
  changes: number;
  /** Field changes per table. */
  tables: Record<string, number>;
  spans: number;
  knowledge: Knowledge;
  base: Knowledge | null;
  /** For the header: what a selective bundle holds. */
  scope: string | undefined;
}

export interface BuiltPayload extends PayloadStats {
  payload: Uint8Array;
}

type Progress = (done: number, total: number, label?: string) => void;

interface StoredSpan {
  device: number;
  device_id: string;
  public_key: string;
  name: string;
  is_self: number;
  lo: number;
  hi: number;
  changes: number;
  signature: Buffer;
}

/** The region id spans are signed for: the store's region (tests without one sign for ''). */
export const spanRegionOf = (store: Store): string => joinedRegion(store)?.regionId ?? '';

/**
 * The payload's bytes, a span at a time: this laptop's unsigned changes are signed into spans
 * first (sealForExport, a short write), then, in one read transaction, preparePayload picks
 * the spans and payloadPieces reads and re-encodes each from the change log (see exportBundle,
 * or buildPayload for the whole payload in memory).
 *
 * - peer: every span holding a change the peer is not known to hold, judged from the knowledge
 *   its own last bundle declared (not from what was last sent: a stick may have been lost).
 *   With no device named, the bundle serves every known peer: it carries what any of them lacks.
 * - full: every span.
 * - selective: every span holding a change of the chosen rows (clusters and what hangs off
 *   them, or the practice library). Spans travel whole, so a selective bundle may carry more
 *   than the rows chosen; it teaches the receiver no ranges (base null). A receipt carries none.
 */
export function* payloadPieces(
  store: Store,
  prepared: PreparedPayload,
  progress?: Progress,
): Generator<Uint8Array> {
  const { spans, stats } = prepared;
  const selfName = deviceSelfName(store);
  yield streamStart({ knowledge: stats.knowledge, base: stats.base, about: aboutOf(store, stats) });
  let done = 0;
  for (const s of spans) {
    const rows = spanChanges(store, s.device, s.lo, s.hi);
    // A span this store does not hold whole (some of it held back) cannot be re-encoded as signed.
    if (rows.length === s.changes) {
      const { body } = encodeSpanBody(s.device_id, rows, stats.tables);
      const head: SpanHead = {
        device: s.device_id,
        publicKey: s.public_key,
        name: s.is_self ? selfName : s.name,
        lo: s.lo,
        hi: s.hi,
        changes: s.changes,
        bytes: body.length,
        signature: s.signature.toString('base64'),
      };
      stats.changes += s.changes;
      stats.spans++;
      yield* spanRecord(head, body);
    }
    if (++done % 8 === 0) progress?.(done, spans.length, 'Collecting changes');
  }
  progress?.(spans.length, spans.length, 'Collecting changes');
  yield streamEnd();
}

/** Signs this laptop's new changes into spans (before the export's read transaction). */
export function sealForExport(store: Store, progress?: Progress): void {
  sealOwnSpans(store, deviceIdentity(store), spanRegionOf(store), progress);
}

export interface PreparedPayload {
  spans: StoredSpan[];
  /** Knowledge, base and scope now; counts filled in as the pieces are produced. */
  stats: PayloadStats;
}

/** The whole payload in memory (tests, small bundles). */
export function buildPayload(store: Store, spec: ExportSpec, progress?: Progress): BuiltPayload {
  sealForExport(store);
  return store.db.transaction(() => {
    const prepared = preparePayload(store, spec);
    const pieces = [...payloadPieces(store, prepared, progress)];
    return { ...prepared.stats, payload: Buffer.concat(pieces) };
  })();
}

/** Which spans the bundle carries, and what it declares (call inside the export's read transaction). */
export function preparePayload(store: Store, spec: ExportSpec): PreparedPayload {
  const stats: PayloadStats = {
    changes: 0,
    tables: {},
    spans: 0,
    knowledge: {},
    base: null,
    scope: undefined,
  };
  return { spans: chooseSpans(store, spec, stats), stats };
}

function chooseSpans(store: Store, spec: ExportSpec, stats: PayloadStats): StoredSpan[] {
  const st = store.statements;
  stats.knowledge = knowledgeOfSpans(store);
  const all = (): StoredSpan[] =>
    st
      .get(
        `SELECT s.device, d.device_id, d.public_key, d.name, d.is_self, s.lo, s.hi, s.changes, s.signature
         FROM sync_spans s JOIN devices d ON d.idx = s.device ORDER BY s.lo, s.device`,
      )
      .all() as StoredSpan[];
  if (spec.kind === 'selective') {
    stats.base = null;
    const sel = selectRows(store, spec);
    stats.scope = sel.scope;
    if (spec.receipt && !spec.clusters?.length && !spec.practices) return [];
    const wanted = new Set(
      st
        .get(
          `SELECT DISTINCT c.device || ':' || s.lo AS k
             FROM temp.sync_selection sel JOIN changes c ON c.tbl = sel.tbl AND c.row_id = sel.row_id
             JOIN sync_spans s ON s.device = c.device AND s.lo <= c.hlc AND s.hi >= c.hlc`,
        )
        .pluck()
        .all() as string[],
    );
    return all().filter((s) => wanted.has(`${s.device}:${s.lo}`));
  }
  if (spec.kind === 'full') {
    stats.base = {};
    return all();
  }
  stats.base = spec.forDevice
    ? (getPeer(store, spec.forDevice)?.knowledge ?? {})
    : commonPeerKnowledge(store);
  const gaps = new Map<string, Range[]>();
  const base = stats.base;
  return all().filter((s) => {
    let g = gaps.get(s.device_id);
    if (!g) gaps.set(s.device_id, (g = complement(base[s.device_id] ?? [])));
    return g.some(([lo, hi]) => s.lo <= hi && s.hi >= lo);
  });
}

/**
 * What this store declares it holds: the ranges received, and for itself up to its last
 * signed span (not its clock: a change made after the spans were signed is not in the bundle,
 * and a receiver must not count it as held).
 */
function knowledgeOfSpans(store: Store): Knowledge {
  const out: Record<string, Range[]> = { ...ownKnowledge(store) };
  const hi = (
    store.statements.get('SELECT max(hi) AS hi FROM sync_spans WHERE device = ?').get(store.deviceIdx) as {
      hi: number | null;
    }
  ).hi;
  if (hi) out[store.deviceId] = [[0, hi]];
  else delete out[store.deviceId];
  return out;
}

/** The names this bundle carries inside its encrypted part. */
export function aboutOf(store: Store, stats: Pick<PayloadStats, 'scope'>): BundleAbout {
  return {
    regionName: joinedRegion(store)?.regionName ?? '',
    senderName: deviceSelfName(store),
    ...(stats.scope ? { scope: stats.scope } : {}),
  };
}

function deviceSelfName(store: Store): string {
  const row = store.statements.get('SELECT name FROM devices WHERE is_self = 1').get() as
    { name: string } | undefined;
  return row?.name || hostname();
}
