import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';
import { openStore } from '../../db/store.ts';
import { checkStoreFile } from '../../services/backups/health.ts';
import { takeBackup, takeBackupTo } from '../../services/backups/snapshot.ts';
import { EXIT_OK, parseFlags, required, type Command } from '../command.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Snapshot a store (SQLite online backup, readable by you only)',
  usage:
    'pamoja backup --db FILE [--out FILE] [--json]\n' +
    '  Without --out the snapshot goes beside the store in backups/ (kept until you remove it).\n' +
    '  --out never overwrites an existing file.',
  async run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    });
    const db = required(values.db, 'db');
    if (!existsSync(db)) throw new PamojaError('invalid', `No store at ${db} (check the --db path).`);
    const health = checkStoreFile(db);
    if (health.state !== 'ok')
      throw new PamojaError(
        'invalid',
        `${db} is damaged (${health.problem}); a backup of it would be too. Restore one instead: pamoja restore --db ${db} BACKUP`,
      );
    if (values.out !== undefined) {
      if (existsSync(values.out))
        throw new PamojaError('invalid', `${values.out} already exists: choose a new file name.`);
      if (!existsSync(dirname(resolve(values.out))))
        throw new PamojaError('invalid', `The folder for ${values.out} does not exist.`);
    }
    const store = openStore(db);
    try {
      const made = values.out ? await takeBackupTo(store, values.out) : await takeBackup(store, 'manual');
      if (values.json)
        io.stdout(`${JSON.stringify({ file: made.path, bytes: made.bytes, at: made.at }, null, 2)}\n`);
      else io.stdout(`Backed up ${db} to ${made.path} (${made.bytes} bytes).\n`);
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};

export const backupFileLabel = (path: string): string => basename(path);
