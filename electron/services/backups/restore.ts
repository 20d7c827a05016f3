import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';
import { backupFolder, parseBackupName } from '../../db/backupFiles.ts';
import type { Store } from '../../db/store.ts';
import { checkStoreFile } from './health.ts';
import { takeBackup } from './snapshot.ts';

/** The backup a name (from the list) or a path (the CLI) stands for; checked to exist. */
export function backupPath(storeFile: string, nameOrPath: string): string {
  const byName = join(backupFolder(storeFile), basename(nameOrPath));
  const path =
    isAbsolute(nameOrPath) || nameOrPath.includes('/') || nameOrPath.includes('\\') ? nameOrPath : byName;
  if (!existsSync(path))
    throw new PamojaError('not_found', `No backup ${nameOrPath}: see the list of backups.`);
  return path;
}

export interface RestoreOutcome {
  /** The backup put back. */
  restored: string;
  /** Where the state before the restore was kept: a before-restore snapshot, or the damaged file set aside. */
  savedAs: string | null;
}

/**
 * Puts a backup back as the store. The backup is checked first (a damaged one is refused
 * and nothing changes); the current state is kept — a before-restore snapshot when the
 * store is healthy (`current` open), else the damaged file itself, set aside beside the
 * backups. The store must be closed by the caller between `prepare` and `swap`: the
 * caller reopens it afterwards.
 */
export async function saveCurrentBeforeRestore(
  storeFile: string,
  backup: string,
  current: Store | null,
  now = new Date(),
): Promise<string | null> {
  const health = checkStoreFile(backup);
  if (health.state !== 'ok')
    throw new PamojaError(
      'invalid',
      `The backup ${basename(backup)} cannot be used (${health.problem}); choose another one.`,
    );
  if (current) return (await takeBackup(current, 'before-restore', undefined, now)).path;
  if (!existsSync(storeFile)) return null;
  // A damaged store is not copied through SQLite: the file itself is kept, as it is.
  const aside = join(backupFolder(storeFile), `damaged-${now.toISOString().replaceAll(':', '-')}.sqlite`);
  mkdirSync(backupFolder(storeFile), { recursive: true, mode: 0o700 });
  renameSync(storeFile, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(storeFile + suffix)) renameSync(storeFile + suffix, aside + suffix);
  }
  return aside;
}

/** Replaces the (closed) store file with a copy of the backup, atomically. */
export function swapInBackup(storeFile: string, backup: string): void {
  const incoming = `${storeFile}.restoring`;
  copyFileSync(backup, incoming);
  chmodSync(incoming, 0o600); // a backup brought from elsewhere may be readable by all
  // The old store's log belongs to the old file: never let SQLite replay it into the new one.
  for (const suffix of ['-wal', '-shm']) rmSync(storeFile + suffix, { force: true });
  renameSync(incoming, storeFile);
}

/** The kind a backup's name says, for messages ("the daily backup of 1 Dec"). */
export const backupKindOf = (name: string) => parseBackupName(basename(name))?.kind ?? null;
