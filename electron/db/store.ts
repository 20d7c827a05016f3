import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Hlc } from '../../shared/clock.ts';
import { PamojaError } from '../../shared/errors.ts';
import { pruneBackups, snapshotNowSync } from './backupFiles.ts';
import { establishDeviceId } from './deviceId.ts';
import { LEGACY_SIGNING_KEY_META } from './deviceKey.ts';
import { migrate } from './migrate.ts';
import { registerWordFunctions } from './words.ts';
import { createWriter, StatementCache, type ClockSource, type Writer } from './writer.ts';

export type Db = Database.Database;

/** An open region store: one SQLite file, WAL, foreign keys on, migrated. */
export interface Store {
  readonly file: string;
  readonly db: Db;
  readonly statements: StatementCache;
  readonly deviceId: string;
  readonly deviceIdx: number;
  readonly clock: ClockSource;
  /** Runs `fn` in one write transaction; every change it makes is recorded or none is. */
  write<T>(fn: (w: Writer) => T): T;
  /** Reads a meta value (local, never synced). */
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  close(): void;
}

export interface OpenOptions {
  /** Wall clock in ms; tests pass a fake one. */
  now?: () => number;
  readonly?: boolean;
}

/**
 * The store holds members' names and phone numbers: it, its WAL and its shared-memory file
 * are readable by the owner only. SQLite gives -wal and -shm the mode of the database file,
 * so the file is made (or narrowed to) 0600 before SQLite opens it; older files are narrowed too.
 */
function ownerOnly(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/** Keeps a new laptop's private signing key (sealed); false when it cannot here (then it is kept in clear until it can). */
export type SigningKeyKeeper = (store: Store, pkcs8: Buffer) => boolean;
let keeper: SigningKeyKeeper | null = null;

/** Registered by the secrets vault (electron/services/secrets/vault.ts): db/ cannot reach it. */
export function keepNewSigningKeys(next: SigningKeyKeeper | null): void {
  keeper = next;
}

export function openStore(file: string, options: OpenOptions = {}): Store {
  let db: Db;
  try {
    if (file !== ':memory:' && !options.readonly) ownerOnly(file);
    db = new Database(file, { readonly: options.readonly ?? false });
    // A read-only look (e.g. at a backup) leaves the file's journal mode as it is.
    if (!options.readonly) db.pragma('journal_mode = WAL');
  } catch (e) {
    throw new PamojaError('unavailable', `Cannot open the store ${file}: ${(e as Error).message}`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  registerWordFunctions(db);
  try {
    // A snapshot before a migration rewrites an older store (issue: backups before migrations).
    if (!options.readonly)
      migrate(db, undefined, () => {
        if (file === ':memory:') return;
        snapshotNowSync(db, file, 'before-migration');
        pruneBackups(file);
      });
  } catch (e) {
    db.close();
    throw e;
  }
  const statements = new StatementCache(db);
  const getMeta = (key: string): string | undefined =>
    (statements.get('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  const setMeta = (key: string, value: string): void => {
    statements
      .get(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  };

  const established = establishDeviceId(db, statements, getMeta, setMeta, options.readonly ?? false);
  if (!established) throw new PamojaError('unavailable', `${file} is not an initialised Pamoja store`);
  const { deviceId } = established;
  const deviceIdx = (
    statements.get('SELECT idx FROM devices WHERE device_id = ?').get(deviceId) as { idx: number }
  ).idx;
  const clock: ClockSource = { last: Number(getMeta('hlc') ?? 0) as Hlc, now: options.now ?? Date.now };
  const writer = createWriter(statements, clock, deviceIdx);

  const store: Store = {
    file,
    db,
    statements,
    deviceId,
    deviceIdx,
    clock,
    write(fn) {
      const before = clock.last;
      try {
        return db
          .transaction(() => {
            // Another connection (the job runner's worker) may have moved the clock on.
            const stored = Number(getMeta('hlc') ?? 0) as Hlc;
            if (stored > clock.last) clock.last = stored;
            const result = fn(writer);
            if (clock.last !== before) setMeta('hlc', String(clock.last));
            return result;
          })
          .immediate();
      } catch (e) {
        clock.last = before; // the transaction rolled back: so did the timestamps it issued
        throw translateSqliteError(e);
      }
    },
    getMeta,
    setMeta,
    close: () => db.close(),
  };
  // A new key pair's private half: sealed if this process can, else in clear until it can.
  if (established.newPrivateKey) {
    const pkcs8 = established.newPrivateKey;
    if (!keeper?.(store, pkcs8))
      db.transaction(() => setMeta(LEGACY_SIGNING_KEY_META, pkcs8.toString('base64')))();
  }
  return store;
}

function translateSqliteError(e: unknown): unknown {
  if (e instanceof Error && 'code' in e && typeof e.code === 'string') {
    if (e.code.startsWith('SQLITE_BUSY'))
      return new PamojaError(
        'unavailable',
        'Pamoja is busy with a long task on this store (an import, export or load); nothing was saved — try again when it has finished.',
      );
    if (e.code.startsWith('SQLITE_CONSTRAINT_FOREIGNKEY'))
      return new PamojaError(
        'conflict',
        'This change refers to a record that does not exist, or removes one that others still refer to.',
      );
    if (e.code.startsWith('SQLITE_CONSTRAINT'))
      return new PamojaError('conflict', `The store refused this change: ${e.message}`);
  }
  return e;
}
