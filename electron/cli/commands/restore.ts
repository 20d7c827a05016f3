import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';
import { openStore } from '../../db/store.ts';
import { checkStoreFile } from '../../services/backups/health.ts';
import { backupPath, saveCurrentBeforeRestore, swapInBackup } from '../../services/backups/restore.ts';
import { acquireJobLock, releaseJobLock } from '../../services/jobs/lock.ts';
import { EXIT_OK, parseFlags, required, UsageError, type Command } from '../command.ts';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Put a backup back as the store (the current state is kept as a before-restore backup)',
  usage:
    'pamoja restore --db FILE BACKUP\n' +
    '  BACKUP is a file, or the name of one in the store’s backups/ folder. Close the app on\n' +
    '  this store first. A damaged store is set aside in backups/ instead of being backed up.',
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { db: { type: 'string' } }, true);
    const db = resolve(required(values.db, 'db'));
    if (positionals.length !== 1)
      throw new UsageError(positionals.length ? 'name one backup' : 'missing the backup to restore');
    const backup = backupPath(db, positionals[0]!);
    if (resolve(backup) === db) throw new UsageError('the backup and --db are the same file');
    const lock = acquireJobLock(db, {
      pid: process.pid,
      doing: 'restoring a backup',
      startedAt: new Date().toISOString(),
    });
    if (!lock.ok)
      throw new PamojaError(
        'invalid',
        `Pamoja is ${lock.owner.doing} on ${db} (process ${lock.owner.pid}): wait for it to finish, then restore.`,
      );
    try {
      const healthy = existsSync(db) && checkStoreFile(db).state === 'ok';
      const current = healthy ? openStore(db) : null;
      let savedAs: string | null;
      try {
        savedAs = await saveCurrentBeforeRestore(db, backup, current);
      } finally {
        current?.close();
      }
      swapInBackup(db, backup);
      openStore(db).close(); // brings an older backup up to this version's schema
      io.stdout(
        `Restored ${basename(backup)} into ${db}.` +
          (savedAs ? ` The state before was kept as ${savedAs}.` : '') +
          '\n',
      );
      return EXIT_OK;
    } finally {
      releaseJobLock(db);
    }
  },
};
