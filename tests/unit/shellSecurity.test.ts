import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolHandler, isOurPage, PAGE_URL } from '../../electron/shell/appProtocol.ts';
import { denyAllPermissions, guardContents, type GuardedContents } from '../../electron/shell/guards.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { tempDir } from './helpers.ts';

/** A webContents stand-in: Electron's events, and what the window-open handler answers. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: (d: { url: string }) => { action: 'deny' } = () => ({ action: 'deny' });
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
  }) as unknown as GuardedContents;
  const navigate = (event: string, url: string) => {
    let prevented = false;
    emitter.emit(event, { preventDefault: () => (prevented = true), url }, url);
    return prevented ? 'refused' : 'allowed';
  };
  return { contents, navigate, open: (url: string) => openHandler({ url }) };
}

describe('the app:// page', () => {
  const dist = () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Pamoja</title>');
    writeFileSync(join(dir, 'assets', 'main.js'), 'console.log(1)');
    return dir;
  };

  it('serves the built renderer with the CSP (frame-ancestors included) as a header', async () => {
    const handle = appProtocolHandler(dist());
    const page = await handle(new Request(PAGE_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const script = await handle(new Request('app://pamoja/assets/main.js'));
    expect(await script.text()).toBe('console.log(1)');
  });

  it('gives nothing outside the renderer folder, and a 400 for a malformed address', async () => {
    const handle = appProtocolHandler(dist());
    expect(
      (await handle(new Request('app://pamoja/..%2f..%2f..%2fetc%2fpasswd'))).status,
    ).toBeGreaterThanOrEqual(403);
    expect(await (await handle(new Request('app://pamoja/..%2f..%2fetc%2fpasswd'))).text()).not.toContain(
      'root:',
    );
    expect((await handle(new Request('app://pamoja/%E0%A4%A'))).status).toBe(400);
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await handle(new Request('app://pamoja/none.js'))).status).toBe(404);
  });

  it('counts only our page (any route of it) as ours', () => {
    expect(isOurPage(PAGE_URL)).toBe(true);
    expect(isOurPage(`${PAGE_URL}#/sync?open=grant:x`)).toBe(true);
    for (const url of [
      'app://pamoja/assets/main.js',
      'app://evil/index.html',
      'file:///index.html',
      'https://pamoja/index.html',
      'app://pamoja/index.html?x=1',
      'nonsense',
    ])
      expect(isOurPage(url), url).toBe(false);
  });

  it('keeps the <meta> copy of the policy in step with the header', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // A <meta> policy cannot carry frame-ancestors; everything else is the same.
    expect(`${meta}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('guards on every webContents', () => {
  it('refuses navigation and redirects away from our page, and every webview', () => {
    const { contents, navigate } = fakeContents();
    guardContents(contents, { mayNavigate: isOurPage, openExternal: () => undefined });
    expect(navigate('will-navigate', `${PAGE_URL}#/practices`)).toBe('allowed');
    expect(navigate('will-navigate', 'https://example.org/')).toBe('refused');
    expect(navigate('will-redirect', 'https://example.org/')).toBe('refused');
    expect(navigate('will-redirect', 'file:///etc/passwd')).toBe('refused');
    expect(navigate('will-attach-webview', PAGE_URL)).toBe('refused');
  });

  it('opens no window; allowlisted links go to the system browser, others nowhere', () => {
    const { contents, open } = fakeContents();
    const opened: string[] = [];
    guardContents(contents, { mayNavigate: isOurPage, openExternal: (url) => void opened.push(url) });
    expect(open('https://www.openstreetmap.org/copyright')).toEqual({ action: 'deny' });
    expect(open('https://phish.example/login')).toEqual({ action: 'deny' });
    expect(open(PAGE_URL)).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.openstreetmap.org/copyright']);
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      request!(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(check!(null, permission)).toBe(false);
    }
  });
});
