import { PamojaError } from '../../../shared/errors.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface PdfOptions {
  landscape?: boolean;
  /** Footer text with `{page}` and `{pages}` placeholders. */
  pageNumbers?: { label: string };
}

/**
 * What only the desktop shell can do: native dialogs, PDF printing, the file manager and
 * the system browser. Implemented with Electron in `electron/shell/desktop.ts` (given the
 * electron modules by main.ts); `serve`, the CLI and tests get `noDesktop`. Dialogs return
 * a path, which the handler turns into a grant (`ctx.files.grant`) before the page sees it.
 */
export interface ShellPort {
  readonly desktop: boolean;
  chooseFolder(options: { title?: string }): Promise<string | null>;
  chooseFile(options: { title?: string; filters: FileFilter[] }): Promise<string | null>;
  saveFile(options: { title?: string; defaultName: string; filters?: FileFilter[] }): Promise<string | null>;
  /** Renders `html` in a locked-down hidden window and writes the PDF to `target`. */
  printToPdf(html: string, target: string, options: PdfOptions): Promise<void>;
  showInFolder(path: string): void;
  openExternal(url: string): Promise<void>;
}

const desktopOnly = (): never => {
  throw new PamojaError(
    'unavailable',
    'This needs the desktop app. In the browser, use the file picker or the download link instead.',
  );
};

/** The shell of `serve` and the CLI: no dialogs (the page uses file pickers instead). */
export const noDesktop: ShellPort = {
  desktop: false,
  chooseFolder: async () => desktopOnly(),
  chooseFile: async () => desktopOnly(),
  saveFile: async () => desktopOnly(),
  printToPdf: async () => desktopOnly(),
  showInFolder: () => desktopOnly(),
  openExternal: async () => desktopOnly(),
};
