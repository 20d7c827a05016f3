import type { Progress } from '../../shared/contract/bridge.ts';
import type { Store } from '../db/store.ts';
import { anyPath, type FileAccess } from './files/access.ts';
import { noDesktop, type ShellPort } from './shell/port.ts';

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
}

/** A context whose progress is remembered for polling and passed to `onProgress`. */
export function createContext(
  store: Store,
  dataDir: string,
  transport: ServiceContext['transport'],
  onProgress: (p: Progress) => void = () => undefined,
  shellSide: { files?: FileAccess; shell?: ShellPort } = {},
): ServiceContext {
  let current: Progress | null = null;
  return {
    store,
    dataDir,
    transport,
    progress: (done, total, label = '') => {
      current = done >= total ? null : { label, done, total };
      onProgress({ label, done, total });
    },
    currentProgress: () => current,
    files: shellSide.files ?? anyPath(),
    shell: shellSide.shell ?? noDesktop,
  };
}
