import { app, BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Progress } from '../shared/contract/bridge.ts';
import { openStore, type Store } from './db/store.ts';
import { generateDemo } from './demo/generate.ts';
import { STORE_FILE_NAME } from './paths.ts';
import { createContext, type ServiceContext } from './services/context.ts';
import { dispatch } from './services/dispatch.ts';
import { handlers } from './services/index.ts';
import { warmUpSoon } from './services/recommend/warm.ts';
import { hasRegion } from './services/region/overview.ts';
import { openSettings, type ShellSettings } from './shell/settings.ts';

/**
 * The Electron shell: one window, IPC to the services, dialogs, PDF. All domain logic
 * lives in the services, which run the same under the CLI and the local server.
 */
const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '..', 'dist', 'index.html');
const BUNDLE_EXTENSION = '.pamoja';

let window: BrowserWindow | null = null;
let store: Store;
let ctx: ServiceContext;
let settings: ShellSettings;
const pendingFiles: string[] = [];

if (!app.requestSingleInstanceLock()) app.quit();

function bundleArgs(argv: string[]): string[] {
  return argv.filter((a) => a.toLowerCase().endsWith(BUNDLE_EXTENSION));
}

function deliverFile(path: string): void {
  if (window) window.webContents.send('pamoja:openFile', path);
  else pendingFiles.push(path);
}

/** IPC is accepted only from our own page, never from anything it might navigate to. */
function fromOurPage(event: IpcMainInvokeEvent): boolean {
  return event.senderFrame?.url.startsWith(pathToFileURL(rendererIndex).href) ?? false;
}

function createWindow(): void {
  const bounds = settings.get('windowBounds');
  window = new BrowserWindow({
    width: bounds?.width ?? 1366,
    height: bounds?.height ?? 768,
    x: bounds?.x,
    y: bounds?.y,
    minWidth: 1024,
    minHeight: 600,
    title: 'Pamoja',
    backgroundColor: '#f3f6f6',
    show: false,
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window?.show());
  window.on('close', () => {
    if (window) settings.set('windowBounds', window.getBounds());
  });
  window.on('closed', () => (window = null));
  // The page never leaves the app; links to the web open in the system browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(pathToFileURL(rendererIndex).href)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.once('did-finish-load', () => {
    for (const file of pendingFiles.splice(0)) deliverFile(file);
  });
  void window.loadFile(rendererIndex);
}

async function printToPdf(html: string, defaultName: string): Promise<string | null> {
  const target = await dialog.showSaveDialog({
    defaultPath: join(settings.get('lastFolder') ?? app.getPath('documents'), defaultName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (target.canceled || !target.filePath) return null;
  const printer = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await printer.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    await writeFile(target.filePath, pdf);
    settings.set('lastFolder', dirname(target.filePath));
    return target.filePath;
  } finally {
    printer.destroy();
  }
}

function wireIpc(): void {
  ipcMain.handle('pamoja:call', (event, op: unknown, input: unknown) => {
    if (!fromOurPage(event) || typeof op !== 'string') {
      return { ok: false, error: { code: 'invalid', message: 'refused' } };
    }
    return dispatch(handlers, ctx, op, input);
  });
  ipcMain.handle('pamoja:chooseFolder', async (event) => {
    if (!fromOurPage(event)) return null;
    const r = await dialog.showOpenDialog({
      properties: ['openDirectory', 'createDirectory'],
      defaultPath: settings.get('lastFolder'),
    });
    const folder = r.canceled ? null : (r.filePaths[0] ?? null);
    if (folder) settings.set('lastFolder', folder);
    return folder;
  });
  ipcMain.handle('pamoja:chooseFile', async (event, filters: { name: string; extensions: string[] }[]) => {
    if (!fromOurPage(event)) return null;
    const r = await dialog.showOpenDialog({
      properties: ['openFile'],
      filters,
      defaultPath: settings.get('lastFolder'),
    });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  });
  ipcMain.handle('pamoja:saveFile', async (event, defaultName: string) => {
    if (!fromOurPage(event)) return null;
    const r = await dialog.showSaveDialog({
      defaultPath: join(settings.get('lastFolder') ?? app.getPath('documents'), String(defaultName)),
    });
    return r.canceled ? null : (r.filePath ?? null);
  });
  ipcMain.handle('pamoja:printToPdf', (event, html: unknown, defaultName: unknown) => {
    if (!fromOurPage(event) || typeof html !== 'string' || typeof defaultName !== 'string') return null;
    return printToPdf(html, defaultName);
  });
}

app.on('second-instance', (_event, argv) => {
  bundleArgs(argv).forEach(deliverFile);
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});
app.on('open-file', (event, path) => {
  event.preventDefault();
  deliverFile(path);
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => store?.close());

void app.whenReady().then(() => {
  settings = openSettings();
  const dataDir = app.getPath('userData');
  store = openStore(join(dataDir, STORE_FILE_NAME));
  ctx = createContext(store, dataDir, 'ipc', (p: Progress) => window?.webContents.send('pamoja:progress', p));
  // `npm start` opens the demo region when the store is empty; a packaged app offers it.
  if (process.argv.includes('--demo') && !hasRegion(store)) {
    generateDemo(store, { seed: 1, scale: 'region' });
  }
  bundleArgs(process.argv).forEach(deliverFile);
  wireIpc();
  createWindow();
  warmUpSoon(store);
});
