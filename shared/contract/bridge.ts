import type { ErrorShape } from '../errors.ts';
import type { FileChoice } from './shell.ts';

/** What a transport returns for one call. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ErrorShape };

/** Progress of long work, as the services report it. */
export interface Progress {
  label: string;
  done: number;
  total: number;
}

/**
 * The object the Electron preload exposes as `window.pamoja`. The browser transport
 * (electron/serve.ts) offers the same calls over HTTP instead. The shell's own abilities
 * (dialogs, PDF, …) are ordinary operations (`shell.*` in the contract); only what the
 * main process pushes, and drops (whose path only the preload can read), are extra.
 */
export interface PamojaBridge {
  call(op: string, input: unknown): Promise<Envelope>;
  events: {
    /** A file dropped on the window, granted for reading if it is a bundle. */
    dropped(file: File): Promise<FileChoice | null>;
    /** Bundles opened with the app, delivered to the page. */
    onOpenFile(listener: (chosen: FileChoice) => void): () => void;
    onProgress(listener: (progress: Progress) => void): () => void;
  };
}
