/**
 * The page's Content Security Policy, sent as a response header by both the app's
 * `app://` protocol and the local server (a `<meta>` copy in renderer/index.html covers a
 * page opened some other way, but only a header can carry `frame-ancestors`).
 * Styles allow 'unsafe-inline' for the charts' and the printed plan's inline styles; no
 * script may be inline, remote or evaluated.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every page and file the app serves carries. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
