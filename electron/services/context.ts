import type { Store } from '../db/store.ts';

/** What every service handler is given besides its (already validated) input. */
export interface ServiceContext {
  store: Store;
  /** Folder for this store's files besides the database (bundles, exports, keys). */
  dataDir: string;
  /** Reports progress of long work (0..1) to whoever started it; may be a no-op. */
  progress: (done: number, total: number, label?: string) => void;
}
