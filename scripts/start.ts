import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronPackageDir } from './electronBinary.ts';

/**
 * `npm start`: builds and opens the desktop app on the demo region. Where Electron's binary
 * is missing and cannot be downloaded (no connection, as in many coaches' offices), it says
 * so in one plain line and opens the same app on the same store through the local server,
 * in the system's browser (or prints its address). `npm start -- --browser` does that on
 * purpose.
 *
 * Environment: ELECTRON_SKIP_BINARY_DOWNLOAD=1 never tries to download Electron;
 * BROWSER=none prints the address instead of opening a browser; PAMOJA_DATA_DIR as for serve.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const wantsBrowser = args.includes('--browser');

/** Electron's first-start download, quietly: its output is only shown when it worked. */
function downloadElectron(): boolean {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.ELECTRON_OVERRIDE_DIST_PATH) return false;
  const packageDir = electronPackageDir();
  if (packageDir === null) return false;
  const installer = join(packageDir, 'install.js');
  console.log('Downloading Electron, the desktop shell (once)…');
  const r = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'pipe', timeout: 180_000 });
  return r.status === 0 && electronBinary() !== null;
}

function run(command: string, commandArgs: string[]): void {
  const r = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function openInBrowser(url: string): boolean {
  if (process.env.BROWSER === 'none') return false;
  const [command, commandArgs] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, commandArgs, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

/** Newest change among the files the renderer is built from. */
function newestSource(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestSource(join(path, name))), 0);
}

/** True when dist/ was built after the last change to the renderer's sources. */
function rendererBuilt(): boolean {
  const index = join(root, 'dist', 'index.html');
  if (!existsSync(index)) return false;
  const sources = ['renderer', 'shared', 'vite.config.ts', 'package.json'].map((p) =>
    newestSource(join(root, p)),
  );
  return statSync(index).mtimeMs >= Math.max(...sources);
}

/** The app through `serve`, on the demo region, until the server stops. */
function serveInBrowser(reason: string): void {
  if (!rendererBuilt()) run(npm, ['exec', '--', 'vite', 'build', '--logLevel', 'warn']);
  const child: ChildProcess = spawn(process.execPath, [join(root, 'electron', 'serve.ts'), '--demo'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let started = false;
  const early: string[] = [];
  child.stderr!.on('data', (d: Buffer) => (started ? process.stderr.write(d) : early.push(d.toString())));
  createInterface({ input: child.stdout! }).once('line', (url) => {
    started = true;
    const opened = openInBrowser(url);
    console.log(
      `${reason} ${opened ? 'Opening it in your browser' : 'Open this address in a browser'}: ${url}`,
    );
  });
  child.on('exit', (code) => {
    if (!started) process.stderr.write(early.join(''));
    process.exit(code ?? 0);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

if (wantsBrowser) {
  serveInBrowser('Pamoja runs in the browser (--browser) instead of its own window.');
} else {
  const binary = electronBinary() ?? (downloadElectron() ? electronBinary() : null);
  if (binary === null) {
    serveInBrowser(
      'Electron, the desktop shell, is not installed and could not be downloaded (no connection?), so Pamoja runs in the browser instead.',
    );
  } else {
    run(npm, ['run', 'build']);
    const app = spawn(binary, ['.', '--demo', ...args], { cwd: root, stdio: 'inherit' });
    app.on('exit', (code) => process.exit(code ?? 0));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
  }
}
