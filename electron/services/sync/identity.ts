/**
 * Who this laptop is (an Ed25519 signing key, from which its device id is derived) and which
 * region secret it holds. Both are local to this laptop, never synced, and kept sealed
 * (electron/services/secrets/vault.ts).
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { PamojaError } from '../../../shared/errors.ts';
import { isKeyDerivedId } from '../../db/deviceKey.ts';
import type { Store } from '../../db/store.ts';
import { readSecret } from '../secrets/vault.ts';
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

/**
 * This laptop's signing identity. The key pair is made with the store (electron/db/
 * deviceId.ts) and kept sealed (the vault); the device id is the one the public key derives,
 * so a bundle's reader can check any author's id against its key.
 */
export function deviceIdentity(store: Store): DeviceIdentity {
  const cached = identities.get(store);
  if (cached) return cached;
  const der = readSecret(store, 'signing_key'); // outside the try: "locked" is not "damaged"
  if (!der) throw new PamojaError('internal', `This laptop's signing key is missing from ${store.file}.`);
  let privateKey;
  try {
    privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new PamojaError('internal', `This laptop's signing key in ${store.file} is damaged.`);
  }
  const publicKey = createPublicKey(privateKey);
  const publicKeyRaw = rawPublicKey(publicKey);
  if (!isKeyDerivedId(store.deviceId, publicKeyRaw))
    throw new PamojaError(
      'internal',
      `This laptop's signing key in ${store.file} is not the one its id comes from.`,
    );
  const identity = { deviceId: store.deviceId, privateKey, publicKey, publicKeyRaw };
  identities.set(store, identity);
  return identity;
}

/**
 * A bundle's sender must be the laptop its key makes: the id is derived from the key, so a
 * laptop cannot sign as another (nor take over the id of one known only from relayed changes).
 * Throws BundleError 'key_changed' naming the laptop the bundle pretends to come from.
 */
export function checkSender(
  header: Pick<BundleHeader, 'senderDevice' | 'senderPublicKey'>,
  knownName?: string,
): void {
  if (isKeyDerivedId(header.senderDevice, header.senderPublicKey)) return;
  throw new BundleError('key_changed', `device ${header.senderDevice} is not the id of its key`, {
    senderName: knownName || header.senderDevice,
  });
}
