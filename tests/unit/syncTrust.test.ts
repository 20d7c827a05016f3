import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { deviceIdFromPublicKey, newDeviceKeyPair } from '../../electron/db/deviceKey.ts';
import { openStore, type Store } from '../../electron/db/store.ts';
import { migrate } from '../../electron/db/migrate.ts';
import { migrations } from '../../electron/db/migrations/index.ts';
import { createWriter, StatementCache } from '../../electron/db/writer.ts';
import { BundleError } from '../../electron/services/sync/bundleError.ts';
import { BundleWriter, type RegionKey } from '../../electron/services/sync/bundleFile.ts';
import { writeFileAtomicSync } from '../../electron/services/sync/atomicWrite.ts';
import { exportBundle, importBundleFile, setDeviceName } from '../../electron/services/sync/bundles.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { preparePayload, payloadPieces } from '../../electron/services/sync/exportChanges.ts';
import { deviceIdentity } from '../../electron/services/sync/identity.ts';
import { applyPayload } from '../../electron/services/sync/importChanges.ts';
import { currentRegionKey, rememberRegion } from '../../electron/services/sync/regionSecret.ts';
import { tempDir, tempStore } from './helpers.ts';
import { identityOf, spanPayload } from './spanHelpers.ts';
import { carry, payloadFor, seedRegion, sourceOf } from './syncHelpers.ts';

const changeCount = (s: Store) =>
  (s.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;

/** A region's laptops, named, all holding one region key (no scrypt: the key is handed over). */
function laptops(names: string[]): Store[] {
  const region: RegionKey = {
    regionId: 'kilifi',
    key: randomBytes(32),
    salt: randomBytes(16).toString('base64'),
  };
  return names.map((name, i) => {
    const s = tempStore({}, `${name}-${i}.sqlite`);
    rememberRegion(s, 'Kilifi', region);
    setDeviceName(s, name);
    return s;
  });
}

function refusal(fn: () => unknown): BundleError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    return e as BundleError;
  }
  throw new Error('expected a refusal');
}

/** The current value and clock of one field of a row in a store's log. */
function latest(s: Store, rowId: string, col: string) {
  return s.db
    .prepare('SELECT value, hlc FROM changes WHERE row_id = ? AND col = ? ORDER BY hlc DESC LIMIT 1')
    .get(rowId, col) as { value: string; hlc: number };
}

