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
import { keyCheckMatches, type RegionKey } from './bundleCrypto.ts';
import type { BundleHeader } from './bundleHeader.ts';

const REGION_META = 'sync_region';

/**
 * scrypt cost: N = 2^15, r = 8 (32 MiB, about 100 ms on a 2020s laptop CPU). Fixed by the
 * format rather than read from files, so a hostile file cannot ask for a huge cost.
 */
export const SCRYPT_PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
export const REGION_SALT_BYTES = 16;
export const MIN_PASSPHRASE_LENGTH = 8;

/** Passphrases are compared as people see them: Unicode-normalised, outer spaces ignored. */
export function normalisePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC').trim();
}

/** The region secret from its passphrase (scrypt; the region id is mixed into the salt). */
export function regionKeyFromPassphrase(regionId: string, passphrase: string, salt: Buffer): RegionKey {
  const secret = normalisePassphrase(passphrase);
  if (secret === '') throw new PamojaError('invalid', 'The passphrase is empty.');
  if (salt.length !== REGION_SALT_BYTES) throw new PamojaError('invalid', 'A region salt is 16 bytes.');
  const key = scryptSync(
    secret,
    Buffer.concat([salt, Buffer.from(`\0${regionId}`, 'utf8')]),
    32,
    SCRYPT_PARAMS,
  );
  return { regionId, key, salt: salt.toString('base64') };
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
});
export type JoinInput = z.input<typeof JoinInput>;

const StoredRegion = z.object({
  regionId: z.string().min(1),
  regionName: z.string(),
  salt: b64(REGION_SALT_BYTES),
});
export type RegionMembership = { regionId: string; regionName: string; key: RegionKey };

/** Derives the region key and remembers it on this laptop (so syncing does not ask every time). */
export function joinRegion(store: Store, input: JoinInput): RegionKey {
  const parsed = JoinInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { regionId, regionName, passphrase, salt, keyCheck } = parsed.data;
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
    regionName: header.regionName,
    passphrase,
    salt: header.regionSalt,
    keyCheck: header.keyCheck,
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
  const stored = { regionId: region.regionId, regionName, salt: region.salt };
  store.db.transaction(() => {
    writeSecret(store, 'region_key', region.key);
    store.setMeta(REGION_META, JSON.stringify(stored));
  })();
}

/** The region this laptop belongs to, without its key (no unlocking needed); null before it joins one. */
export function joinedRegion(store: Store): { regionId: string; regionName: string; salt: string } | null {
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
  const { regionId, regionName, salt } = joined;
  const key = readSecret(store, 'region_key');
  if (key?.length !== 32)
    throw new PamojaError('internal', `The region secret kept in ${store.file} is damaged.`);
  return { regionId, regionName, key: { regionId, key, salt } };
}

export function currentRegionKey(store: Store): RegionKey | null {
  return currentRegion(store)?.key ?? null;
}
