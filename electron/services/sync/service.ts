import { hlcToIso } from '../../../shared/clock.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { complement } from '../../../shared/sync/knowledge.ts';
import type { Store } from '../../db/store.ts';
import { deviceName } from './bundles.ts';
import { acceptInvitation, joinedRegion, joinRegion } from './identity.ts';
import { listPeers, ownClock } from './knowledgeStore.ts';
import { requireStrongPassphrase } from '../secrets/strength.ts';
import { needsPassphrase, offerPassphrase, openVault, vaultState } from '../secrets/vault.ts';

export function syncStatus(store: Store) {
  const region = joinedRegion(store);
  const count = (sql: string): number => (store.statements.get(sql).get() as { n: number }).n;
  const last = store.statements.get("SELECT max(at) AS at FROM sync_log WHERE outcome = 'ok'").get() as {
    at: string | null;
  };
  return {
    deviceId: store.deviceId,
    deviceName: deviceName(store),
    region: region ? { id: region.regionId, name: region.regionName } : null,
    clock: hlcToIso(ownClock(store)),
    heldBack: count('SELECT count(*) AS n FROM sync_held'),
    clockWarnings: count('SELECT count(*) AS n FROM sync_clock_warnings'),
    lastSync: last.at,
    keys: keysState(store),
  };
}

function keysState(store: Store): 'open' | 'locked' | 'none' {
  try {
    const state = vaultState(store);
    if (state === 'empty') return needsPassphrase(store) ? 'locked' : 'none';
    return state;
  } catch {
    return 'locked'; // a damaged vault opens no more than a locked one
  }
}

/** Opens the sealed keys with the passphrase the coach typed; a wrong one is said so. */
export function unlockKeys(store: Store, passphrase: string): void {
  offerPassphrase(store, passphrase);
  try {
    openVault(store); // also seals keys an older Pamoja kept in clear
  } catch {
    // told below
  }
  if (keysState(store) === 'locked')
    throw new PamojaError(
      'invalid',
      "Wrong passphrase: this is not the passphrase this laptop's keys were sealed with (the region passphrase).",
      'passphrase',
    );
}

/** Every device whose changes are held here; for peers, how many changes they are not known to have. */
export function syncDevices(store: Store) {
  const devices = store.statements
    .get(
      `SELECT d.idx, d.device_id, d.name, d.is_self, (SELECT count(*) FROM changes c WHERE c.device = d.idx) AS changes
       FROM devices d ORDER BY d.is_self DESC, d.name, d.device_id`,
    )
    .all() as { idx: number; device_id: string; name: string; is_self: number; changes: number }[];
  const peers = new Map(listPeers(store).map((p) => [p.deviceId, p]));
  const countIn = store.statements.get(
    'SELECT count(*) AS n FROM changes WHERE device = ? AND hlc BETWEEN ? AND ?',
  );
  const missingFor = (
    knowledge: Readonly<Record<string, readonly (readonly [number, number])[]>>,
  ): number => {
    let n = 0;
    for (const d of devices)
      for (const [lo, hi] of complement(knowledge[d.device_id] ?? []))
        n += (countIn.get(d.idx, lo, hi) as { n: number }).n;
    return n;
  };
  const listed = devices.map((d) => {
    const peer = peers.get(d.device_id);
    return {
      deviceId: d.device_id,
      name: d.is_self ? deviceName(store) : d.name || peer?.name || '',
      self: d.is_self === 1,
      changes: d.changes,
      lastBundleAt: peer?.lastBundleAt ?? '',
      missing: peer ? missingFor(peer.knowledge) : null,
    };
  });
  // Peers that sent a bundle but whose own changes this store does not hold yet.
  for (const p of peers.values())
    if (!devices.some((d) => d.device_id === p.deviceId))
      listed.push({
        deviceId: p.deviceId,
        name: p.name,
        self: false,
        changes: 0,
        lastBundleAt: p.lastBundleAt,
        missing: missingFor(p.knowledge),
      });
  return listed;
}

export function clockWarnings(store: Store) {
  return store.statements
    .get(
      `SELECT at, device_id AS deviceId, device_name AS deviceName, ahead_ms AS aheadMs, held, file
       FROM sync_clock_warnings ORDER BY id DESC LIMIT 50`,
    )
    .all() as {
    at: string;
    deviceId: string;
    deviceName: string;
    aheadMs: number;
    held: number;
    file: string;
  }[];
}

export type JoinRequest =
  | { invitation: string; password?: string | undefined }
  | { passphrase: string; regionId?: string | undefined; regionName?: string | undefined };

/**
 * A new region's passphrase must be hard to guess (a stolen stick allows guessing offline):
 * refused with its reason, naming the field. Words anyone would try first count against it.
 */
export async function refuseWeakRegionPassphrase(
  store: Store,
  req: { passphrase: string; regionId?: string | undefined; regionName?: string | undefined },
): Promise<void> {
  const regions = store.statements.get('SELECT id, name FROM regions').all() as {
    id: string;
    name: string;
  }[];
  const near = [
    req.regionId ?? '',
    req.regionName ?? '',
    deviceName(store),
    ...regions.flatMap((r) => [r.id, r.name]),
  ];
  await requireStrongPassphrase(req.passphrase, near, 'passphrase');
}

/**
 * Joins a region. An invitation carries the region secret. A passphrase alone starts the
 * secret of this store's region (the first laptop); other laptops join from a bundle of
 * the region (its header carries the salt) by importing it with the passphrase.
 */
export function joinSyncRegion(store: Store, req: JoinRequest): { regionId: string; regionName: string } {
  if ('invitation' in req) acceptInvitation(store, req.invitation, req.password);
  else {
    const held = joinedRegion(store);
    if (held)
      throw new PamojaError(
        'conflict',
        `This laptop already holds the secret of the region ${held.regionName || held.regionId}.`,
      );
    const regions = store.statements.get('SELECT id, name FROM regions ORDER BY name LIMIT 2').all() as {
      id: string;
      name: string;
    }[];
    const regionId = req.regionId ?? (regions.length === 1 ? regions[0]!.id : undefined);
    if (!regionId)
      throw new PamojaError(
        'invalid',
        'Say which region to start the secret for (its id), or join from a bundle or an invitation.',
        'regionId',
      );
    const regionName = req.regionName ?? regions.find((r) => r.id === regionId)?.name ?? '';
    joinRegion(store, { regionId, regionName, passphrase: req.passphrase });
  }
  const region = joinedRegion(store)!;
  return { regionId: region.regionId, regionName: region.regionName };
}
