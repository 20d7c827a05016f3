import { deviceIdFromPublicKey } from '../../electron/db/deviceKey.ts';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate.ts';
import { migrations } from '../../electron/db/migrations/index.ts';
import { openStore, type Db } from '../../electron/db/store.ts';
import { createWriter, StatementCache } from '../../electron/db/writer.ts';
import { PamojaError } from '../../shared/errors.ts';
import { columnsOf, tableNames } from '../../shared/schema/tables.ts';
import { tempDir, tempStore } from './helpers.ts';
import { contentHash } from './storeState.ts';

const newest = migrations.at(-1)!.version;

const columnTypes = (db: Db, table: string): Record<string, string> =>
  Object.fromEntries(
    (db.pragma(`table_info(${table})`) as { name: string; type: string }[]).map((c) => [c.name, c.type]),
  );

/** Every table, index and trigger, by name, with its SQL: what the migrations built. */
const schemaOf = (db: Db): { type: string; name: string; sql: string | null }[] =>
  db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];

describe('migrations', () => {
  it('are numbered in multiples of 10, in increasing order', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const v of versions) expect(v % 10).toBe(0);
  });

  it('bring a fresh store to the newest version with every synced table and exactly its columns', () => {
    const store = tempStore();
    expect(store.db.pragma('user_version', { simple: true })).toBe(newest);
    for (const table of tableNames) {
      const actual = Object.keys(columnTypes(store.db, table));
      const expected = ['id', ...columnsOf(table)];
      // `seq` is a local rowid some tables keep for their full-text index; it is never synced.
      expect(actual.filter((c) => c !== 'seq').sort(), table).toEqual(expected.sort());
    }
  });

  it('upgrade an old store without losing its rows', () => {
    const file = join(tempDir(), 'old.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, migrations.slice(0, 1))).toEqual([migrations[0]!.version]);
    // What openStore did when this store was made: a device, a clock, then a write.
    const deviceId = randomUUID();
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?), ('hlc', '0')").run(deviceId);
    db.prepare('INSERT INTO devices (device_id, name, is_self) VALUES (?, ?, 1)').run(deviceId, 'old laptop');
    const writer = createWriter(new StatementCache(db), { last: 0, now: () => 1_700_000_000_000 }, 1);
    const regionId = db.transaction(() =>
      writer.insert('regions', { name: 'Gicumbi', country: 'Rwanda', language: 'rw' }),
    )();
    const changesBefore = db.prepare('SELECT * FROM changes ORDER BY seq').all();
    db.close();

    const store = openStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(newest);
    // Format 2: the id becomes the one its key derives; the old one is remembered, and the
    // laptop's past changes (the log refers to devices by idx) are its own under the new id.
    expect(store.deviceId).toBe(deviceIdFromPublicKey(store.getMeta('device_public_key')!));
    expect(store.deviceId).not.toBe(deviceId);
    expect(store.getMeta('device_id_before_keys')).toBe(deviceId);
    expect(store.db.prepare('SELECT device_id, name FROM devices WHERE idx = 1').get()).toEqual({
      device_id: store.deviceId,
      name: 'old laptop',
    });
    expect(store.db.prepare('SELECT * FROM regions').all()).toEqual([
      { id: regionId, name: 'Gicumbi', country: 'Rwanda', language: 'rw' },
    ]);
    expect(store.db.prepare('SELECT * FROM changes ORDER BY seq').all()).toEqual(changesBefore);
    // The later migrations built exactly what they build in a fresh store.
    expect(schemaOf(store.db)).toEqual(schemaOf(tempStore().db));
    // And the upgraded store takes new writes.
    store.write((w) => w.update('regions', regionId, { name: 'Gicumbi District' }));
    expect(store.db.prepare('SELECT name FROM regions').pluck().get()).toBe('Gicumbi District');
    store.close();
  });

  it('apply a migration that landed after a higher-numbered one (stores with and without records)', () => {
    const late = migrations.find((m) => m.version === 60)!;
    const without = migrations.filter((m) => m !== late);
    for (const legacy of [true, false]) {
      const db = new Database(join(tempDir(), 'early.sqlite'));
      // A store from before versions were recorded (schema 50 at most) has only its
      // user_version; a newer one records each version, so a late 60 is found missing.
      const early = legacy ? migrations.filter((m) => m.version <= 50) : without;
      expect(migrate(db, early)).not.toContain(60);
      if (legacy) db.exec('DROP TABLE schema_migrations');
      const missing = migrations.filter((m) => !early.includes(m)).map((m) => m.version);
      expect(missing).toContain(60);
      expect(migrate(db)).toEqual(missing);
      expect(migrate(db)).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(newest);
      expect(schemaOf(db)).toEqual(schemaOf(tempStore().db));
      db.close();
    }
  });

  it('refuse a store made by a newer Pamoja, with a clear message, and leave it alone', () => {
    const file = join(tempDir(), 'newer.sqlite');
    const store = openStore(file);
    store.write((w) => w.insert('regions', { name: 'Kilifi County', country: 'Kenya', language: 'en' }));
    store.db.pragma(`user_version = ${newest + 10}`);
    const hash = contentHash(store);
    store.close();

    let error: unknown;
    try {
      openStore(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PamojaError);
    expect((error as PamojaError).message).toBe(
      `This store was made by a newer version of Pamoja (schema ${newest + 10}, this version knows ${newest}). Update Pamoja to open it.`,
    );
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(newest + 10);
    expect(contentHash({ db })).toBe(hash);
    db.close();
  });

  it('never drop, rename or retype a synced column (tests/fixtures/synced-columns.json)', () => {
    // A laptop that has not updated Pamoja still sends bundles with these columns, and a
    // store's change log refers to them: a synced column, once landed, stays. When you add
    // a synced column, add it to the snapshot too, so it is protected from then on.
    const snapshot = JSON.parse(
      readFileSync(new URL('../fixtures/synced-columns.json', import.meta.url), 'utf8'),
    ) as Record<string, Record<string, string>>;
    const store = tempStore();
    const problems: string[] = [];
    for (const [table, columns] of Object.entries(snapshot)) {
      const actual = columnTypes(store.db, table);
      const declared = new Set<string>(
        tableNames.includes(table as never) ? ['id', ...columnsOf(table as never)] : [],
      );
      if (!declared.size) problems.push(`synced table ${table} is gone from shared/schema/tables.ts`);
      for (const [column, type] of Object.entries(columns)) {
        if (!(column in actual)) problems.push(`${table}.${column} was dropped or renamed in the migrations`);
        else if (actual[column] !== type)
          problems.push(`${table}.${column} changed type ${type} → ${actual[column]}`);
        if (declared.size && !declared.has(column))
          problems.push(`${table}.${column} is gone from tables.ts`);
      }
    }
    expect(problems).toEqual([]);
  });
});
