import type { Store } from '../../db/store.ts';
import {
  KnowledgeSchema,
  intersectKnowledge,
  normalise,
  union,
  unionKnowledge,
  type Knowledge,
  type Range,
} from '../../../shared/sync/knowledge.ts';

/** The newest clock value this device has issued (another process may have advanced it). */
export function ownClock(store: Store): number {
  return Math.max(store.clock.last, Number(store.getMeta('hlc') ?? 0));
}

/** What this store holds: its own changes up to its clock, plus the ranges received. */
export function ownKnowledge(store: Store): Record<string, Range[]> {
  const out: Record<string, Range[]> = {};
  const rows = store.statements.get('SELECT device_id, ranges FROM sync_knowledge').all() as {
    device_id: string;
    ranges: string;
  }[];
  for (const r of rows) out[r.device_id] = normalise(JSON.parse(r.ranges) as Range[]);
  const last = ownClock(store);
  if (last > 0) out[store.deviceId] = [[0, last]];
  return out;
}

/** Adds ranges this store now holds completely (never for its own device: its clock says that). */
export function addKnowledge(store: Store, gained: Knowledge): void {
  const get = store.statements.get('SELECT ranges FROM sync_knowledge WHERE device_id = ?');
  const put = store.statements.get(
    'INSERT INTO sync_knowledge (device_id, ranges) VALUES (?, ?) ON CONFLICT(device_id) DO UPDATE SET ranges = excluded.ranges',
  );
  for (const [device, ranges] of Object.entries(gained)) {
    if (device === store.deviceId || ranges.length === 0) continue;
    const had = get.get(device) as { ranges: string } | undefined;
    const merged = union(had ? (JSON.parse(had.ranges) as Range[]) : [], ranges);
    put.run(device, JSON.stringify(merged));
  }
}

export interface Peer {
  deviceId: string;
  name: string;
  publicKey: string;
  knowledge: Knowledge;
  lastBundleAt: string;
  lastTakenAt: string;
}

interface PeerRow {
  device_id: string;
  name: string;
  public_key: string;
  knowledge: string;
  last_bundle_at: string;
  last_taken_at: string;
}

const toPeer = (r: PeerRow): Peer => ({
  deviceId: r.device_id,
  name: r.name,
  publicKey: r.public_key,
  knowledge: KnowledgeSchema.parse(JSON.parse(r.knowledge)),
  lastBundleAt: r.last_bundle_at,
  lastTakenAt: r.last_taken_at,
});

export function listPeers(store: Store): Peer[] {
  const rows = store.statements.get('SELECT * FROM sync_peers ORDER BY name, device_id').all() as PeerRow[];
  return rows.filter((r) => r.device_id !== store.deviceId).map(toPeer);
}

export function getPeer(store: Store, deviceId: string): Peer | undefined {
  const r = store.statements.get('SELECT * FROM sync_peers WHERE device_id = ?').get(deviceId) as
    PeerRow | undefined;
  return r ? toPeer(r) : undefined;
}

/**
 * Remembers what a peer declared it holds. Knowledge only grows, so declarations that
 * arrive out of order are united rather than replaced.
 */
export function recordPeer(
  store: Store,
  p: {
    deviceId: string;
    name: string;
    publicKey: string;
    knowledge: Knowledge;
    createdAt: string;
    takenAt: string;
  },
): void {
  if (p.deviceId === store.deviceId) return;
  const had = getPeer(store, p.deviceId);
  const knowledge = unionKnowledge(had?.knowledge ?? {}, p.knowledge);
  const lastBundleAt = had && had.lastBundleAt > p.createdAt ? had.lastBundleAt : p.createdAt;
  store.statements
    .get(
      `INSERT INTO sync_peers (device_id, name, public_key, knowledge, last_bundle_at, last_taken_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET name = excluded.name, public_key = excluded.public_key,
         knowledge = excluded.knowledge, last_bundle_at = excluded.last_bundle_at, last_taken_at = excluded.last_taken_at`,
    )
    .run(
      p.deviceId,
      p.name || had?.name || '',
      p.publicKey || had?.publicKey || '',
      JSON.stringify(knowledge),
      lastBundleAt,
      p.takenAt,
    );
}

/** What every known peer holds: a bundle carrying everything outside it serves them all. */
export function commonPeerKnowledge(store: Store): Record<string, Range[]> {
  return intersectKnowledge(listPeers(store).map((p) => p.knowledge));
}
