import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPublicKey,
  hkdfSync,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import { TAG_BYTES } from './limits.ts';

/** A region's shared secret: every laptop of the region holds the same 32 bytes. */
export interface RegionKey {
  regionId: string;
  key: Buffer;
  /** scrypt salt (base64) the key was derived with; written into every bundle's header so a
   * coach holding only the passphrase can join from a bundle. */
  salt?: string;
  /** log2 of scrypt's N the key was derived with: 17 for regions started with format 2, 15 before. */
  kdf?: RegionKdf;
}

/** The two costs a region key may have been derived with; a file can name no other. */
export const regionKdfs = [15, 17] as const;
export type RegionKdf = (typeof regionKdfs)[number];

/** This laptop's signing identity (Ed25519), created once and kept in the store's meta. */
export interface DeviceIdentity {
  deviceId: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  /** The raw 32-byte public key, base64: what bundle headers carry. */
  publicKeyRaw: string;
}

/** Record kinds; bound into each record's nonce and AAD, so one cannot pass for the other. */
export const KIND_DATA = 0;
export const KIND_END = 1;
export type RecordKind = typeof KIND_DATA | typeof KIND_END;

export const KEY_BYTES = 32;
export const BUNDLE_SALT_BYTES = 32;
export const SIGNATURE_BYTES = 64;
const KEY_CHECK_BYTES = 16;

/**
 * A value that proves a key is the region's without touching any chunk. It depends only on
 * the region key and id, so every bundle of a region carries the same one; it lets an
 * attacker test passphrase guesses no faster than trying to open chunk 0 would (each guess
 * still costs one scrypt).
 */
export function keyCheckValue(region: RegionKey): string {
  const checkKey = Buffer.from(hkdfSync('sha256', region.key, Buffer.alloc(0), 'pamoja key check v1', 32));
  return createHmac('sha256', checkKey)
    .update(`pamoja-region\0${region.regionId}`)
    .digest()
    .subarray(0, KEY_CHECK_BYTES)
    .toString('base64');
}

export function keyCheckMatches(region: RegionKey, keyCheck: string): boolean {
  const expected = Buffer.from(keyCheckValue(region), 'base64');
  const found = Buffer.from(keyCheck, 'base64');
  return found.length === expected.length && timingSafeEqual(found, expected);
}

/** A fresh key per bundle (random salt), so fixed per-chunk nonces never repeat under one key. */
export function bundleKey(region: RegionKey, bundleSalt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', region.key, bundleSalt, 'pamoja bundle v2 aes-256-gcm', KEY_BYTES));
}

function nonceFor(index: number, kind: RecordKind): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUInt32BE(kind, 0);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

/** AAD = header hash ‖ index ‖ kind: a record is bound to its header, place and role. */
function aadFor(headerHash: Buffer, index: number, kind: RecordKind): Buffer {
  const aad = Buffer.alloc(32 + 8 + 1);
  headerHash.copy(aad, 0);
  aad.writeBigUInt64BE(BigInt(index), 32);
  aad.writeUInt8(kind, 40);
  return aad;
}

/** Encrypts one record; returns ciphertext and tag separately to avoid a copy. */
export function sealRecord(
  key: Buffer,
  headerHash: Buffer,
  index: number,
  kind: RecordKind,
  plaintext: Uint8Array,
): [Buffer, Buffer] {
  const cipher = createCipheriv('aes-256-gcm', key, nonceFor(index, kind), { authTagLength: TAG_BYTES });
  cipher.setAAD(aadFor(headerHash, index, kind));
  const body = cipher.update(plaintext);
  const rest = cipher.final(); // empty for GCM, kept for correctness
  return [rest.length ? Buffer.concat([body, rest]) : body, cipher.getAuthTag()];
}

/** Decrypts one record (ciphertext ‖ tag); null when it fails authentication. */
export function openRecord(
  key: Buffer,
  headerHash: Buffer,
  index: number,
  kind: RecordKind,
  sealed: Buffer,
): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  const split = sealed.length - TAG_BYTES;
  const decipher = createDecipheriv('aes-256-gcm', key, nonceFor(index, kind), { authTagLength: TAG_BYTES });
  decipher.setAAD(aadFor(headerHash, index, kind));
  decipher.setAuthTag(sealed.subarray(split));
  const body = decipher.update(sealed.subarray(0, split));
  try {
    const rest = decipher.final();
    return rest.length ? Buffer.concat([body, rest]) : body;
  } catch {
    return null;
  }
}

/** What the sender signs: the header and every data record's bytes, through their hashes. */
export function signatureMessage(headerHash: Buffer, dataHash: Buffer, dataChunks: number): Buffer {
  const count = Buffer.alloc(8);
  count.writeBigUInt64BE(BigInt(dataChunks));
  return Buffer.concat([Buffer.from('pamoja-bundle-signature-v2\0'), headerHash, dataHash, count]);
}

export function signMessage(identity: DeviceIdentity, message: Buffer): Buffer {
  return sign(null, message, identity.privateKey);
}

export function verifyMessage(publicKeyRaw: string, message: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, message, publicKeyFromRaw(publicKeyRaw), signature);
  } catch {
    return false; // a key that does not decode cannot have signed anything
  }
}

export function publicKeyFromRaw(raw: string): KeyObject {
  const x = Buffer.from(raw, 'base64').toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

export { rawPublicKey } from '../../db/deviceKey.ts';
