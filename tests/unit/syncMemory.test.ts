import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/db/store.ts';
import { writeFileAtomicSync } from '../../electron/services/sync/atomicWrite.ts';
import { BundleWriter } from '../../electron/services/sync/bundleFile.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { buildPayload } from '../../electron/services/sync/exportChanges.ts';
import { currentRegionKey, deviceIdentity, joinRegion } from '../../electron/services/sync/identity.ts';
import { spanRecord, streamStart } from '../../electron/services/sync/payloadStream.ts';
import { signSpan } from '../../electron/services/sync/spans.ts';
import { tempDir, tempStore } from './helpers.ts';
import { seedRegion } from './syncHelpers.ts';
import { randomEdits, rng } from './syncSim.ts';

const PASSPHRASE = 'the long rains came early at Kilifi';
const LIMIT_MB = 300;
const child = join(import.meta.dirname, 'syncMemoryChild.ts');
const MiB = 1024 * 1024;
const changeCount = (s: Store) => s.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;

interface Outcome {
  ok: boolean;
  message?: string;
  changes?: number;
  peakMb: number;
}

/** Imports `bundle` into the store file `db` in a process of its own; its peak RSS is the import's. */
function importInChild(db: string, bundle: string): Outcome {
  const r = spawnSync(process.execPath, [child, db, bundle], {
    env: { ...process.env, PAMOJA_PASSPHRASE: PASSPHRASE },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Outcome;
}

/** Two laptops of one region: the receiver, and a member who will write hostile bundles. */
function region(): { receiver: Store; member: Store } {
  const receiver = tempStore({}, 'receiver.sqlite');
  const { region: regionId } = seedRegion(receiver);
  const joined = joinRegion(receiver, { regionId, regionName: 'Kilifi', passphrase: PASSPHRASE });
  const member = tempStore({}, 'member.sqlite');
  joinRegion(member, {
    regionId,
    regionName: 'Kilifi',
    passphrase: PASSPHRASE,
    salt: joined.salt!,
    kdf: joined.kdf!,
  });
  return { receiver, member };
}

/** A bundle signed by `member` (a genuine region member) around the given payload pieces. */
function memberBundle(member: Store, file: string, pieces: Iterable<Uint8Array>, chunkBytes: number): void {
  const key = currentRegionKey(member)!;
  const writer = new BundleWriter(
    {
      regionId: key.regionId,
      senderDevice: member.deviceId,
      createdAt: new Date().toISOString(),
      kind: 'full',
    },
    key,
    deviceIdentity(member),
    { chunkBytes, level: 1 },
  );
  function* bytes(): Generator<Buffer> {
    for (const piece of pieces) yield* writer.write(piece);
    yield* writer.end();
  }
  writeFileAtomicSync(file, bytes());
}

describe('import memory stays bounded, in a child process measuring its peak RSS', () => {
  it('a hostile signed bundle that would unpack to gigabytes is refused under 300 MB, nothing written', () => {
    const { receiver, member } = region();
    const before = storeDigest(receiver);
    const file = join(tempDir(), 'bomb.pamoja');
    // A span the member really signed (its own id and key), announcing the most a span may
    // hold: 16 MiB of zeros. Then 2 GiB more zeros. Each 16 MiB chunk deflates to ~16 KB.
    const identity = deviceIdentity(member);
    const body = Buffer.alloc(16 * MiB);
    const head = { device: member.deviceId, lo: 1, hi: 2 ** 40, changes: 65_536 };
    const signature = signSpan(identity, currentRegionKey(member)!.regionId, head, body);
    function* pieces(): Generator<Uint8Array> {
      yield streamStart({ knowledge: {}, base: {} });
      yield spanRecord(
        {
          ...head,
          publicKey: identity.publicKeyRaw,
          name: 'Member',
          bytes: body.length,
          signature: signature.toString('base64'),
        },
        Buffer.alloc(0),
      )[0]!;
      const zeros = Buffer.alloc(16 * MiB);
      for (let i = 0; i < 129; i++) yield zeros; // the span's body, then 2 GiB beyond it
    }
    memberBundle(member, file, pieces(), 16 * MiB);
    expect(statSync(file).size).toBeLessThan(16 * MiB);
    receiver.close();
    const out = importInChild(receiver.file, file);
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/cannot be read|damaged/);
    expect(out.peakMb).toBeLessThan(LIMIT_MB);
    console.log(`[memory] hostile bundle: refused (${out.message}), peak ${out.peakMb.toFixed(0)} MB`);
    const after = openStore(receiver.file);
    expect(storeDigest(after)).toEqual(before);
    after.close();
  }, 240_000);

  it('a member’s bundle of 65,536 one-byte chunks is taken under 300 MB', () => {
    const { receiver, member } = region();
    // Enough of the member's own edits for a payload of about 64 KiB …
    const r = rng(7);
    seedRegion(member);
    for (let i = 0; buildPayload(member, { kind: 'full' }).payload.length < 56_000 && i < 60; i++)
      randomEdits(member, r, 150, `edit ${i}`);
    const genuine = Buffer.from(buildPayload(member, { kind: 'full' }).payload);
    expect(genuine.length).toBeLessThanOrEqual(65_536);
    // … padded to exactly 65,536 bytes with spaces inside its knowledge JSON (still valid).
    const metaLength = genuine.readUInt32BE(1);
    const pad = 65_536 - genuine.length;
    const padded = Buffer.concat([
      genuine.subarray(0, 1),
      Buffer.from([0, 0, 0, 0]),
      genuine.subarray(5, 5 + metaLength),
      Buffer.alloc(pad, 0x20),
      genuine.subarray(5 + metaLength),
    ]);
    padded.writeUInt32BE(metaLength + pad, 1);
    expect(padded.length).toBe(65_536);
    const file = join(tempDir(), 'tiny.pamoja');
    memberBundle(member, file, [padded], 1);
    receiver.close();
    const out = importInChild(receiver.file, file);
    expect(out.ok, out.message).toBe(true);
    expect(out.peakMb).toBeLessThan(LIMIT_MB);
    console.log(`[memory] 65,536 one-byte chunks: taken, peak ${out.peakMb.toFixed(0)} MB`);
    const after = openStore(receiver.file);
    const taken = after.db
      .prepare('SELECT count(*) FROM changes c JOIN devices d ON d.idx = c.device WHERE d.device_id = ?')
      .pluck()
      .get(member.deviceId);
    expect(taken).toBe(out.changes);
    expect(taken).toBe(changeCount(member));
    after.close();
  }, 240_000);
});
