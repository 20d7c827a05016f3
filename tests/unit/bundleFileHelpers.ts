/**
 * Test helpers for bundle files. `layout`, `openChunks` and `forge` re-implement the format
 * from docs/bundle-format.md with Node's crypto directly (not the module under test), so the
 * tests also check that the spec and the code agree, and can build hostile bundles the
 * writer would never make: bombs, re-signed files, lying headers.
 */
import { deviceIdFromPublicKey } from '../../electron/db/deviceKey.ts';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
} from 'node:crypto';
import { crc32 } from 'node:zlib';
import { expect } from 'vitest';
import {
  BundleError,
  encodeBundle,
  type BundleErrorReason,
  type BundleHeader,
  type BundleHeaderInput,
  type DeviceIdentity,
  type RegionKey,
} from '../../electron/services/sync/bundleFile.ts';

export const MAGIC = Buffer.from([0x89, 0x50, 0x4d, 0x4a, 0x42, 0x0d, 0x0a, 0x1a]);
export const PREAMBLE = 22;
export const FRAME = 9;

/** A signing identity; its device id is the one its key derives unless one is forced (an impostor). */
export function testIdentity(deviceId?: string): DeviceIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  const publicKeyRaw = Buffer.from(x, 'base64url').toString('base64');
  return { deviceId: deviceId ?? deviceIdFromPublicKey(publicKeyRaw), privateKey, publicKey, publicKeyRaw };
}

export function testRegion(regionId = 'region-kilifi'): RegionKey {
  return { regionId, key: randomBytes(32), salt: randomBytes(16).toString('base64') };
}

export function headerFor(
  sender: DeviceIdentity,
  region: RegionKey,
  extra: Partial<BundleHeaderInput> = {},
): BundleHeaderInput {
  return {
    regionId: region.regionId,
    senderDevice: sender.deviceId,
    createdAt: '2026-03-14T09:30:00.000Z',
    kind: 'peer',
    forDevice: 'laptop-baraka',
    ...extra,
  };
}

/** A payload with both compressible text and random bytes, so chunks differ in size. */
export function samplePayload(bytes: number, seed = 1): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed >>> 0 || 1;
  let i = 0;
  while (i < bytes) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    if (x % 3 === 0) {
      i += out.write(
        `{"tbl":"sessions","row":"${x.toString(36)}","col":"notes","v":"visited school ${x % 97}"}\n`,
        i,
      );
    } else out[i++] = x & 0xff;
  }
  return out;
}

export function makeBundle(
  payload: Uint8Array,
  options: {
    chunkBytes?: number;
    region?: RegionKey;
    sender?: DeviceIdentity;
    extra?: Partial<BundleHeaderInput>;
  } = {},
) {
  const region = options.region ?? testRegion();
  const sender = options.sender ?? testIdentity();
  const bytes = encodeBundle(headerFor(sender, region, options.extra), payload, region, sender, {
    chunkBytes: options.chunkBytes ?? 1024,
  });
  return { bytes, region, sender, payload };
}

export interface Frame {
  start: number;
  kind: number;
  length: number;
  end: number;
}

/** Where the header and each record lie in a (valid) bundle, read from its length fields. */
export function layout(bytes: Buffer): { headerEnd: number; header: BundleHeader; frames: Frame[] } {
  expect(bytes.subarray(0, 8)).toEqual(MAGIC);
  const headerLength = bytes.readUInt32BE(10);
  expect(bytes.readUInt32BE(14)).toBe(crc32(bytes.subarray(10, 14)));
  const headerEnd = PREAMBLE + headerLength;
  expect(bytes.readUInt32BE(18)).toBe(crc32(bytes.subarray(PREAMBLE, headerEnd)));
  const header = JSON.parse(bytes.subarray(PREAMBLE, headerEnd).toString('utf8')) as BundleHeader;
  const frames: Frame[] = [];
  let at = headerEnd;
  while (at < bytes.length) {
    const kind = bytes[at]!;
    const length = bytes.readUInt32BE(at + 1);
    expect(bytes.readUInt32BE(at + 5)).toBe(crc32(bytes.subarray(at, at + 5)));
    frames.push({ start: at, kind, length, end: at + FRAME + length });
    at += FRAME + length;
  }
  expect(at).toBe(bytes.length);
  expect(frames.at(-1)!.kind).toBe(1);
  return { headerEnd, header, frames };
}

