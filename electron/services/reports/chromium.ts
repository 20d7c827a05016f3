import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { PamojaError } from '../../../shared/errors.ts';

/**
 * Printing HTML to PDF with a headless Chromium-family browser, driven over the DevTools
 * protocol on a pipe (`--remote-debugging-pipe`): only this process can talk to it, no
 * port is opened. One browser and one tab are kept while reports keep coming (the first
 * start is most of a PDF's time), and closed once idle.
 */
export interface PdfPrinter {
  print(html: string, options: Record<string, unknown>): Promise<Buffer>;
  close(): Promise<void>;
}

interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
}

const WARM_UP_PAGE =
  '<!doctype html><html><body style="font-family:sans-serif"><h1>Pamoja</h1><svg width="10" height="10"></svg></body></html>';

/** Longest wait for one answer of the browser (a big report prints in well under this). */
const CALL_TIMEOUT_MS = 60_000;

/** One running browser with its tab. */
class Session {
  readonly child: ChildProcess;
  readonly #profile: string;
  #next = 1;
  readonly #waiting = new Map<
    number,
    { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();
  #buffered = '';
  #ended: Error | null = null;
  sessionId = '';
  frameId = '';

  constructor(browser: string) {
    this.#profile = mkdtempSync(join(tmpdir(), 'pamoja-pdf-'));
    this.child = spawn(
      browser,
      [
        '--headless=new',
        '--remote-debugging-pipe',
        '--disable-gpu',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-extensions',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-default-apps',
        '--disable-sync',
        '--mute-audio',
        '--disable-dev-shm-usage',
        `--user-data-dir=${this.#profile}`,
        // Running as root (CI, some kiosks) Chromium refuses its sandbox; the page is our own.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    const [, , err, toBrowser, fromBrowser] = this.child.stdio as [null, null, Readable, Writable, Readable];
    err.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-600)));
    toBrowser.on('error', () => undefined); // a browser gone is reported by 'exit'
    fromBrowser.on('data', (chunk: Buffer) => this.#receive(chunk.toString('utf8')));
    const end = (why: string): void => {
      if (this.#ended) return;
      this.#ended = new Error(why);
      for (const w of this.#waiting.values()) {
        clearTimeout(w.timer);
        w.reject(this.#ended);
      }
      this.#waiting.clear();
      rmSync(this.#profile, { recursive: true, force: true });
    };
    this.child.on('error', (e) => end(`${browser} could not be started: ${e.message}`));
    this.child.on('exit', (code) =>
      end(`${browser} stopped (exit ${code})${stderr.trim() ? `: ${stderr.trim().slice(-300)}` : ''}`),
    );
    // Never keep a CLI or a test alive for its sake: close() ends it when work is done.
    this.child.unref();
    for (const s of [err, toBrowser, fromBrowser]) (s as { unref?: () => void }).unref?.();
  }

  get alive(): boolean {
    return this.#ended === null;
  }

  #receive(text: string): void {
    this.#buffered += text;
    let at: number;
    while ((at = this.#buffered.indexOf('\0')) >= 0) {
      const raw = this.#buffered.slice(0, at);
      this.#buffered = this.#buffered.slice(at + 1);
      const m = JSON.parse(raw) as Message;
      if (m.id === undefined) continue; // events: nothing here waits for one
      const w = this.#waiting.get(m.id);
      if (!w) continue;
      this.#waiting.delete(m.id);
      clearTimeout(w.timer);
      if (m.error) w.reject(new Error(m.error.message));
      else w.resolve(m.result ?? {});
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string) {
    if (this.#ended) return Promise.reject(this.#ended);
    const id = this.#next++;
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new Error(`the browser did not answer ${method} in time`));
      }, CALL_TIMEOUT_MS);
      this.#waiting.set(id, { resolve, reject, timer });
      const pipe = this.child.stdio[3] as Writable;
      pipe.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Opens the tab every print reuses. */
  async open(): Promise<void> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as {
      targetId: string;
    };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as {
      sessionId: string;
    };
    this.sessionId = sessionId;
    const { frameTree } = (await this.send('Page.getFrameTree', {}, sessionId)) as {
      frameTree: { frame: { id: string } };
    };
    this.frameId = frameTree.frame.id;
  }

  async close(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

export class ChromiumPrinter implements PdfPrinter {
  readonly #browser: () => string;
  readonly #idleMs: number;
  #session: Promise<Session> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #idle: NodeJS.Timeout | null = null;

  /** `browser` is asked for when the first PDF is made (it may throw "none found"). */
  constructor(browser: () => string, idleMs = 60_000) {
    this.#browser = browser;
    this.#idleMs = idleMs;
  }

  /**
   * Starts the browser ahead of the first print (the Reports screen opened), so saving a
   * PDF does not wait for it; closed again when idle. Without a browser it does nothing.
   */
  warm(): void {
    if (this.#session) return;
    try {
      this.#browser();
    } catch {
      return; // no browser on this machine: the print will say so
    }
    // A first page printed for nothing: the browser's first layout and fonts are most of
    // what a first report would otherwise wait for.
    void this.print(WARM_UP_PAGE, { printBackground: true }).catch(() => undefined);
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = setTimeout(() => void this.close(), this.#idleMs);
    this.#idle.unref();
  }

  /** Prints one document; prints wait their turn (one tab). */
  print(html: string, options: Record<string, unknown>): Promise<Buffer> {
    const run = this.#queue.then(() => this.#printOnce(html, options, true));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #printOnce(html: string, options: Record<string, unknown>, retry: boolean): Promise<Buffer> {
    if (this.#idle) clearTimeout(this.#idle);
    const session = await this.#ready();
    try {
      await session.send('Page.setDocumentContent', { frameId: session.frameId, html }, session.sessionId);
      const { data } = (await session.send('Page.printToPDF', options, session.sessionId)) as {
        data: string;
      };
      return Buffer.from(data, 'base64');
    } catch (e) {
      // A browser that died since the last report is started again, once.
      if (retry && !session.alive) {
        this.#session = null;
        return this.#printOnce(html, options, false);
      }
      throw new PamojaError('invalid', `Could not print the PDF: ${(e as Error).message}`, 'browser');
    } finally {
      this.#idle = setTimeout(() => void this.close(), this.#idleMs);
      this.#idle.unref();
    }
  }

  #ready(): Promise<Session> {
    if (!this.#session) {
      const browser = this.#browser();
      const starting = (async () => {
        const s = new Session(browser);
        try {
          await s.open();
        } catch (e) {
          await s.close();
          throw new PamojaError(
            'invalid',
            `Could not start ${browser} to make the PDF: ${(e as Error).message}`,
            'browser',
          );
        }
        return s;
      })();
      this.#session = starting;
      starting.catch(() => {
        if (this.#session === starting) this.#session = null;
      });
    }
    return this.#session;
  }

  async close(): Promise<void> {
    if (this.#idle) clearTimeout(this.#idle);
    const s = this.#session;
    this.#session = null;
    if (s) await (await s.catch(() => null))?.close();
  }
}
