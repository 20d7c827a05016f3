import {
  EXIT_BAD_INPUT,
  EXIT_OK,
  parseFlags,
  readPassphrase,
  required,
  UsageError,
  type Command,
} from '../command.ts';
import { openStore } from '../../db/store.ts';
import { joinedRegion } from '../../services/sync/identity.ts';
import { runCliJob } from '../jobs.ts';
import { describeImport } from './syncText.ts';

export const syncFolderCommand: Command = {
  name: 'sync-folder',
  summary: 'Sync through a folder or USB stick: take every bundle in DIR/PamojaSync, leave this laptop’s',
  usage: 'pamoja sync-folder --db FILE DIR [--json]',
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { db: { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    const db = required(values.db, 'db');
    if (positionals.length !== 1) throw new UsageError('name one folder');
    const store = openStore(db);
    try {
      const passphrase = joinedRegion(store) ? undefined : await readPassphrase(io);
      const r = await runCliJob(
        db,
        'sync.folder',
        { dir: positionals[0]!, ...(passphrase ? { passphrase } : {}) },
        io,
      );
      if (values.json) io.stdout(`${JSON.stringify(r, null, 2)}\n`);
      else {
        for (const i of r.imported) io.stdout(describeImport(i));
        for (const s of r.skipped) io.stdout(`${s.file}: skipped (${s.reason})\n`);
        for (const c of r.cleared) io.stdout(`${c}: cleared (every known laptop has it)\n`);
        if (r.written)
          io.stdout(`Wrote ${r.written.file}: ${r.written.changes} changes, ${r.written.bytes} bytes.\n`);
      }
      for (const f of r.failed) io.stderr(`pamoja sync-folder: ${f.file}: ${f.message}\n`);
      return r.failed.length ? EXIT_BAD_INPUT : EXIT_OK;
    } finally {
      store.close();
    }
  },
};
