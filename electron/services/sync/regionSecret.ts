/**
 * The region secret: derived from the passphrase with scrypt. Meta `sync_region` (never
 * synced) names the region and its salt; the key itself is kept sealed
 * (electron/services/secrets/vault.ts).
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { fromZodError, PamojaError } from '../../../shared/errors.ts';
import type { Store } from '../../db/store.ts';
import { offerPassphrase, openVault, readSecret, writeSecret } from '../secrets/vault.ts';
import { BundleError } from './bundleError.ts';
import { keyCheckMatches, type RegionKdf, type RegionKey } from './bundleCrypto.ts';
import type { BundleHeader } from './bundleHeader.ts';

const REGION_META = 'sync_region';

/**
 * scrypt cost of format 1: N = 2^15, r = 8 (32 MiB, about 100 ms on a 2020s laptop CPU): the
 * cost of regions started before format 2, and of invitation passwords.
 */
export const SCRYPT_PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
/**
 * A region started with format 2 derives its key at N = 2^17 (128 MiB, about 0.4 s): each
 * guess at a stolen stick's passphrase costs four times as much. A region's cost never
 * changes (every laptop must derive the same key), so bundles name it (header `regionKdf`),
 * but only as one of the two costs the format allows: a hostile file cannot ask for more.
 */
export const NEW_REGION_KDF: RegionKdf = 17;
const scryptFor = (kdf: RegionKdf) =>
  kdf === 17 ? ({ N: 1 << 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const) : SCRYPT_PARAMS;
export const REGION_SALT_BYTES = 16;
export const MIN_PASSPHRASE_LENGTH = 8;

/** Passphrases are compared as people see them: Unicode-normalised, outer spaces ignored. */
export function normalisePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC').trim();
}

/** The region secret from its passphrase (scrypt at the region's cost; the region id is mixed into the salt). */
export function regionKeyFromPassphrase(
  regionId: string,
  passphrase: string,
  salt: Buffer,
  kdf: RegionKdf = 15,
): RegionKey {
  const secret = normalisePassphrase(passphrase);
  if (secret === '') throw new PamojaError('invalid', 'The passphrase is empty.');
  if (salt.length !== REGION_SALT_BYTES) throw new PamojaError('invalid', 'A region salt is 16 bytes.');
  const key = scryptSync(
    secret,
    Buffer.concat([salt, Buffer.from(`\0${regionId}`, 'utf8')]),
    32,
    scryptFor(kdf),
  );
  return { regionId, key, salt: salt.toString('base64'), kdf };
}

export const b64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes, `must be ${bytes} bytes in base64`);

const JoinInput = z.object({
  regionId: z.string().min(1).max(200),
  regionName: z.string().max(200),
  passphrase: z.string().min(1).max(1000),
  /** The region's salt (base64), from a bundle header or invitation; absent = start a new region secret. */
  salt: b64(REGION_SALT_BYTES).optional(),
  /** A bundle header's keyCheck: when given, a wrong passphrase is refused at once. */
  keyCheck: z.string().optional(),
  /** The region's key cost, with its salt (absent: 15, a region from before format 2). */
  kdf: z.union([z.literal(15), z.literal(17)]).optional(),
});
export type JoinInput = z.input<typeof JoinInput>;

const StoredRegion = z.object({
  regionId: z.string().min(1),
  regionName: z.string(),
  salt: b64(REGION_SALT_BYTES),
  /** Absent for regions from before format 2 (cost 15). */
  kdf: z.union([z.literal(15), z.literal(17)]).optional(),
});
export type RegionMembership = { regionId: string; regionName: string; key: RegionKey };

/** Derives the region key and remembers it on this laptop (so syncing does not ask every time). */
export function joinRegion(store: Store, input: JoinInput): RegionKey {
  const parsed = JoinInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { regionId, regionName, passphrase, salt, keyCheck, kdf } = parsed.data;
  if (salt === undefined && normalisePassphrase(passphrase).length < MIN_PASSPHRASE_LENGTH)
    throw new PamojaError(
      'invalid',
      `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`,
      'passphrase',
    );
  const region = regionKeyFromPassphrase(
    regionId,
    passphrase,
    salt === undefined ? randomBytes(REGION_SALT_BYTES) : Buffer.from(salt, 'base64'),
    salt === undefined ? NEW_REGION_KDF : (kdf ?? 15),
  );
  if (keyCheck !== undefined && !keyCheckMatches(region, keyCheck))
    throw new BundleError('wrong_key', 'key check value differs', { regionName });
  rememberRegion(store, regionName, region, passphrase);
  return region;
}

/** Joins with the passphrase a coach typed for a bundle's region (salt and key check from its header). */
export function joinRegionFromBundle(store: Store, header: BundleHeader, passphrase: string): RegionKey {
  if (!header.regionSalt)
    throw new PamojaError(
      'invalid',
      'This bundle cannot be opened with a passphrase alone: ask for an invitation file.',
    );
  return joinRegion(store, {
    regionId: header.regionId,
    regionName: '', // names travel inside bundles, not in the public header
    passphrase,
    salt: header.regionSalt,
    keyCheck: header.keyCheck,
    ...(header.regionKdf === undefined ? {} : { kdf: header.regionKdf }),
  });
}

/**
 * Stores a region key, sealed; refuses to replace another region's (one laptop, one region).
 * `passphrase`: the one the key was just derived from, which may also unlock the store's secrets.
 */
export function rememberRegion(
  store: Store,
  regionName: string,
  region: RegionKey,
  passphrase?: string,
): void {
  const current = joinedRegion(store);
  if (current && current.regionId !== region.regionId)
    throw new PamojaError(
      'conflict',
      `This laptop already belongs to the region ${current.regionName || current.regionId}.`,
    );
  if (!region.salt) throw new PamojaError('invalid', 'A region key to remember needs its salt.');
  if (passphrase !== undefined) offerPassphrase(store, passphrase);
  // The laptop's signing key, kept in clear until there was a vault, is sealed (and wiped
  // from the WAL) before the region's own transaction.
  if (!store.db.inTransaction) openVault(store, true);
  const stored = {
    regionId: region.regionId,
    regionName,
    salt: region.salt,
    ...(region.kdf === 17 ? { kdf: region.kdf } : {}),
  };
  store.db.transaction(() => {
    writeSecret(store, 'region_key', region.key);
    store.setMeta(REGION_META, JSON.stringify(stored));
  })();
}

/** The region this laptop belongs to, without its key (no unlocking needed); null before it joins one. */
export function joinedRegion(
  store: Store,
): { regionId: string; regionName: string; salt: string; kdf?: RegionKdf | undefined } | null {
  const raw = store.getMeta(REGION_META);
  if (raw === undefined) return null;
  let parsed;
  try {
    parsed = StoredRegion.safeParse(JSON.parse(raw));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success)
    throw new PamojaError('internal', `The region secret kept in ${store.file} is damaged.`);
  return parsed.data;
}

/** The region this laptop belongs to, with its key (unsealed); null before it joins one. */
export function currentRegion(store: Store): RegionMembership | null {
  const joined = joinedRegion(store);
  if (!joined) return null;
  const { regionId, regionName, salt, kdf } = joined;
  const key = readSecret(store, 'region_key');
  if (key?.length !== 32)
    throw new PamojaError('internal', `The region secret kept in ${store.file} is damaged.`);
  return { regionId, regionName, key: { regionId, key, salt, kdf: kdf ?? 15 } };
}

export function currentRegionKey(store: Store): RegionKey | null {
  return currentRegion(store)?.key ?? null;
}
