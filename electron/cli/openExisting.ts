import { existsSync } from 'node:fs';
import { PamojaError } from '../../shared/errors.ts';
import { openStore, type Store } from '../db/store.ts';

/**
 * Opens a store that must already exist. Commands that only look at a store use this so
 * that a mistyped path is reported instead of silently creating an empty store there.
 */
export function openExistingStore(file: string): Store {
  if (!existsSync(file)) throw new PamojaError('invalid', `No store at ${file} (check the --db path).`);
  return openStore(file);
}
