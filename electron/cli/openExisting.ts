import { existsSync } from 'node:fs';
import { PamojaError } from '../../shared/errors.ts';
import { openStore, type Store } from '../db/store.ts';
import { needsPassphrase, openVault, useUnlocker } from '../services/secrets/vault.ts';
import { readPassphrase, type CliIo } from './command.ts';

/**
 * Opens a store that must already exist. Commands that only look at a store use this so
 * that a mistyped path is reported instead of silently creating an empty store there.
 */
export function openExistingStore(file: string): Store {
  if (!existsSync(file)) throw new PamojaError('invalid', `No store at ${file} (check the --db path).`);
  return openStore(file);
}

/**
 * Makes sure the store's sealed secrets (region key, signing key) can be opened by this
 * command: asks for the passphrase when PAMOJA_PASSPHRASE is not set and one is needed,
 * and seals secrets an older Pamoja kept in clear. Throws a clear message when the
 * passphrase is wrong or the secrets were sealed by the app.
 */
export async function unlockStore(store: Store, io: CliIo): Promise<void> {
  if (needsPassphrase(store)) useUnlocker({ passphrase: await readPassphrase(io) });
  openVault(store);
}
