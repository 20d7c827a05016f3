import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/services/context.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { withinFolders } from '../../electron/services/files/access.ts';
import { handlers } from '../../electron/services/index.ts';
import { syncFolder } from '../../electron/services/sync/mailbox.ts';
import { joinSyncRegion } from '../../electron/services/sync/service.ts';
import { startHttpTransport } from '../../electron/transport/http.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { tempDir, tempStore } from './helpers.ts';
import { seedRegion } from './syncHelpers.ts';

const PASS = 'mvua ya masika 2026';

/** What the tests read of an answer (loosely: each test checks the fields it needs). */
interface Answer {
  ok: boolean;
  value: { file: string; ref: string; regionName: string };
  error: { code: string; reason?: string; detail?: string; message: string };
}

/** A joined store served over HTTP with the data folder and one --allow folder. */
async function servedRegion() {
  const store = tempStore();
  seedRegion(store);
  joinSyncRegion(store, { passphrase: PASS });
  const dataDir = tempDir();
  const stick = tempDir();
  const ctx = createContext(store, dataDir, 'http', undefined, { files: withinFolders([dataDir, stick]) });
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Pamoja</title>');
  const t = await startHttpTransport({ handlers, ctx, staticDir });
  const base = new URL(t.url).origin;
  const auth = { Authorization: `Bearer ${t.token}` };
  const post = async (op: string, body: unknown) => {
    const r = await fetch(`${base}/api/${op}`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Answer };
  };
  return { store, ctx, dataDir, stick, t, base, auth, post };
}

describe('places for syncing', () => {
  it('refuses a sync folder that does not exist, creating nothing, and asks about the stick', async () => {
    const s = await servedRegion();
    const missing = join(s.stick, 'KINGSTON');
    const r = await s.post('sync.folder', { dir: missing });
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'not_found', reason: 'folder_missing', detail: missing });
    expect(r.body.error.message).toContain('Is the USB stick plugged in?');
    expect(existsSync(missing)).toBe(false);
    // The CLI's path to the same service refuses too.
    await expect(syncFolder(s.store, missing)).rejects.toMatchObject({ reason: 'folder_missing' });
    expect(existsSync(missing)).toBe(false);
    await s.t.close();
  });

  it('refuses in serve mode a path outside the data folder and the --allow folders', async () => {
    const s = await servedRegion();
    const elsewhere = tempDir();
    const out = join(elsewhere, 'bundle.pamoja');
    const r = await s.post('sync.export', { kind: 'full', path: out });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ reason: 'outside_allowed', detail: out });
    expect(readdirSync(elsewhere)).toEqual([]);
    const folder = await s.post('sync.folder', { dir: elsewhere });
    expect(folder.body.error.reason).toBe('outside_allowed');
    expect(readdirSync(elsewhere)).toEqual([]);
    // Inside the stick folder it works, and the mailbox is made there.
    const ok = await s.post('sync.folder', { dir: s.stick });
    expect(ok.status).toBe(200);
    expect(existsSync(join(s.stick, 'PamojaSync'))).toBe(true);
    await s.t.close();
  });

  it('writes to the default bundles folder out of the box', async () => {
    const s = await servedRegion();
    const r = await s.post('sync.export', { kind: 'full' });
    expect(r.status).toBe(200);
    expect(r.body.value.file.startsWith(join(s.dataDir, 'bundles'))).toBe(true);
    expect(existsSync(r.body.value.file)).toBe(true);
    await s.t.close();
  });

  it('never overwrites a file that is not a bundle, but replaces an older bundle', async () => {
    const s = await servedRegion();
    const letter = join(s.stick, 'letter.pamoja');
    writeFileSync(letter, 'Dear head teacher, …');
    const r = await s.post('sync.export', { kind: 'full', path: letter });
    expect(r.body.error).toMatchObject({ reason: 'not_a_bundle_target', detail: letter });
    expect(readFileSync(letter, 'utf8')).toBe('Dear head teacher, …');
    const bundle = join(s.stick, 'region.pamoja');
    expect((await s.post('sync.export', { kind: 'full', path: bundle })).status).toBe(200);
    const again = await s.post('sync.export', { kind: 'full', path: bundle });
    expect(again.status).toBe(200);
    const noFolder = await s.post('sync.export', { kind: 'full', path: join(s.stick, 'gone', 'x.pamoja') });
    expect(noFolder.body.error.reason).toBe('folder_missing');
    await s.t.close();
  });

  it('answers a missing bundle with a specific message, never a server error', async () => {
    const s = await servedRegion();
    const gone = join(s.stick, 'from-amina.pamoja');
    for (const op of ['sync.inspect', 'sync.import']) {
      const r = await s.post(op, { path: gone });
      expect(r.status).toBe(404);
      expect(r.body.error).toMatchObject({ code: 'not_found', reason: 'bundle_missing', detail: gone });
    }
    mkdirSync(join(s.stick, 'folder.pamoja'));
    expect((await s.post('sync.inspect', { path: join(s.stick, 'folder.pamoja') })).body.error.reason).toBe(
      'not_a_file',
    );
    await s.t.close();
  });
});

