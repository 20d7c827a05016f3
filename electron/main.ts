import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openStore, type Store } from './db/store.ts';
import { generateDemo } from './demo/generate.ts';
import { defaultDataDir, STORE_FILE_NAME } from './paths.ts';
import { createContext } from './services/context.ts';
import { shellGrants } from './services/files/access.ts';
import { handlers } from './services/index.ts';
import { warmUpSoon } from './services/recommend/warm.ts';
import { hasRegion } from './services/region/overview.ts';
import { desktopShell } from './shell/desktop.ts';
import { openSettings, type ShellSettings } from './shell/settings.ts';
import { bundleArgs, fileDelivery, progressTo, wireIpc } from './transport/ipc.ts';

/**
 * The Electron shell, composed: one window, the IPC transport (electron/transport/ipc.ts),
 * the desktop's dialogs and PDF (electron/shell/desktop.ts). The only file besides the
 * preload that imports electron; all domain logic lives in the services.
 */
const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '..', 'dist', 'index.html');
const pageUrl = pathToFileURL(rendererIndex).href;
const isOurPage = (url: string): boolean => url === pageUrl || url.startsWith(`${pageUrl}#`);

let window: BrowserWindow | null = null;
let store: Store;
let settings: ShellSettings;
let delivery: ReturnType<typeof fileDelivery> | null = null;
// macOS hands opened files over before (and after) the app is ready.
const openedEarly: string[] = [];

// The same data folder as `npm run serve` and the CLI (and PAMOJA_DATA_DIR, for tests).
app.setPath('userData', defaultDataDir());
if (!app.requestSingleInstanceLock()) app.quit();

function createWindow(delivery: ReturnType<typeof fileDelivery>): void {
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
  window.on('closed', () => {
    window = null;
    delivery.attach(null);
  });
  // The page never leaves the app; links to the web open in the system browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOurPage(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const contents = window.webContents;
  contents.once('did-finish-load', () => delivery.attach(contents));
  void window.loadFile(rendererIndex);
}

void app.whenReady().then(() => {
  settings = openSettings();
  const dataDir = app.getPath('userData');
  store = openStore(join(dataDir, STORE_FILE_NAME));
  const desktop = desktopShell({
    dialog,
    shell,
    BrowserWindow,
    printerSession: () => session.fromPartition('pdf-printer'),
    window: () => window,
    settings,
    documentsFolder: app.getPath('documents'),
  });
  const ctx = createContext(
    store,
    dataDir,
    'ipc',
    progressTo(() => window?.webContents ?? null),
    { files: shellGrants(), shell: desktop },
  );
  const files = fileDelivery(ctx);
  delivery = files;
  app.on('second-instance', (_event, argv) => {
    bundleArgs(argv).forEach(files.deliver);
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  // `npm start` opens the demo region when the store is empty; a packaged app offers it.
  if (process.argv.includes('--demo') && !hasRegion(store)) {
    generateDemo(store, { seed: 1, scale: 'region' });
  }
  [...bundleArgs(process.argv.slice(1)), ...openedEarly.splice(0)].forEach(files.deliver);
  wireIpc({ ipcMain, handlers, ctx, isOurPage });
  createWindow(files);
  warmUpSoon(store);
});

app.on('open-file', (event, path) => {
  event.preventDefault();
  if (delivery) delivery.deliver(path);
  else openedEarly.push(path);
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => store?.close());
