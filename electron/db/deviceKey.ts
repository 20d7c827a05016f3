/**
 * A laptop's device id is derived from its Ed25519 public key, so no laptop can claim an id
 * with another key: receivers check `deviceIdFromPublicKey(key) === id` for every author
 * (docs/bundle-format.md, "Who signs what"). The store keeps the public key in clear meta;
 * where the private key lives is identity's business (electron/services/sync/identity.ts).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

export const PUBLIC_KEY_META = 'device_public_key';
/** Where a store created before sealed secrets keeps its private key, in clear (pkcs8 DER, base64). */
export const LEGACY_SIGNING_KEY_META = 'device_signing_key';
/** Where the secrets vault keeps the sealed private key (electron/services/secrets/vault.ts). */
export const SEALED_SIGNING_KEY_META = 'secret:signing_key';
/** The random id an upgraded store had before ids came from keys (see migrateDeviceId). */
export const FORMER_ID_META = 'device_id_before_keys';

/**
 * The id of the laptop holding this key: the first 16 bytes of SHA-256 over a label and the
 * raw key, written as a UUID (version nibble 8, "custom", RFC 9562) so that every place that
 * shows or stores device ids keeps working. 122 bits: finding another key for a given id
 * is a second preimage of SHA-256, out of anyone's reach.
 */
export function deviceIdFromPublicKey(publicKeyRaw: string | Buffer): string {
  const raw = typeof publicKeyRaw === 'string' ? Buffer.from(publicKeyRaw, 'base64') : publicKeyRaw;
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  const h = createHash('sha256').update('pamoja-device-id-v2\0').update(raw).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** True when `deviceId` is the id `publicKeyRaw` (base64) gives. */
export function isKeyDerivedId(deviceId: string, publicKeyRaw: string): boolean {
  try {
    return deviceIdFromPublicKey(publicKeyRaw) === deviceId;
  } catch {
    return false;
  }
}

export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** A fresh key pair: the public key raw (base64) and the private key as pkcs8 DER (base64). */
export function newDeviceKeyPair(): { publicKeyRaw: string; privateKeyPkcs8: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyRaw: rawPublicKey(publicKey),
    privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** The raw public key (base64) of a pkcs8 private key kept in clear by an older store; null if damaged. */
export function publicKeyOfLegacyPrivate(pkcs8: string): string | null {
  try {
    const privateKey = createPrivateKey({ key: Buffer.from(pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
    return rawPublicKey(createPublicKey(privateKey));
  } catch {
    return null;
  }
}
