import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/services/context.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { mergeHandlers } from '../../electron/services/handlers.ts';
import { handlers } from '../../electron/services/index.ts';
import { startHttpTransport } from '../../electron/transport/http.ts';
import { contract } from '../../shared/contract/index.ts';
import { mergeOperations, op } from '../../shared/contract/define.ts';
import { tempDir, tempStore } from './helpers.ts';
import { z } from 'zod';

describe('the contract and its handlers', () => {
  it('has a handler for every operation and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('rejects an operation defined or handled twice', () => {
    const a = { 'x.one': op(z.object({}), z.null()) };
    expect(() => mergeOperations(a, a)).toThrow(/defined twice/);
    const h = { 'app.info': () => null };
    expect(() => mergeHandlers(h, h)).toThrow(/handled twice/);
    expect(() => mergeHandlers({ 'nope.nothing': () => null })).toThrow(/not in the contract/);
  });
});

describe('dispatch', () => {
  const ctx = () => createContext(tempStore(), tempDir(), 'http');

  it('validates input before a service sees it, naming the bad field', async () => {
    const r = await dispatch(handlers, ctx(), 'clusters.get', { id: 'not-a-uuid' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid');
      expect(r.error.path).toBe('id');
    }
  });

  it('refuses unknown operations and reports services’ own errors', async () => {
    const c = ctx();
    const unknown = await dispatch(handlers, c, 'clusters.drop', {});
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'unknown operation "clusters.drop"' },
    });
    const missing = await dispatch(handlers, c, 'clusters.get', {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.ok === false && missing.error.code).toBe('not_found');
  });

  it('answers a valid call', async () => {
    const r = await dispatch(handlers, ctx(), 'app.info', {});
    expect(r.ok && (r.value as { hasRegion: boolean }).hasRegion).toBe(false);
  });
});

describe('the local HTTP transport', () => {
  async function started() {
    const staticDir = tempDir();
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Pamoja</title>');
    const ctx = createContext(tempStore(), tempDir(), 'http');
    const t = await startHttpTransport({ handlers, ctx, staticDir });
    const base = new URL(t.url).origin;
    const post = (op: string, body: unknown, token = t.token) =>
      fetch(`${base}/api/${op}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    return { t, base, post };
  }

  it('binds to 127.0.0.1 and serves the renderer', async () => {
    const { t, base } = await started();
    expect(new URL(t.url).hostname).toBe('127.0.0.1');
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Pamoja');
    expect((await fetch(`${base}/assets/none.js`)).status).toBe(404);
    // An encoded ../ climbs no higher than the renderer's folder.
    const escape = await fetch(`${base}/..%2f..%2f..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('root:');
    await t.close();
  });

  it('answers operations only with the launch token', async () => {
    const { t, post } = await started();
    expect((await post('app.info', {})).status).toBe(200);
    expect((await post('app.info', {}, 'wrong')).status).toBe(401);
    expect((await post('app.info', {}, '')).status).toBe(401);
    await t.close();
  });

  it('refuses requests that name another host (DNS rebinding)', async () => {
    const { t, base } = await started();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/api/app.info`, {
        method: 'POST',
        headers: { Host: 'attacker.example', Authorization: `Bearer ${t.token}` },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
    await t.close();
  });

  it('gives clear errors for bad requests', async () => {
    const { t, post, base } = await started();
    const bad = await post('clusters.get', { id: 42 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('id');
    expect((await post('app.info', '{not json')).status).toBe(400);
    expect((await fetch(`${base}/api/app.info`)).status).toBe(405);
    await t.close();
  });
});
