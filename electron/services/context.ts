import type { Progress } from '../../shared/contract/bridge.ts';
import type { Store } from '../db/store.ts';
import { anyPath, type FileAccess } from './files/access.ts';
import { noDesktop, type ShellPort } from './shell/port.ts';
import type { StoreHealth } from './backups/health.ts';
import { JobRunner } from './jobs/runner.ts';
import type { Sealer } from './secrets/sealer.ts';
import { holdStoreKey, offerPassphrase, storeKeyOf } from './secrets/vault.ts';

/** What every service handler is given besides its (already validated) input. */
export interface ServiceContext {
  store: Store;
  /** Folder for this store's files besides the database (bundles, exports, keys). */
  dataDir: string;
  /** Which transport called: the Electron shell or the local HTTP server. */
  transport: 'ipc' | 'http';
  /** Reports progress of long work to whoever started it. */
  progress: (done: number, total: number, label?: string) => void;
  /** The progress of the long work running now, if any. */
  currentProgress: () => Progress | null;
  /** Turns an operation's `path` into a real path, or says why it may not be used. */
  files: FileAccess;
  /** Dialogs, PDF, file manager: the desktop's, or `noDesktop` in the browser and tests. */
  shell: ShellPort;
  /** Long work (imports, exports, demo, region files) runs here, off the transport's thread. */
  jobs: JobRunner;
  /** How the store looked when it was opened; a damaged one is replaced by restoring a backup. */
  health: StoreHealth;
  /** The operating system's sealer (Electron's safeStorage) in the app, for mail passwords; absent in serve and the CLI. */
  sealer?: Sealer | undefined;
  /** Told when a restore puts a new store in place of `store` (the shell re-warms its caches). */
  onStoreReplaced?: (store: Store) => void;
}

/** A context whose progress is remembered for polling and passed to `onProgress`. */
export function createContext(
  store: Store,
  dataDir: string,
  transport: ServiceContext['transport'],
  onProgress: (p: Progress) => void = () => undefined,
  shellSide: { files?: FileAccess; shell?: ShellPort; sealer?: Sealer | null } = {},
): ServiceContext {
  let current: Progress | null = null;
  const ctx: ServiceContext = {
    store,
    dataDir,
    transport,
    jobs: new JobRunner({
      storeFile: store.file,
      dataDir,
      // While a job writes, a write from the page fails fast with a clear message
      // instead of holding the page's thread in SQLite's busy wait. A job can end after the
      // store was closed (the app quitting, a restored backup swapped in): nothing to set then.
      onBusyChange: (busy) => {
        if (ctx.store.db.open) ctx.store.db.pragma(`busy_timeout = ${busy ? 50 : 5000}`);
      },
      onUpdate: (job) =>
        onProgress({ label: job.progress.phase, done: job.progress.done, total: job.progress.total }),
      // A store whose secrets cannot be opened here still runs jobs that need none (the demo, a region file).
      storeKey: () => {
        try {
          return storeKeyOf(ctx.store);
        } catch {
          return null;
        }
      },
      // Held first, so proving the passphrase below finds the key and derives nothing here.
      onStoreKey: (key) => holdStoreKey(ctx.store, key),
      onPassphraseProved: (passphrase) => offerPassphrase(ctx.store, passphrase),
    }),
    progress: (done, total, label = '') => {
      current = done >= total ? null : { label, done, total };
      onProgress({ label, done, total });
    },
    currentProgress: () => {
      const job = ctx.jobs.current();
      return job
        ? { label: job.progress.phase, done: job.progress.done, total: job.progress.total }
        : current;
    },
    health: { state: 'ok' },
    files: shellSide.files ?? anyPath(),
    shell: shellSide.shell ?? noDesktop,
    ...(shellSide.sealer ? { sealer: shellSide.sealer } : {}),
  };
  return ctx;
}
