import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PamojaError } from '../../../shared/errors.ts';
import { escapeHtml } from '../sessions/escape.ts';

/**
 * PDF outside the Electron shell: the report's HTML printed by a Chromium-family browser
 * found on the machine (or named with `--browser`), driven headless over the DevTools
 * protocol with Node's own WebSocket. The app itself uses Electron's printToPDF with the
 * same options (`pdfPrintOptions`).
 */

/** Page numbers in the footer, the report's title beside them. Shared with the shell's printToPDF. */
export function pdfFooter(title: string, page: string, of: string): string {
  return `<div style="font-size:8px;width:100%;margin:0 12mm;color:#4d5d62;display:flex;justify-content:space-between;font-family:sans-serif"><span>${escapeHtml(title)}</span><span>${escapeHtml(page)} <span class="pageNumber"></span> ${escapeHtml(of)} <span class="totalPages"></span></span></div>`;
}

export function pdfPrintOptions(footer: string) {
  return {
    landscape: true,
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footer,
  };
}

const CANDIDATES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'msedge',
  'brave-browser',
];
const WELL_KNOWN = [
  '/usr/bin/chromium',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The browser to print with: the one named, else the first Chromium-family one found. */
export function findBrowser(named?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (named) {
    if (!existsSync(named)) throw new PamojaError('invalid', `No browser at ${named} (--browser)`, 'browser');
    return named;
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of CANDIDATES)
    for (const dir of dirs)
      for (const ext of exts) {
        const file = join(dir, name + ext);
        if (existsSync(file)) return file;
      }
  const known = WELL_KNOWN.find((f) => existsSync(f));
  if (known) return known;
  throw new PamojaError(
    'invalid',
    'Making a PDF needs Chromium, Google Chrome or Microsoft Edge, and none was found on this computer. ' +
      'Install one, or name it with --browser PATH, or save the report as HTML and print it from any browser.',
    'browser',
  );
}

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
  params?: Record<string, unknown>;
}

/** A minimal DevTools-protocol client: numbered calls over one WebSocket, flat sessions. */
class Cdp {
  private next = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }
  >();
  private readonly events: ((m: CdpMessage) => void)[] = [];
  private readonly socket: WebSocket;
  constructor(socket: WebSocket) {
    this.socket = socket;
    socket.addEventListener('message', (e: MessageEvent) => {
      const m = JSON.parse(String(e.data)) as CdpMessage;
      if (m.id !== undefined) {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error) w?.reject(new Error(m.error.message));
        else w?.resolve(m.result ?? {});
      } else for (const listener of this.events) listener(m);
    });
    socket.addEventListener('close', () => {
      for (const w of this.waiting.values()) w.reject(new Error('The browser closed the connection'));
      this.waiting.clear();
    });
  }
  send(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }
  once(method: string, sessionId: string): Promise<void> {
    return new Promise((resolve) => {
      const listener = (m: CdpMessage): void => {
        if (m.method === method && m.sessionId === sessionId) {
          this.events.splice(this.events.indexOf(listener), 1);
          resolve();
        }
      };
      this.events.push(listener);
    });
  }
}

/** Starts the browser headless and waits for its DevTools address on stderr. */
function launch(browser: string, profile: string) {
  const child = spawn(
    browser,
    [
      '--headless=new',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--remote-debugging-port=0',
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${profile}`,
      // Running as root (CI, some kiosks) Chromium refuses its sandbox; the page is our own file.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const address = new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${browser} did not start in time`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${browser} stopped (exit ${code}): ${seen.trim().slice(-300)}`));
    });
  });
  return { child, address };
}

/** Prints an HTML document to PDF bytes with a headless Chromium. */
export async function htmlToPdf(html: string, footer: string, browser: string): Promise<Buffer> {
  const work = mkdtempSync(join(tmpdir(), 'pamoja-pdf-'));
  const page = join(work, 'report.html');
  writeFileSync(page, html);
  const { child, address } = launch(browser, join(work, 'profile'));
  try {
    const url = await address.catch((e: Error) => {
      throw new PamojaError('invalid', `Could not start ${browser} to make the PDF: ${e.message}`, 'browser');
    });
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('error', () => reject(new Error('Could not reach the browser')));
    });
    const cdp = new Cdp(socket);
    try {
      const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as {
        targetId: string;
      };
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as {
        sessionId: string;
      };
      await cdp.send('Page.enable', {}, sessionId);
      const loaded = cdp.once('Page.loadEventFired', sessionId);
      await cdp.send('Page.navigate', { url: pathToFileURL(page).href }, sessionId);
      await loaded;
      const { data } = (await cdp.send('Page.printToPDF', pdfPrintOptions(footer), sessionId)) as {
        data: string;
      };
      return Buffer.from(data, 'base64');
    } finally {
      await cdp.send('Browser.close').catch(() => undefined);
      socket.close();
    }
  } finally {
    if (child.exitCode === null) child.kill();
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
    rmSync(work, { recursive: true, force: true });
  }
}
