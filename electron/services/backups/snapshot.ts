import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { dailyBackupDue } from '../../../shared/backups/rotation.ts';
import {
  discardBackupFile,
  finishBackupFile,
  listBackupFiles,
  plainJournal,
  pruneBackups,
  reserveBackupFile,
  type BackupKind,
} from '../../db/backupFiles.ts';
import type { Db, Store } from '../../db/store.ts';
import { JobCancelled, noHooks, type JobHooks } from '../jobs/hooks.ts';

export interface BackupInfo {
  name: string;
  path: string;
  kind: BackupKind;
  at: string;
  bytes: number;
}

/** Pages copied per step: big enough to be quick, small enough to notice a cancel. */
const PAGES_PER_STEP = 2048;

/**
 * Copies a live store into a new backup file with SQLite's online backup (the store stays
 * usable meanwhile), mode 0600, then drops the snapshots rotation no longer keeps.
 * Reports progress as phase `backup`; a cancel during the copy leaves no file behind.
 */
export async function takeBackup(
  store: { file: string; db: Db },
  kind: BackupKind,
  hooks: JobHooks = noHooks,
  now = new Date(),
): Promise<BackupInfo> {
  const path = await copyInto(store.db, reserveBackupFile(store.file, kind, now), hooks);
  pruneBackups(store.file, now);
  return describe(path, kind, now);
}

/** A snapshot at a path of the caller's choosing (`pamoja backup --out`); never overwrites. */
export async function takeBackupTo(store: { db: Db }, out: string, now = new Date()): Promise<BackupInfo> {
  const file = { partial: `${out}.partial`, final: out };
  closeSync(openSync(file.partial, 'wx', 0o600));
  chmodSync(file.partial, 0o600);
  const path = await copyInto(store.db, file, noHooks);
  return describe(path, 'manual', now);
}

async function copyInto(db: Db, file: { partial: string; final: string }, hooks: JobHooks): Promise<string> {
  try {
    await db.backup(file.partial, {
      progress: ({ totalPages, remainingPages }) => {
        hooks.progress({ phase: 'backup', done: totalPages - remainingPages, total: totalPages });
        if (hooks.cancelled()) throw new JobCancelled();
        return PAGES_PER_STEP;
      },
    });
    plainJournal(file.partial);
  } catch (e) {
    discardBackupFile(file);
    throw e;
  }
  return finishBackupFile(file);
}

function describe(path: string, kind: BackupKind, at: Date): BackupInfo {
  return { name: path.split(/[\\/]/).pop()!, path, kind, at: at.toISOString(), bytes: statSync(path).size };
}

/** The store's backups, newest first. */
export function listBackups(storeFile: string): BackupInfo[] {
  return listBackupFiles(storeFile).flatMap((b) => {
    try {
      return [{ ...describe(b.path, b.kind, b.at) }];
    } catch {
      return []; // removed while listing
    }
  });
}

/** Takes today's daily snapshot unless one exists; returns it, or null when not due. */
export async function dailyBackupIfDue(store: Store, now = new Date()): Promise<BackupInfo | null> {
  const entries = listBackupFiles(store.file).map((b) => ({
    name: b.name,
    kind: b.kind,
    at: b.at.getTime(),
  }));
  if (!dailyBackupDue(entries, now.getTime(), now.getTimezoneOffset())) return null;
  return takeBackup(store, 'daily', noHooks, now);
}
