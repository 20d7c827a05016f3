import { PamojaError } from '../../../shared/errors.ts';
import { openStore, type Store } from '../../db/store.ts';
import { checkStoreFile, type StoreHealth } from './health.ts';
import { dailyBackupIfDue } from './snapshot.ts';

/**
 * A stand-in for a store that could not be opened: it knows its file (to restore into)
 * and answers everything else with one clear message, so the app and serve still start
 * and show the restore screen instead of failing.
 */
function unavailableStore(file: string): Store {
  return new Proxy({} as Store, {
    get(_target, prop) {
      if (prop === 'file') return file;
      if (prop === 'close') return () => undefined;
      throw new PamojaError(
        'unavailable',
        'The store is damaged and cannot be opened: restore a backup (Pamoja offers the latest good one).',
      );
    },
  });
}

/** Opens the store after checking it (`PRAGMA quick_check`); a damaged one opens in recovery. */
export function openCheckedStore(file: string): { store: Store; health: StoreHealth } {
  const health = checkStoreFile(file);
  if (health.state !== 'ok') return { store: unavailableStore(file), health };
  try {
    return { store: openStore(file), health };
  } catch (e) {
    return { store: unavailableStore(file), health: { state: 'damaged', problem: (e as Error).message } };
  }
}

const HOUR = 3_600_000;

/**
 * The daily snapshot: once at start, then checked every hour (a laptop left open over
 * midnight gets the next day's). Skipped while a long job runs; it never stops the app.
 */
export function keepDailyBackups(current: () => Store | null, busy: () => boolean): () => void {
  const tick = (): void => {
    const store = current();
    if (!store || busy()) return;
    dailyBackupIfDue(store).catch((e: unknown) =>
      console.error('[pamoja] the daily backup failed:', (e as Error).message),
    );
  };
  tick();
  const timer = setInterval(tick, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
