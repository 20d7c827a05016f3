import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BACKUP_KEEP, backupsToRemove } from '../../shared/backups/rotation.ts';
import type { Db } from './store.ts';

/**
 * Where and under what names a store's backups live: `backups/` beside the store, one
 * SQLite file per snapshot, `pamoja-<kind>-<UTC time>.sqlite`, readable by the owner only.
 * The db layer owns this (a migration takes a snapshot); electron/services/backups lists,
 * rotates and restores them.
 */
export const backupKinds = [
  'daily',
  'before-import',
  'before-migration',
  'before-restore',
  'manual',
] as const;
export type BackupKind = (typeof backupKinds)[number];

export const BACKUP_FOLDER = 'backups';
const PARTIAL = '.partial';

export function backupFolder(storeFile: string): string {
  return join(dirname(storeFile), BACKUP_FOLDER);
}

/** `2026-12-01T21-40-05-123Z`: sorts by time, safe in every file system. */
function stamp(at: Date): string {
  return at.toISOString().replaceAll(':', '-').replace('.', '-');
}

export function backupFileName(kind: BackupKind, at: Date): string {
  return `pamoja-${kind}-${stamp(at)}.sqlite`;
}

const NAME = /^pamoja-([a-z-]+)-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)\.sqlite$/;

/** The kind and time a backup's name says, or null for any other file. */
export function parseBackupName(name: string): { kind: BackupKind; at: Date } | null {
  const m = NAME.exec(name);
  if (!m || !(backupKinds as readonly string[]).includes(m[1]!)) return null;
  const [date, time] = m[2]!.split('T') as [string, string];
  const [h, min, s, ms] = time.slice(0, -1).split('-');
  const at = new Date(`${date}T${h}:${min}:${s}.${ms}Z`);
  return Number.isNaN(at.getTime()) ? null : { kind: m[1] as BackupKind, at };
}

/**
 * An empty file, mode 0600, to snapshot into (SQLite keeps an existing file's mode, and
 * gives its journal the same), in a folder only the owner may enter. Returns the partial
 * path and the final one; `finishBackupFile` renames one to the other.
 */
export function reserveBackupFile(
  storeFile: string,
  kind: BackupKind,
  at: Date,
): { partial: string; final: string } {
  const dir = backupFolder(storeFile);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let when = at.getTime();
  for (;;) {
    const final = join(dir, backupFileName(kind, new Date(when)));
    try {
      closeSync(openSync(final + PARTIAL, 'wx', 0o600));
      chmodSync(final + PARTIAL, 0o600); // in case the umask took bits away it should not add
      return { partial: final + PARTIAL, final };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      when += 1; // two snapshots in the same millisecond
    }
  }
}

export function finishBackupFile(file: { partial: string; final: string }): string {
  chmodSync(file.partial, 0o600);
  renameSync(file.partial, file.final);
  return file.final;
}

export function discardBackupFile(file: { partial: string }): void {
  rmSync(file.partial, { force: true });
  rmSync(`${file.partial}-journal`, { force: true });
}

export const isPartialBackup = (name: string): boolean => name.endsWith(PARTIAL);

/**
 * A synchronous, consistent snapshot (VACUUM INTO), for the one moment nothing may wait:
 * just before a migration rewrites the schema, when the store is being opened.
 */
export function snapshotNowSync(db: Db, storeFile: string, kind: BackupKind, at = new Date()): string {
  const file = reserveBackupFile(storeFile, kind, at);
  try {
    db.prepare('VACUUM INTO ?').run(file.partial);
    plainJournal(file.partial);
    return finishBackupFile(file);
  } catch (e) {
    discardBackupFile(file);
    throw e;
  }
}

export const backupName = (path: string): string => basename(path);

/**
 * A copy of a WAL store may say "WAL" in its header; switch it to a plain journal so the
 * snapshot is one file that opens anywhere (even read-only) without -wal / -shm beside it.
 */
export function plainJournal(path: string): void {
  const copy = new Database(path);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Every finished backup in a store's folder, newest first. */
export function listBackupFiles(
  storeFile: string,
): { name: string; path: string; kind: BackupKind; at: Date }[] {
  let names: string[];
  try {
    names = readdirSync(backupFolder(storeFile));
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const parsed = parseBackupName(name);
      return parsed ? [{ name, path: join(backupFolder(storeFile), name), ...parsed }] : [];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
}

/** Deletes the automatic snapshots beyond what shared/backups/rotation.ts keeps. */
export function pruneBackups(storeFile: string, now = new Date()): string[] {
  const entries = listBackupFiles(storeFile).map((b) => ({ name: b.name, kind: b.kind, at: b.at.getTime() }));
  const remove = backupsToRemove(entries, BACKUP_KEEP, now.getTimezoneOffset());
  for (const name of remove) rmSync(join(backupFolder(storeFile), name), { force: true });
  return remove;
}