describe('authorship: a change is accepted only under its author’s signature', () => {
  it('a change forged as another laptop’s is refused whole, naming that laptop, directly and relayed', () => {
    const [amina, baraka, chiku] = laptops(['Amina', 'Baraka', 'Chiku']) as [Store, Store, Store];
    const { schools } = seedRegion(amina);
    carry(amina, baraka, { kind: 'full' });
    carry(amina, chiku, { kind: 'full' }); // Chiku knows Amina by name
    carry(baraka, chiku); // and Baraka
    const before = storeDigest(chiku);
    const changesBefore = changeCount(chiku);
    const hlc = latest(amina, schools[0]!, 'name').hlc + 1024;
    const rename = [{ tbl: 'schools', row_id: schools[0]!, col: 'name', value: 'Renamed by Baraka', hlc }];
    const fromBaraka = sourceOf(baraka, 'peer');
    const regionId = 'kilifi';
    const amina_ = deviceIdentity(amina);

    // Directly: Baraka signs with its own key but claims Amina's id …
    const withOwnKey = spanPayload(identityOf(baraka), rename, { claimed: amina.deviceId, regionId });
    // … or names Amina's public key, which its signature cannot match.
    const withHerKey = spanPayload(identityOf(baraka), rename, {
      claimed: amina.deviceId,
      publicKey: amina_.publicKeyRaw,
      regionId,
    });
    // Relayed: a genuine span of Amina's, one change altered on the way through Baraka.
    const genuine = spanPayload(
      amina_,
      rename.map((c) => ({ ...c, value: 'Kilifi Central' })),
      { regionId },
    );
    const altered = spanPayload(
      amina_,
      rename.map((c) => ({ ...c, value: 'Kilifi Central' })),
      {
        regionId,
        alter: (body) =>
          Buffer.from(body.toString('latin1').replace('Kilifi Central', 'Kilifi Centrax'), 'latin1'),
      },
    );
    for (const forged of [withOwnKey, withHerKey, altered]) {
      const error = refusal(() => applyPayload(chiku, forged, fromBaraka));
      expect(error.reason).toBe('forged');
      expect(error.message).toBe(
        'This bundle holds changes that claim to come from Amina but are not signed by that laptop. Nothing was imported.',
      );
      expect(storeDigest(chiku)).toEqual(before);
      expect(changeCount(chiku)).toBe(changesBefore);
    }
    // Changes claiming the importing laptop's own id are not taken as its own.
    const asChiku = spanPayload(identityOf(baraka), rename, { claimed: chiku.deviceId, regionId });
    expect(refusal(() => applyPayload(chiku, asChiku, fromBaraka)).message).toContain(
      'come from this laptop',
    );
    expect(storeDigest(chiku)).toEqual(before);
    // The genuine span, relayed by Baraka, is taken and stays Amina's.
    applyPayload(chiku, genuine, fromBaraka);
    expect(chiku.db.prepare('SELECT name FROM schools WHERE id = ?').get(schools[0]!)).toEqual({
      name: 'Kilifi Central',
    });
    const author = chiku.db
      .prepare('SELECT d.device_id FROM changes c JOIN devices d ON d.idx = c.device WHERE c.hlc = ?')
      .pluck()
      .get(hlc);
    expect(author).toBe(amina.deviceId);
  });

  it('relays keep the original signatures: A’s changes reach C through B and converge', () => {
    const [a, b, c] = laptops(['A', 'B', 'C']) as [Store, Store, Store];
    const { session } = seedRegion(a);
    carry(a, b, { kind: 'full' });
    b.write((w) => w.update('sessions', session, { notes: 'B adds a line' }));
    // C has never met A: everything it holds of A came through B, signed by A.
    carry(b, c, { kind: 'full' });
    expect(storeDigest(c)).toEqual(storeDigest(b));
    const authors = c.db
      .prepare(
        'SELECT d.device_id, count(*) AS n FROM changes x JOIN devices d ON d.idx = x.device GROUP BY 1 ORDER BY 1',
      )
      .all() as { device_id: string; n: number }[];
    expect(authors.map((r) => r.device_id).sort()).toEqual([a.deviceId, b.deviceId].sort());
    // And C relays them on to a fourth laptop, still under A's signature.
    const [d] = laptops(['D']) as [Store];
    carry(c, d, { kind: 'full' });
    expect(storeDigest(d)).toEqual(storeDigest(b));
  });

  it('a bundle claiming the id of a laptop known only from relayed changes cannot take it over', async () => {
    const [amina, baraka, chiku, intruder] = laptops(['Amina', 'Baraka', 'Chiku', 'Intruder']) as [
      Store,
      Store,
      Store,
      Store,
    ];
    const { session } = seedRegion(amina);
    const dir = tempDir();
    const file = (n: string) => join(dir, n);
    await importBundleFile(baraka, (await exportBundle(amina, { kind: 'full' }, file('a.pamoja'))).file);
    // Chiku knows Amina only through Baraka's bundle.
    await importBundleFile(chiku, (await exportBundle(baraka, { kind: 'full' }, file('b.pamoja'))).file);
    expect(
      chiku.db.prepare('SELECT 1 FROM sync_peers WHERE device_id = ?').get(amina.deviceId),
    ).toBeUndefined();
    const before = storeDigest(chiku);

    // The intruder (a region member) writes a bundle as "Amina": her id, its own key.
    carry(amina, intruder, { kind: 'full' });
    intruder.write((w) => w.update('sessions', session, { notes: 'forged' }));
    const own = deviceIdentity(intruder);
    const posing = { ...own, deviceId: amina.deviceId };
    const forged = file('forged.pamoja');
    intruder.db.transaction(() => {
      const prepared = preparePayload(intruder, { kind: 'full' });
      const writer = new BundleWriter(
        {
          regionId: 'kilifi',
          senderDevice: amina.deviceId,
          createdAt: new Date().toISOString(),
          kind: 'full',
        },
        currentRegionKey(intruder)!,
        posing,
      );
      writeFileAtomicSync(
        forged,
        [...payloadPieces(intruder, prepared)].flatMap((p) => [...writer.write(p)]).concat(writer.end()),
      );
    })();
    await expect(importBundleFile(chiku, forged)).rejects.toMatchObject({ reason: 'key_changed' });
    await expect(importBundleFile(chiku, forged)).rejects.toThrow(/claims to come from Amina/);
    expect(storeDigest(chiku)).toEqual(before);
    // Amina's genuine bundle is still taken afterwards.
    amina.write((w) => w.update('sessions', session, { notes: 'genuine' }));
    const r = await importBundleFile(
      chiku,
      (await exportBundle(amina, { kind: 'peer' }, file('a2.pamoja'))).file,
    );
    expect(r.new).toBeGreaterThan(0);
    expect(chiku.db.prepare('SELECT notes FROM sessions WHERE id = ?').pluck().get(session)).toBe('genuine');
  });

  it('an older store moves to the id of its key, and its own past changes still sync', () => {
    const file = join(tempDir(), 'legacy.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    migrate(
      db,
      migrations.filter((m) => m.version < 140),
    );
    // What a format-1 store held: a random id, its signing key in meta, its own edits.
    const oldId = '79a1a6b7-8851-4296-971b-1a950c3fd672';
    const pair = newDeviceKeyPair();
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('device_id', ?), ('hlc', '0'), ('device_signing_key', ?)",
    ).run(oldId, pair.privateKeyPkcs8);
    db.prepare("INSERT INTO devices (device_id, name, is_self) VALUES (?, 'old laptop', 1)").run(oldId);
    const writer = createWriter(new StatementCache(db), { last: 0, now: () => 1_700_000_000_000 }, 1);
    db.transaction(() => writer.insert('regions', { name: 'Gicumbi', country: 'Rwanda', language: 'rw' }))();
    db.close();

    const upgraded = openStore(file);
    expect(upgraded.deviceId).toBe(deviceIdFromPublicKey(pair.publicKeyRaw));
    expect(deviceIdentity(upgraded).publicKeyRaw).toBe(pair.publicKeyRaw);
    const fresh = tempStore();
    const r = carry(upgraded, fresh, { kind: 'full' });
    expect(r.new).toBe(changeCount(upgraded));
    expect(r.devices).toEqual([{ deviceId: upgraded.deviceId, name: 'old laptop', new: r.new }]);
    expect(storeDigest(fresh)).toEqual(storeDigest(upgraded));
    // Opening again changes nothing.
    upgraded.close();
    expect(openStore(file).deviceId).toBe(deviceIdFromPublicKey(pair.publicKeyRaw));
  });

  it('a format-1 bundle is refused before anything is read: update that laptop', () => {
    const [a, b] = laptops(['A', 'B']) as [Store, Store];
    seedRegion(a);
    const bytes = Buffer.from(payloadFor(a, { kind: 'full' }));
    expect(bytes[0]).toBe(2); // the change list's own version
    const dir = tempDir();
    return exportBundle(a, { kind: 'full' }, join(dir, 'a.pamoja')).then(async (out) => {
      const old = readFileSync(out.file);
      old.writeUInt16BE(1, 8);
      writeFileAtomicSync(join(dir, 'old.pamoja'), [old]);
      await expect(importBundleFile(b, join(dir, 'old.pamoja'))).rejects.toThrow(
        'This bundle was made by an older Pamoja: update that laptop, then make a new bundle there.',
      );
    });
  });
});