function nonce(index: number, kind: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(kind, 0);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}
function aad(headerHash: Buffer, index: number, kind: number): Buffer {
  const a = Buffer.alloc(41);
  headerHash.copy(a);
  a.writeBigUInt64BE(BigInt(index), 32);
  a[40] = kind;
  return a;
}
function keyFor(region: RegionKey, header: BundleHeader): Buffer {
  const salt = Buffer.from(header.bundleSalt, 'base64');
  return Buffer.from(hkdfSync('sha256', region.key, salt, 'pamoja bundle v2 aes-256-gcm', 32));
}

/** The compressed plaintext of each data record of a valid bundle (per the spec). */
export function openChunks(bytes: Buffer, region: RegionKey): Buffer[] {
  const { headerEnd, header, frames } = layout(bytes);
  const headerHash = createHash('sha256').update(bytes.subarray(0, headerEnd)).digest();
  const key = keyFor(region, header);
  return frames
    .filter((f) => f.kind === 0)
    .map((f, index) => {
      const sealed = bytes.subarray(f.start + FRAME, f.end);
      const d = createDecipheriv('aes-256-gcm', key, nonce(index, 0));
      d.setAAD(aad(headerHash, index, 0));
      d.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]);
    });
}

/** Preamble + header JSON with correct check values, for any header object (valid or not). */
export function headerBytes(header: object, version = 2, json = Buffer.from(JSON.stringify(header))): Buffer {
  const pre = Buffer.alloc(PREAMBLE);
  MAGIC.copy(pre);
  pre.writeUInt16BE(version, 8);
  pre.writeUInt32BE(json.length, 10);
  pre.writeUInt32BE(crc32(pre.subarray(10, 14)), 14);
  pre.writeUInt32BE(crc32(json), 18);
  return Buffer.concat([pre, json]);
}

export function frameBytes(kind: number, length: number): Buffer {
  const f = Buffer.alloc(FRAME);
  f[0] = kind;
  f.writeUInt32BE(length, 1);
  f.writeUInt32BE(crc32(f.subarray(0, 5)), 5);
  return f;
}

/**
 * Builds a bundle from a header and already-compressed chunk bodies, sealed with `region`
 * and signed by `signer` — whatever the header claims.
 */
export function forge(
  header: BundleHeader,
  compressedChunks: Buffer[],
  region: RegionKey,
  signer: DeviceIdentity,
): Buffer {
  const head = headerBytes(header);
  const headerHash = createHash('sha256').update(head).digest();
  const key = keyFor(region, header);
  const seal = (index: number, kind: number, plain: Buffer) => {
    const c = createCipheriv('aes-256-gcm', key, nonce(index, kind));
    c.setAAD(aad(headerHash, index, kind));
    const body = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
    return Buffer.concat([frameBytes(kind, body.length), body]);
  };
  const data = compressedChunks.map((chunk, i) => seal(i, 0, chunk));
  const dataHash = createHash('sha256').update(Buffer.concat(data)).digest();
  const count = Buffer.alloc(8);
  count.writeBigUInt64BE(BigInt(data.length));
  const message = Buffer.concat([Buffer.from('pamoja-bundle-signature-v2\0'), headerHash, dataHash, count]);
  return Buffer.concat([head, ...data, seal(data.length, 1, sign(null, message, signer.privateKey))]);
}

/** Runs `fn` and returns the BundleError it throws; fails the test on success or any other error. */
export function rejection(fn: () => unknown): BundleError {
  try {
    fn();
  } catch (e) {
    // 'unexpected' marks an exception the reader did not foresee: a bug, even though wrapped.
    if (e instanceof BundleError && !e.detail.startsWith('unexpected')) return e;
    throw new Error(`expected a BundleError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a BundleError, but it succeeded');
}

export function expectReason(fn: () => unknown, reason: BundleErrorReason): BundleError {
  const error = rejection(fn);
  expect(error.reason, error.detail).toBe(reason);
  return error;
}
