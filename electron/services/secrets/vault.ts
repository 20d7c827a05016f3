import { randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { PamojaError } from '../../../shared/errors.ts';
import { keepNewSigningKeys, type Store } from '../../db/store.ts';
import { clearSecret, sealClearSecrets } from './legacy.ts';
import { keySealer, type Sealer } from './sealer.ts';

/**
 * Each store's secrets (the region key, this laptop's signing key) are sealed with a random
 * 32-byte *store key*, which is itself kept only wrapped, in meta `secrets_vault`, by one or
 * both of: the operating system (Electron's safeStorage, the app) and a passphrase (scrypt;
 * the CLI and `serve`). A copied store file alone opens neither. The store key lives in this
 * process's memory once unlocked, and is handed to the job worker in its start message.
 */
const VAULT_META = 'secrets_vault';
const SECRET_META = (name: SecretName) => `secret:${name}`;

export type SecretName = 'region_key' | 'signing_key';

/** scrypt for the passphrase slot: 64 MiB, about 0.2 s. Kept in the slot, so it can rise later. */
const SLOT_SCRYPT = { N: 1 << 16, r: 8, p: 1 } as const;
const MAX_SLOT_N = 1 << 20;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const PassphraseSlot = z.object({
  salt: b64,
  // Bounded, so a doctored file cannot make opening it take all memory.
  N: z
    .number()
    .int()
    .min(1 << 14)
    .max(MAX_SLOT_N)
    .refine((n) => (n & (n - 1)) === 0),
  r: z.number().int().min(1).max(16),
  p: z.number().int().min(1).max(4),
  sealed: b64,
});
const Vault = z.object({
  version: z.literal(1),
  slots: z.object({ system: b64.optional(), passphrase: PassphraseSlot.optional() }),
});
type Vault = z.infer<typeof Vault>;

/** What this process can unlock stores with. */
export interface Unlocker {
  /** The operating system's sealer (the app); null or absent elsewhere. */
  system?: Sealer | null;
  /** The region passphrase (PAMOJA_PASSPHRASE or a prompt, in the CLI and serve). */
  passphrase?: string;
}

let unlocker: Unlocker = {};
let storeKeys = new WeakMap<Store, Buffer>();
const derived = new Map<string, Buffer>();

/** Sets what this process unlocks stores with (merged with what it had). Called by main.ts, serve, the CLI. */
export function useUnlocker(next: Unlocker): void {
  unlocker = { ...unlocker, ...next };
  derived.clear();
}

/** Forgets this process's unlocker and every store key it holds (tests: "a copied file elsewhere"). */
export function forgetUnlocker(): void {
  unlocker = {};
  derived.clear();
  storeKeys = new WeakMap();
}

export type VaultState = 'empty' | 'locked' | 'open';

function readVault(store: Store): Vault | null {
  const raw = store.getMeta(VAULT_META);
  if (raw === undefined) return null;
  let parsed;
  try {
    parsed = Vault.safeParse(JSON.parse(raw));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success)
    throw new PamojaError('internal', `The sealed secrets kept in ${store.file} are damaged.`);
  return parsed.data;
}

/** 'empty': no secrets kept yet; 'locked': kept, but this process cannot open them; 'open'. */
export function vaultState(store: Store): VaultState {
  if (storeKeys.has(store)) return 'open';
  if (!readVault(store)) return 'empty';
  return tryUnlock(store) ? 'open' : 'locked';
}

function slotKey(passphrase: string, slot: { salt: string; N: number; r: number; p: number }): Buffer {
  const id = `${slot.salt}:${slot.N}:${slot.r}:${slot.p}`;
  const cached = derived.get(id);
  if (cached) return cached;
  const key = scryptSync(passphrase.normalize('NFC').trim(), Buffer.from(slot.salt, 'base64'), 32, {
    N: slot.N,
    r: slot.r,
    p: slot.p,
    maxmem: 256 * slot.N * slot.r,
  });
  derived.set(id, key);
  return key;
}

const slotSealer = (key: Buffer) => keySealer(key, 'pamoja-vault-slot-v1');
const secretSealer = (key: Buffer, name: SecretName) => keySealer(key, `pamoja-secret-v1\0${name}`);

function tryUnlock(store: Store): Buffer | null {
  const held = storeKeys.get(store);
  if (held) return held;
  const vault = readVault(store);
  if (!vault) return null;
  let key: Uint8Array | null = null;
  if (vault.slots.system && unlocker.system)
    key = unlocker.system.open(Buffer.from(vault.slots.system, 'base64'));
  const slot = vault.slots.passphrase;
  if (!key && slot && unlocker.passphrase)
    key = slotSealer(slotKey(unlocker.passphrase, slot)).open(Buffer.from(slot.sealed, 'base64'));
  if (!key || key.length !== 32) return null;
  const storeKey = Buffer.from(key);
  storeKeys.set(store, storeKey);
  addMissingSlots(store, vault, storeKey);
  sealClearSecrets(store, (name, bytes) => writeSealed(store, storeKey, name, bytes));
  return storeKey;
}

/** A store opened with the passphrase gets a system slot in the app, and the other way round. */
function addMissingSlots(store: Store, vault: Vault, storeKey: Buffer): void {
  const slots = { ...vault.slots };
  if (!slots.system && unlocker.system)
    slots.system = Buffer.from(unlocker.system.seal(storeKey)).toString('base64');
  if (!slots.passphrase && unlocker.passphrase) {
    const salt = randomBytes(16).toString('base64');
    const params = { salt, ...SLOT_SCRYPT };
    const sealed = slotSealer(slotKey(unlocker.passphrase, params)).seal(storeKey);
    slots.passphrase = { ...params, sealed: Buffer.from(sealed).toString('base64') };
  }
  if (
    !store.getMeta(VAULT_META) ||
    slots.system !== vault.slots.system ||
    slots.passphrase !== vault.slots.passphrase
  )
    store.setMeta(VAULT_META, JSON.stringify({ version: 1, slots } satisfies Vault));
}

function lockedError(store: Store): PamojaError {
  const vault = readVault(store);
  if (vault?.slots.passphrase && unlocker.passphrase)
    return new PamojaError(
      'invalid',
      "Wrong passphrase for this laptop's sealed secrets (the region passphrase).",
    );
  if (vault?.slots.passphrase)
    return new PamojaError(
      'unavailable',
      "This laptop's region key and signing key are sealed: give the region passphrase (PAMOJA_PASSPHRASE, or at the prompt).",
    );
  if (unlocker.system)
    return new PamojaError(
      'unavailable',
      "This laptop's region key and signing key were sealed on another computer or account: join the region again with its passphrase.",
    );
  return new PamojaError(
    'unavailable',
    "This laptop's region key and signing key are sealed by the Pamoja app for its computer account: use them in the app.",
  );
}

/**
 * The store key, unlocking (and sealing any secrets still in clear) on first use; with
 * `create`, a store with no vault gets one if this process can seal. null: no vault and
 * nothing to make one with. Throws when the vault exists but cannot be opened here.
 */
export function openVault(store: Store, create = false): Buffer | null {
  const key = tryUnlock(store);
  if (key) return key;
  if (readVault(store)) throw lockedError(store);
  if (!create && !clearSecret(store, 'region_key') && !clearSecret(store, 'signing_key')) return null;
  if (!unlocker.system && !unlocker.passphrase) return null;
  const storeKey = randomBytes(32);
  const made = store.db
    .transaction(() => {
      if (readVault(store)) return false; // another process made one meanwhile: use that
      addMissingSlots(store, { version: 1, slots: {} }, storeKey);
      return true;
    })
    .immediate();
  if (!made) {
    const theirs = tryUnlock(store);
    if (!theirs) throw lockedError(store);
    return theirs;
  }
  storeKeys.set(store, storeKey);
  sealClearSecrets(store, (name, bytes) => writeSealed(store, storeKey, name, bytes));
  return storeKey;
}

/** The store key for a job worker (memory only), making the vault first so the job can seal what it creates. */
export function storeKeyOf(store: Store): Buffer | null {
  return openVault(store, true);
}

/** In the job worker: the store key the main thread handed over, for this connection. */
export function holdStoreKey(store: Store, key: Uint8Array): void {
  storeKeys.set(store, Buffer.from(key));
}

function writeSealed(store: Store, storeKey: Buffer, name: SecretName, bytes: Uint8Array): void {
  store.setMeta(SECRET_META(name), Buffer.from(secretSealer(storeKey, name).seal(bytes)).toString('base64'));
}

/** A kept secret, unsealed; null when none is kept. Throws when it is kept sealed but this process cannot open it. */
export function readSecret(store: Store, name: SecretName): Buffer | null {
  const sealed = store.getMeta(SECRET_META(name));
  if (sealed === undefined) {
    // A store from before sealing that no unlocker has opened yet still works as it did.
    const legacy = clearSecret(store, name);
    if (legacy && openVault(store) === null) return legacy;
    const now = store.getMeta(SECRET_META(name));
    return now === undefined ? null : openSealed(store, name, now);
  }
  return openSealed(store, name, sealed);
}

function openSealed(store: Store, name: SecretName, sealed: string): Buffer {
  const key = openVault(store);
  if (!key) throw lockedError(store);
  const opened = secretSealer(key, name).open(Buffer.from(sealed, 'base64'));
  if (!opened)
    throw new PamojaError('internal', `The sealed ${name.replace('_', ' ')} in ${store.file} is damaged.`);
  return Buffer.from(opened);
}

/** Keeps a secret sealed (making the vault if needed); refuses when this process cannot seal. */
export function writeSecret(store: Store, name: SecretName, bytes: Uint8Array): void {
  const key = openVault(store, true);
  if (!key)
    throw new PamojaError(
      'unavailable',
      'Pamoja cannot keep this secret sealed here: give the region passphrase (PAMOJA_PASSPHRASE, or at the prompt).',
    );
  writeSealed(store, key, name, bytes);
}

export function hasSecret(store: Store, name: SecretName): boolean {
  return store.getMeta(SECRET_META(name)) !== undefined || clearSecret(store, name) !== null;
}

/**
 * A passphrase that just proved itself (it opened the region's bundles or started the
 * region): this process unlocks with it from now on, and the store's vault gets a
 * passphrase slot, so the CLI and `serve` can open what the app sealed.
 */
export function offerPassphrase(store: Store, passphrase: string): void {
  if (unlocker.passphrase === passphrase) {
    tryUnlock(store);
    return;
  }
  const before = unlocker;
  useUnlocker({ passphrase });
  const vault = readVault(store);
  if (vault && !tryUnlock(store) && before.passphrase !== undefined) unlocker = before;
  // A vault made with the store (its new signing key) before the passphrase was known gets its slot now.
  const held = storeKeys.get(store);
  if (vault && held) addMissingSlots(store, vault, held);
}

/** Whether opening this store's secrets here needs the passphrase this process has not been given. */
export function needsPassphrase(store: Store): boolean {
  if (storeKeys.has(store) || unlocker.passphrase !== undefined) return false;
  const vault = readVault(store);
  if (vault) return vault.slots.passphrase !== undefined && tryUnlock(store) === null;
  return (
    !unlocker.system &&
    (clearSecret(store, 'region_key') !== null || clearSecret(store, 'signing_key') !== null)
  );
}

/**
 * At start (app, serve): opens the store's secrets if this process can, sealing any still in
 * clear. Returns what to tell the coach when they stay locked or in clear, else null.
 */
export function unlockAtStart(store: Store): string | null {
  try {
    openVault(store);
  } catch (e) {
    if (e instanceof PamojaError) return e.message;
    throw e;
  }
  // A new laptop's signing key waits in clear only until it joins a region (which seals it).
  const joined = store.getMeta('sync_region') !== undefined;
  if (clearSecret(store, 'region_key') || (joined && clearSecret(store, 'signing_key')))
    return "This laptop's region key and signing key are still kept in clear: give the region passphrase (PAMOJA_PASSPHRASE) once to seal them.";
  return null;
}

// A new laptop's key pair is made with its store (electron/db/deviceId.ts, its id derives from
// the public key). Into a vault this process holds open, its private half goes sealed at once;
// a store with no vault yet keeps it in clear until the vault is made (joining the region),
// which seals and wipes it, so a store made in the app stays usable from the CLI.
keepNewSigningKeys((store, pkcs8) => {
  if (!readVault(store)) return false;
  const key = tryUnlock(store);
  if (!key) return false;
  writeSealed(store, key, 'signing_key', pkcs8);
  return true;
});
