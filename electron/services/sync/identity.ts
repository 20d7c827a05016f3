/**
 * Who this laptop is (an Ed25519 signing key) and which region secret it holds. Both are
 * local to this laptop, never synced, and kept sealed (electron/services/secrets/vault.ts).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { PamojaError } from '../../../shared/errors.ts';
import type { Store } from '../../db/store.ts';
import { rememberPublicKey } from '../secrets/legacy.ts';
import { hasSecret, readSecret, writeSecret } from '../secrets/vault.ts';
import { BundleError } from './bundleError.ts';
import { rawPublicKey, type DeviceIdentity } from './bundleCrypto.ts';
import type { BundleHeader } from './bundleHeader.ts';

export {
  acceptInvitation,
  InvitationError,
  writeInvitation,
  type InvitationErrorReason,
} from './invitation.ts';
export {
  currentRegion,
  currentRegionKey,
  joinRegion,
  joinRegionFromBundle,
  joinedRegion,
  MIN_PASSPHRASE_LENGTH,
  regionKeyFromPassphrase,
  SCRYPT_PARAMS,
  type JoinInput,
  type RegionMembership,
} from './regionSecret.ts';

const identities = new WeakMap<Store, DeviceIdentity>();

/** This laptop's signing identity; the key pair is created on first use and kept for good. */
export function deviceIdentity(store: Store): DeviceIdentity {
  const cached = identities.get(store);
  if (cached) return cached;
  if (!hasSecret(store, 'signing_key')) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const encoded = privateKey.export({ format: 'der', type: 'pkcs8' });
    // Only if still absent, so two processes opening a new store end up with one key.
    store.db
      .transaction(() => {
        if (!hasSecret(store, 'signing_key')) {
          writeSecret(store, 'signing_key', encoded);
          rememberPublicKey(store, encoded);
        }
      })
      .immediate();
  }
  const der = readSecret(store, 'signing_key'); // outside the try: "locked" is not "damaged"
  let privateKey;
  try {
    privateKey = createPrivateKey({
      key: der!,
      format: 'der',
      type: 'pkcs8',
    });
  } catch {
    throw new PamojaError('internal', `This laptop's signing key in ${store.file} is damaged.`);
  }
  const publicKey = createPublicKey(privateKey);
  const identity = { deviceId: store.deviceId, privateKey, publicKey, publicKeyRaw: rawPublicKey(publicKey) };
  identities.set(store, identity);
  return identity;
}

/**
 * Trust on first use for a bundle's sender: the first key seen for a device id is remembered
 * by the caller; later bundles from that id must carry the same key. Returns 'first_use' (remember
 * `header.senderPublicKey` for `header.senderDevice`) or 'known'; throws BundleError
 * 'key_changed' when a device id already seen arrives signed by another key.
 */
export function checkSenderKey(
  header: Pick<BundleHeader, 'senderDevice' | 'senderName' | 'senderPublicKey'>,
  knownPublicKey: string | null | undefined,
): 'first_use' | 'known' {
  if (!knownPublicKey) return 'first_use';
  if (knownPublicKey === header.senderPublicKey) return 'known';
  throw new BundleError('key_changed', `device ${header.senderDevice} changed its key`, {
    senderName: header.senderName || header.senderDevice,
  });
}
