import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackupFiles } from '../../electron/db/backupFiles.ts';
import { migrate } from '../../electron/db/migrate.ts';
import { migrations } from '../../electron/db/migrations/index.ts';
import { openStore, type Store } from '../../electron/db/store.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { checkStoreFile } from '../../electron/services/backups/health.ts';
import { dailyBackupIfDue, takeBackup } from '../../electron/services/backups/snapshot.ts';
import { openCheckedStore } from '../../electron/services/backups/startup.ts';
import { createContext } from '../../electron/services/context.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { handlers } from '../../electron/services/index.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { tempDir } from './helpers.ts';
import { damage } from './storeDamage.ts';

function demoStore(dir = tempDir()): Store {
  const store = openStore(join(dir, 'pamoja.sqlite'));
  generateDemo(store, { seed: 4, scale: 'small' });
  return store;
}

const rename = (store: Store, name: string) =>
  store.write((w) => {
    const id = (store.db.prepare('SELECT id FROM clusters ORDER BY id LIMIT 1').get() as { id: string }).id;
    w.update('clusters', id, { name });
  });

async function call(ctx: ReturnType<typeof createContext>, op: string, input: unknown = {}) {
  const r = await dispatch(handlers, ctx, op, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as never;
}

describe('backups', () => {
  it('a snapshot is the store as it was, in a file only its owner may read', async () => {
    const store = demoStore();
    const before = storeDigest(store).digest;
    const made = await takeBackup(store, 'manual');
    rename(store, 'Renamed after the backup');
    expect(statSync(made.path).mode & 0o777).toBe(0o600);
    const copy = openStore(made.path, { readonly: true });
    expect(storeDigest(copy).digest).toBe(before);
    copy.close();
    // One self-contained file: no -wal or -shm beside it.
    expect(readdirSync(join(store.file, '..', 'backups'))).toEqual([made.name]);
    store.close();
  });

  it('Settings restores a backup after keeping what is there now', async () => {
    const store = demoStore();
    const ctx = createContext(store, join(store.file, '..'), 'http');
    const before = storeDigest(store).digest;
    const made = (await call(ctx, 'backups.create')) as { name: string; kind: string };
    expect(made.kind).toBe('manual');
    rename(ctx.store, 'Typed after the backup');
    const edited = storeDigest(ctx.store).digest;

    const r = (await call(ctx, 'backups.restore', { name: made.name })) as { savedAs: string };
    expect(storeDigest(ctx.store).digest).toBe(before);
    expect(ctx.store).not.toBe(store);
    const saved = listBackupFiles(ctx.store.file).find((b) => b.name === r.savedAs)!;
    expect(saved.kind).toBe('before-restore');
    const kept = openStore(saved.path, { readonly: true });
    expect(storeDigest(kept).digest).toBe(edited);
    kept.close();
    // The restored store takes new edits as usual.
    rename(ctx.store, 'After the restore');
    const list = (await call(ctx, 'backups.list')) as { backups: { name: string }[] };
    expect(list.backups.map((b) => b.name)).toEqual(expect.arrayContaining([made.name, r.savedAs]));
    ctx.store.close();
  });

  it('refuses names that are not backups and backups that are damaged', async () => {
    const store = demoStore();
    const ctx = createContext(store, join(store.file, '..'), 'http');
    const bad = await dispatch(handlers, ctx, 'backups.restore', { name: '../pamoja.sqlite' });
    expect(bad.ok === false && bad.error.message).toMatch(/not the name of a backup/);
    const made = await takeBackup(store, 'manual');
    damage(made.path, 0, 100);
    const before = storeDigest(store).digest;
    const refused = await dispatch(handlers, ctx, 'backups.restore', { name: made.name });
    expect(refused.ok === false && refused.error.message).toMatch(/cannot be used .* choose another one/);
    expect(storeDigest(ctx.store).digest).toBe(before);
    store.close();
  });

  it('a damaged store opens in recovery, offers the latest good backup and restores it', async () => {
    const store = demoStore();
    const good = await takeBackup(store, 'daily');
    const goodDigest = storeDigest(store).digest;
    const newer = await takeBackup(store, 'before-import', undefined, new Date(Date.now() + 1000));
    damage(newer.path, 0, 100); // the newest backup is damaged too: the one before it is offered
    const file = store.file;
    store.close();
    damage(file, 4096 * 3, 4096 * 2);
    expect(checkStoreFile(file).state).toBe('damaged');

    const opened = openCheckedStore(file);
    expect(opened.health.state).toBe('damaged');
    const ctx = createContext(opened.store, join(file, '..'), 'http');
    ctx.health = opened.health;
    const info = await dispatch(handlers, ctx, 'app.info', {});
    expect(info.ok === false && info.error.message).toMatch(/damaged .* restore a backup/);
    const health = (await call(ctx, 'backups.health')) as { state: string; latestGood: { name: string } };
    expect(health.state).toBe('damaged');
    expect(health.latestGood.name).toBe(good.name);

    const r = (await call(ctx, 'backups.restore', { name: good.name })) as { savedAs: string };
    expect(r.savedAs).toMatch(/^damaged-.*\.sqlite$/);
    expect(existsSync(join(file, '..', 'backups', r.savedAs))).toBe(true);
    expect(storeDigest(ctx.store).digest).toBe(goodDigest);
    expect(((await call(ctx, 'backups.health')) as { state: string }).state).toBe('ok');
    expect(checkStoreFile(file).state).toBe('ok');
    ctx.store.close();
  });

  it('says a file that is not a database is damaged, and a missing one is fine', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.sqlite'), 'shopping list: maize, beans');
    expect(checkStoreFile(join(dir, 'notes.sqlite'))).toMatchObject({ state: 'damaged' });
    expect(checkStoreFile(join(dir, 'new.sqlite'))).toEqual({ state: 'ok' });
  });

  it('takes a snapshot before a migration upgrades an older store', () => {
    const dir = tempDir();
    const file = join(dir, 'pamoja.sqlite');
    const old = new Database(file);
    migrate(old, migrations.slice(0, 2));
    old.close();
    const store = openStore(file);
    const snaps = listBackupFiles(file);
    expect(snaps.map((s) => s.kind)).toEqual(['before-migration']);
    const snap = new Database(snaps[0]!.path, { readonly: true });
    expect(snap.pragma('user_version', { simple: true })).toBe(migrations[1]!.version);
    snap.close();
    expect(statSync(snaps[0]!.path).mode & 0o777).toBe(0o600);
    store.close();
    // Opening an up-to-date store takes none.
    openStore(file).close();
    expect(listBackupFiles(file)).toHaveLength(1);
  });

  it('takes the daily snapshot once a day and rotates old ones away', async () => {
    const store = demoStore();
    const day = (n: number) => new Date(Date.parse('2026-11-01T09:00:00Z') + n * 86_400_000);
    for (let n = 0; n < 10; n++) {
      expect(await dailyBackupIfDue(store, day(n))).not.toBeNull();
      expect(await dailyBackupIfDue(store, new Date(day(n).getTime() + 3_600_000))).toBeNull();
    }
    for (let n = 0; n < 7; n++) await takeBackup(store, 'before-import', undefined, day(10 + n));
    const kinds = listBackupFiles(store.file).map((b) => b.kind);
    expect(kinds.filter((k) => k === 'daily')).toHaveLength(7);
    expect(kinds.filter((k) => k === 'before-import')).toHaveLength(5);
    store.close();
  });
});