describe('the browser’s file pickers: upload and download', () => {
  it('keeps an uploaded bundle in the data folder and reads it like any other', async () => {
    const s = await servedRegion();
    const exported = await s.post('sync.export', { kind: 'full' });
    const bytes = readFileSync(exported.body.value.file);
    const up = await fetch(`${s.base}/upload?name=${encodeURIComponent('from amina.pamoja')}`, {
      method: 'POST',
      headers: s.auth,
      body: bytes,
    });
    expect(up.status).toBe(200);
    const chosen = ((await up.json()) as { value: { ref: string; path: string; name: string } }).value;
    expect(chosen.name).toBe('from amina.pamoja');
    expect(chosen.path.startsWith(join(s.dataDir, 'received'))).toBe(true);
    const header = await s.post('sync.inspect', { path: chosen.ref });
    expect(header.body.value.regionName).toBe('Kilifi');

    const down = await fetch(`${s.base}/download`, {
      method: 'POST',
      headers: { ...s.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ref: exported.body.value.ref }),
    });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-disposition')).toMatch(/^attachment; filename="pamoja-full-/);
    expect(Buffer.from(await down.arrayBuffer()).equals(bytes)).toBe(true);
    await s.t.close();
  });

  it('refuses uploads that are not bundles or invitations, downloads of the store, and missing tokens', async () => {
    const s = await servedRegion();
    const exe = await fetch(`${s.base}/upload?name=setup.exe`, {
      method: 'POST',
      headers: s.auth,
      body: 'MZ',
    });
    expect(exe.status).toBe(400);
    expect(readdirSync(s.dataDir)).not.toContain('received');
    const noToken = await fetch(`${s.base}/upload?name=a.pamoja`, { method: 'POST', body: 'x' });
    expect(noToken.status).toBe(401);
    writeFileSync(join(s.dataDir, 'pamoja.sqlite'), 'the store');
    const store = await fetch(`${s.base}/download`, {
      method: 'POST',
      headers: { ...s.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ref: join(s.dataDir, 'pamoja.sqlite') }),
    });
    expect(store.status).toBe(400);
    const outside = await fetch(`${s.base}/download`, {
      method: 'POST',
      headers: { ...s.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ref: '/etc/passwd' }),
    });
    expect(outside.status).toBe(400);
    expect(await outside.text()).not.toContain('root:');
    await s.t.close();
  });
});

describe('the served page’s security headers', () => {
  it('sends its CSP (with frame-ancestors) and X-Frame-Options as headers', async () => {
    const s = await servedRegion();
    const page = await fetch(`${s.base}/`);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await s.post('app.info', {});
    expect(api.status).toBe(200);
    await s.t.close();
  });

  it('answers a malformed address with 400, not 500', async () => {
    const s = await servedRegion();
    for (const path of ['/%E0%A4%A', '/assets/%', '/api/%ZZ']) {
      const r = await fetch(`${s.base}${path}`, {
        method: path.startsWith('/api') ? 'POST' : 'GET',
        headers: s.auth,
      });
      expect(r.status, path).toBe(400);
    }
    await s.t.close();
  });
});

describe('the shell’s info for the browser', () => {
  it('names the folders the page may use and the default bundles folder', async () => {
    const s = await servedRegion();
    const r = await dispatch(handlers, s.ctx, 'shell.info', {});
    expect(r.ok && r.value).toMatchObject({ desktop: false, bundlesFolder: join(s.dataDir, 'bundles') });
    expect(r.ok && (r.value as { allowedFolders: string[] }).allowedFolders).toHaveLength(2);
    await s.t.close();
  });
});
