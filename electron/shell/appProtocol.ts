import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { PAGE_SECURITY_HEADERS } from '../../shared/security/csp.ts';

/**
 * The app's page comes from `app://pamoja/…`, a standard, secure scheme of our own, not from
 * file:// (which would give the page the whole disk as its origin). Every response carries
 * the CSP as a header (with frame-ancestors, which a <meta> cannot carry).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pamoja';
export const PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The privileges main.ts registers the scheme with (before the app is ready). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** True for our page itself (any #route of it), and nothing else. */
export function isOurPage(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.pathname === '/index.html' && !u.search
    );
  } catch {
    return false;
  }
}

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

const answer = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...PAGE_SECURITY_HEADERS, 'Content-Type': 'text/plain' } });

/** `protocol.handle('app', …)`: files of the built renderer, and only those. */
export function appProtocolHandler(distDir: string): (request: Request) => Promise<Response> {
  const root = normalize(distDir);
  return async (request) => {
    let pathname: string;
    try {
      const url = new URL(request.url);
      if (url.host !== APP_HOST) return answer(404, 'not found');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return answer(400, 'malformed address');
    }
    const file = join(root, normalize(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(root + sep)) return answer(403, 'forbidden');
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          ...PAGE_SECURITY_HEADERS,
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        },
      });
    } catch {
      return answer(404, 'not found');
    }
  };
}
