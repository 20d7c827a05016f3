import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ServiceContext } from '../services/context.ts';
import { dispatch } from '../services/dispatch.ts';
import type { HandlerMap } from '../services/handlers.ts';
import type { OpName } from '../../shared/contract/index.ts';
import { PamojaError, type ErrorShape } from '../../shared/errors.ts';
import { PAGE_SECURITY_HEADERS } from '../../shared/security/csp.ts';
import { receiveUpload, sendDownload } from './fileTransfer.ts';

/** Largest request body accepted (a region file as JSON text). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface HttpTransport {
  server: Server;
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser transport: serves the built renderer and `POST /api/<operation>` on
 * 127.0.0.1 only. Every API call needs the per-launch token (given to the page in the URL
 * fragment), and requests naming another Host are refused, so other local programs and web
 * pages cannot drive the store.
 */
export async function startHttpTransport(options: {
  handlers: HandlerMap<OpName>;
  ctx: ServiceContext;
  staticDir: string;
  port?: number;
  token?: string;
}): Promise<HttpTransport> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[pamoja serve]', e);
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'internal', message: 'server error' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 403, { ok: false, error: { code: 'invalid', message: 'wrong host' } });
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
      decodeURIComponent(url.pathname);
    } catch {
      send(res, 400, { ok: false, error: { code: 'invalid', message: 'malformed address' } });
      return;
    }
    const api = url.pathname.startsWith('/api/');
    if (api || url.pathname === '/upload' || url.pathname === '/download') {
      if (req.method !== 'POST') {
        send(res, 405, { ok: false, error: { code: 'invalid', message: 'use POST' } });
        return;
      }
      const auth = Buffer.from(req.headers.authorization ?? '');
      if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) {
        send(res, 401, { ok: false, error: { code: 'invalid', message: 'missing or wrong token' } });
        return;
      }
    }
    if (url.pathname === '/upload' || url.pathname === '/download') {
      await transferFile(req, res, url);
      return;
    }
    if (api) {
      const body = await readBody(req);
      if (body === null) {
        send(res, 413, { ok: false, error: { code: 'invalid', message: 'request too large' } });
        return;
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        send(res, 400, { ok: false, error: { code: 'invalid', message: 'request body is not JSON' } });
        return;
      }
      const envelope = await dispatch(options.handlers, options.ctx, url.pathname.slice(5), input);
      send(res, envelope.ok ? 200 : statusOf(envelope.error), envelope);
      return;
    }
    await serveStatic(options.staticDir, url.pathname, res);
  }

  /** `POST /upload?name=N` (the file's bytes) and `POST /download` (`{ "ref": path }`). */
  async function transferFile(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      if (url.pathname === '/upload') {
        send(res, 200, {
          ok: true,
          value: await receiveUpload(req, options.ctx, url.searchParams.get('name')),
        });
        return;
      }
      const body = await readBody(req);
      let ref: unknown;
      try {
        ref = (JSON.parse(body ?? '') as { ref?: unknown }).ref;
      } catch {
        ref = undefined;
      }
      await sendDownload(res, options.ctx, ref);
    } catch (e) {
      if (!(e instanceof PamojaError)) throw e;
      req.resume();
      if (!res.headersSent) send(res, statusOf(e.toShape()), { ok: false, error: e.toShape() });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Browsers keep idle keep-alive connections open; without this, close waits for them.
        server.closeAllConnections();
      }),
  };
}

const statusOf = (error: ErrorShape): number =>
  error.code === 'internal' ? 500 : error.code === 'not_found' ? 404 : 400;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  // Checked by the caller: the address decodes.
  const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
  const file = join(root, relative);
  if (!file.startsWith(root + sep)) {
    res.writeHead(403, PAGE_SECURITY_HEADERS).end();
    return;
  }
  try {
    const content = await readFile(file);
    res.writeHead(200, {
      ...PAGE_SECURITY_HEADERS,
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    res.end(content);
  } catch {
    res.writeHead(404, { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('not found');
  }
}
