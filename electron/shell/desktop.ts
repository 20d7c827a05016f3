import type { BrowserWindow as BrowserWindowClass, Dialog, Session, Shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isAllowedExternal } from '../../shared/externalLinks.ts';
import type { ShellPort } from '../services/shell/port.ts';
import { denyAllPermissions, guardContents, type GuardedContents, type GuardedSession } from './guards.ts';
import { footerTemplate } from './pdfFooter.ts';
import type { ShellSettings } from './settings.ts';

/** The electron pieces the desktop shell uses, handed over by main.ts (the one importer). */
export interface DesktopDeps {
  dialog: Dialog;
  shell: Shell;
  BrowserWindow: typeof BrowserWindowClass;
  /** An in-memory session for the PDF printer, e.g. `session.fromPartition('pdf-printer')`. */
  printerSession: () => Session;
  window: () => BrowserWindowClass | null;
  settings: ShellSettings;
  documentsFolder: string;
}

/**
 * The desktop's dialogs, PDF printer, file manager and browser. Dialogs start in the last
 * folder used, and remember it.
 */
export function desktopShell(deps: DesktopDeps): ShellPort {
  const { dialog, settings } = deps;
  const startIn = (): string => settings.get('lastFolder') ?? deps.documentsFolder;
  const remember = (folder: string): void => settings.set('lastFolder', folder);
  const parent = deps.window;

  return {
    desktop: true,
    async chooseFolder({ title }) {
      const options = { title, properties: ['openDirectory' as const], defaultPath: startIn() };
      const w = parent();
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      const folder = r.canceled ? null : (r.filePaths[0] ?? null);
      if (folder) remember(folder);
      return folder;
    },
    async chooseFile({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const], defaultPath: startIn() };
      const w = parent();
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      const file = r.canceled ? null : (r.filePaths[0] ?? null);
      if (file) remember(dirname(file));
      return file;
    },
    async saveFile({ title, defaultName, filters }) {
      const options = { title, defaultPath: join(startIn(), defaultName), ...(filters ? { filters } : {}) };
      const w = parent();
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      const file = r.canceled || !r.filePath ? null : r.filePath;
      if (file) remember(dirname(file));
      return file;
    },
    async printToPdf(html, target, options) {
      const pdf = await renderPdf(deps, html, options);
      await writeFile(target, pdf);
    },
    showInFolder: (path) => deps.shell.showItemInFolder(path),
    async openExternal(url) {
      // Checked again here: this is the last step before the system browser.
      if (isAllowedExternal(url)) await deps.shell.openExternal(url);
    },
  };
}

/**
 * Renders HTML to PDF in a hidden window that can do nothing else: no scripts, its own
 * in-memory session that denies every permission and loads nothing but the document itself
 * (no network, no files), no navigation, no new windows.
 */
async function renderPdf(
  deps: DesktopDeps,
  html: string,
  options: { landscape?: boolean; pageNumbers?: { label: string } },
): Promise<Buffer> {
  const session = deps.printerSession();
  denyAllPermissions(session as unknown as GuardedSession);
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !details.url.startsWith('data:') }),
  );
  const printer = new deps.BrowserWindow({
    show: false,
    webPreferences: {
      session,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const contents = printer.webContents;
  guardContents(contents as unknown as GuardedContents, {
    mayNavigate: () => false,
    openExternal: () => undefined,
  });
  try {
    await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await contents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      landscape: options.landscape ?? false,
      ...(options.pageNumbers
        ? {
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: footerTemplate(options.pageNumbers.label),
          }
        : {}),
    });
  } finally {
    printer.destroy();
  }
}
