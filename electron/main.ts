import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './db/store.ts';
import { keepDailyBackups, openCheckedStore } from './services/backups/startup.ts';
import { generateDemo } from './demo/generate.ts';
import { defaultDataDir, STORE_FILE_NAME } from './paths.ts';
import { createContext } from './services/context.ts';
import { shellGrants } from './services/files/access.ts';
import { handlers } from './services/index.ts';
import { warmUpSoon } from './services/recommend/warm.ts';
import { startMailAutoSend } from './services/mail/autoSend.ts';
import { smtpPasswordAtHand } from './services/mail/handlers.ts';
import { hasRegion } from './services/region/overview.ts';
import { systemSealer } from './services/secrets/sealer.ts';
import { unlockAtStart, useUnlocker } from './services/secrets/vault.ts';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appProtocolHandler,
  isOurPage,
  PAGE_URL,
} from './shell/appProtocol.ts';
import { desktopShell } from './shell/desktop.ts';
import { denyAllPermissions, guardContents, type GuardedContents } from './shell/guards.ts';
import { openSettings, type SettingsStore, type ShellSettings } from './shell/settings.ts';
import { bundleArgs, fileDelivery, progressTo, wireIpc } from './transport/ipc.ts';

/**
 * The Electron shell, composed: one window on app://pamoja (electron/shell/appProtocol.ts),
 * every webContents guarded (electron/shell/guards.ts), the IPC transport
 * (electron/transport/ipc.ts), the desktop's dialogs and PDF (electron/shell/desktop.ts).
 * The only file besides the preload that imports electron; docs/security.md lists how each
 * item of Electron's security checklist is met.
 */
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'dist');

let window: BrowserWindow | null = null;
let store: Store;
let settings: ShellSettings;
let delivery: ReturnType<typeof fileDelivery> | null = null;
// macOS hands opened files over before (and after) the app is ready.
const openedEarly: string[] = [];

// The same data folder as `npm run serve` and the CLI (and PAMOJA_DATA_DIR, for tests).
app.setPath('userData', defaultDataDir());
if (!app.requestSingleInstanceLock()) app.quit();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// Every page and frame the app ever makes (the window, the PDF printer) stays where it is.
app.on('web-contents-created', (_event, contents) => {
  guardContents(contents as unknown as GuardedContents, {
    mayNavigate: isOurPage,
    openExternal: (url) => void shell.openExternal(url),
  });
});

function createWindow(files: ReturnType<typeof fileDelivery>): void {
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
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would open a link in a new window (which guards.ts denies anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window?.show());
  window.on('close', () => {
    if (window) settings.set('windowBounds', window.getBounds());
  });
  window.on('closed', () => {
    window = null;
    files.attach(null);
  });
  const contents = window.webContents;
  contents.once('did-finish-load', () => files.attach(contents));
  void window.loadURL(PAGE_URL);
}

void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
  denyAllPermissions(session.defaultSession);
  settings = openSettings(ElectronStore as unknown as SettingsStore).settings;
  const dataDir = app.getPath('userData');
  // The region key, signing key and mail passwords are sealed by the system for this account.
  const sealer = systemSealer(safeStorage);
  useUnlocker({ system: sealer });
  // The store is checked first (PRAGMA quick_check): a damaged one opens the restore screen.
  const opened = openCheckedStore(join(dataDir, STORE_FILE_NAME));
  store = opened.store;
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
    { files: shellGrants(), shell: desktop, sealer },
  );
  ctx.health = opened.health;
  ctx.jobs.keepWarm(); // a worker ready for the next report or import
  ctx.onStoreReplaced = (restored) => {
    store = restored;
    reportLocked(unlockAtStart(restored));
    warmUpSoon(restored);
  };
  keepDailyBackups(
    () => (ctx.health.state === 'ok' ? ctx.store : null),
    () => ctx.jobs.busy(),
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
  if (process.argv.includes('--demo') && opened.health.state === 'ok' && !hasRegion(store)) {
    generateDemo(store, { seed: 1, scale: 'region' });
  }
  [...bundleArgs(process.argv.slice(1)), ...openedEarly.splice(0)].forEach(files.deliver);
  wireIpc({ ipcMain, handlers, ctx, isOurPage });
  createWindow(files);
  if (opened.health.state === 'ok') {
    // Seals what an older Pamoja kept in clear; says so when the secrets stay locked.
    reportLocked(unlockAtStart(store));
    warmUpSoon(store);
    startMailAutoSend(ctx, smtpPasswordAtHand);
  }
});

function reportLocked(message: string | null): void {
  if (message) console.error(`[pamoja] ${message}`);
}

app.on('open-file', (event, path) => {
  event.preventDefault();
  if (delivery) delivery.deliver(path);
  else openedEarly.push(path);
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => store?.close());
