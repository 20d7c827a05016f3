import type { ErrorShape } from '../errors.ts';

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
 * (electron/serve.ts) offers the same calls over HTTP instead.
 */
export interface PamojaBridge {
  call(op: string, input: unknown): Promise<Envelope>;
  /** Shell-only abilities; absent in the browser. */
  shell: {
    chooseFolder(): Promise<string | null>;
    chooseFile(filters: { name: string; extensions: string[] }[]): Promise<string | null>;
    saveFile(defaultName: string): Promise<string | null>;
    /** Saves an HTML document as PDF (Electron's printToPDF); returns the path written. */
    printToPdf(html: string, defaultName: string): Promise<string | null>;
    /** The file-system path of a file dropped on the window. */
    pathForFile(file: File): string;
    /** Files dropped on or opened with the app (bundles), delivered to the page. */
    onOpenFile(listener: (path: string) => void): () => void;
    onProgress(listener: (progress: Progress) => void): () => void;
  };
}
