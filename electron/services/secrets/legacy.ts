import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Store } from '../../db/store.ts';
import type { SecretName } from './vault.ts';

/**
 * Stores from before sealing kept the region key inside meta `sync_region` (field `key`) and
 * the signing key as meta `device_signing_key`, both in clear. They are sealed and wiped the
 * first time the store is opened by a process that can seal.
 */
const REGION_META = 'sync_region';
const SIGNING_META = 'device_signing_key';
/** The laptop's public key (raw 32 bytes, base64), kept in clear: the store finds its identity without unsealing. */
export const PUBLIC_KEY_META = 'device_public_key';

/** Records the public half of a signing key (pkcs8 DER) in clear, if not yet; a damaged key is left to deviceIdentity to report. */
export function rememberPublicKey(store: Store, pkcs8: Buffer): void {
  if (store.getMeta(PUBLIC_KEY_META)) return;
  try {
    const spki = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({
      format: 'der',
      type: 'spki',
    });
    store.setMeta(PUBLIC_KEY_META, spki.subarray(spki.length - 32).toString('base64'));
  } catch {
    // not a key: deviceIdentity says it is damaged
  }
}

function regionRecord(store: Store): Record<string, unknown> | null {
  const raw = store.getMeta(REGION_META);
  if (raw === undefined) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A secret still kept in clear, or null. */
export function clearSecret(store: Store, name: SecretName): Buffer | null {
  if (name === 'signing_key') {
    const raw = store.getMeta(SIGNING_META);
    return raw ? Buffer.from(raw, 'base64') : null;
  }
  const key = regionRecord(store)?.key;
  return typeof key === 'string' ? Buffer.from(key, 'base64') : null;
}

/** Seals every secret still in clear with `write`, then wipes the clear copies (also from the WAL). */
export function sealClearSecrets(store: Store, write: (name: SecretName, bytes: Buffer) => void): void {
  const region = clearSecret(store, 'region_key');
  const signing = clearSecret(store, 'signing_key');
  if (!region && !signing) return;
  // Freed bytes are overwritten, so the old values do not linger in the file's free pages.
  store.db.pragma('secure_delete = ON');
  store.db
    .transaction(() => {
      if (region) {
        write('region_key', region);
        const { key: _dropped, ...rest } = regionRecord(store)!;
        store.setMeta(REGION_META, JSON.stringify(rest));
      }
      if (signing) {
        write('signing_key', signing);
        rememberPublicKey(store, signing);
        store.db.prepare('DELETE FROM meta WHERE key = ?').run(SIGNING_META);
      }
    })
    .immediate();
  // Inside a transaction the checkpoint cannot run; callers seal before theirs (openVault first).
  if (!store.db.inTransaction) store.db.pragma('wal_checkpoint(TRUNCATE)');
}
