import type { Store } from '../../db/store.ts';
import type { SecretName } from './vault.ts';

/**
 * Stores from before sealing kept the region key inside meta `sync_region` (field `key`) and
 * the signing key as meta `device_signing_key`, both in clear. They are sealed and wiped the
 * first time the store is opened by a process that can seal.
 */
const REGION_META = 'sync_region';
const SIGNING_META = 'device_signing_key';

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
        store.db.prepare('DELETE FROM meta WHERE key = ?').run(SIGNING_META);
      }
    })
    .immediate();
  store.db.pragma('wal_checkpoint(TRUNCATE)');
}
