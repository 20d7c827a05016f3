import type Database from 'better-sqlite3';
import { PamojaError } from '../../shared/errors.ts';
import {
  deviceIdFromPublicKey,
  FORMER_ID_META,
  LEGACY_SIGNING_KEY_META,
  newDeviceKeyPair,
  publicKeyOfLegacyPrivate,
  PUBLIC_KEY_META,
  SEALED_SIGNING_KEY_META,
} from './deviceKey.ts';
import type { StatementCache } from './writer.ts';

export interface EstablishedDevice {
  deviceId: string;
  /** A key pair made now: its private half (pkcs8 DER), for the caller to keep. */
  newPrivateKey?: Buffer;
}

/**
 * This laptop's device id, made on first open from a new key pair, and on the first open of
 * a store from before format 2 (migration 0140) moved from its random id to the id of its
 * key: the self row of `devices` is renamed in place, so every change this laptop ever made
 * (the log refers to devices by idx) is its own under the new id and is signed and sent again
 * as such. Other laptops keep the copies they hold under the old id (same values and clocks,
 * so the merge is unchanged); those are never relayed, since no key can sign for them.
 * A store whose key is sealed but whose public key is unknown (made between sealing and
 * format 2) cannot be read here: it gets a new pair, as its id changes anyway.
 * Returns undefined for a read-only look at an uninitialised file.
 */
export function establishDeviceId(
  db: Database.Database,
  statements: StatementCache,
  getMeta: (key: string) => string | undefined,
  setMeta: (key: string, value: string) => void,
  readonly: boolean,
): EstablishedDevice | undefined {
  const stored = getMeta('device_id');
  if (readonly) return stored ? { deviceId: stored } : undefined;
  const settled = (): boolean => {
    const id = getMeta('device_id');
    const key = getMeta(PUBLIC_KEY_META);
    const kept = getMeta(LEGACY_SIGNING_KEY_META) ?? getMeta(SEALED_SIGNING_KEY_META);
    return !!id && !!key && !!kept && deviceIdFromPublicKey(key) === id;
  };
  if (settled()) return { deviceId: stored! };
  return db
    .transaction((): EstablishedDevice => {
      // Re-checked inside the write lock: two processes opening a new store end with one id.
      if (settled()) return { deviceId: getMeta('device_id')! };
      const id = getMeta('device_id');
      let publicKey = getMeta(PUBLIC_KEY_META);
      let newPrivateKey: Buffer | undefined;
      const legacy = getMeta(LEGACY_SIGNING_KEY_META);
      if (legacy) {
        const derived = publicKeyOfLegacyPrivate(legacy);
        if (!derived) throw new PamojaError('internal', "This laptop's signing key in the store is damaged.");
        publicKey = derived;
      } else if (!publicKey || getMeta(SEALED_SIGNING_KEY_META) === undefined) {
        const pair = newDeviceKeyPair();
        statements.get('DELETE FROM meta WHERE key = ?').run(SEALED_SIGNING_KEY_META);
        publicKey = pair.publicKeyRaw;
        newPrivateKey = Buffer.from(pair.privateKeyPkcs8, 'base64');
      }
      setMeta(PUBLIC_KEY_META, publicKey);
      const keyed = deviceIdFromPublicKey(publicKey);
      const done = (): EstablishedDevice =>
        newPrivateKey ? { deviceId: keyed, newPrivateKey } : { deviceId: keyed };
      if (id === keyed) {
        statements.get('UPDATE devices SET public_key = ? WHERE is_self = 1').run(publicKey);
        return done();
      }
      if (id === undefined) {
        setMeta('device_id', keyed);
        setMeta('hlc', '0');
        statements
          .get("INSERT INTO devices (device_id, name, is_self, public_key) VALUES (?, '', 1, ?)")
          .run(keyed, publicKey);
        return done();
      }
      if (statements.get('SELECT 1 FROM devices WHERE device_id = ?').get(keyed))
        throw new PamojaError('internal', `Device id ${keyed} is already taken in this store.`);
      setMeta(FORMER_ID_META, id);
      setMeta('device_id', keyed);
      statements
        .get('UPDATE devices SET device_id = ?, public_key = ? WHERE is_self = 1')
        .run(keyed, publicKey);
      return done();
    })
    .immediate();
}
