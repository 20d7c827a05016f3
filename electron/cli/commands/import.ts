import { PamojaError } from '../../../shared/errors.ts';
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
import type { OpOutput } from '../../../shared/contract/index.ts';
import type { ImportSummary } from '../../../shared/contract/sync.ts';
import { runCliJob } from '../jobs.ts';
import { unlockStore } from '../openExisting.ts';
import { describeImport } from './syncText.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import sync bundles into a store (all-or-nothing per bundle)',
  usage:
    'pamoja import --db FILE BUNDLE... [--json]\n' +
    '  BUNDLE may be a .pamoja bundle, a part of a split one (.pamoja-part, in any order), or an\n' +
    '  email (.eml) carrying bundles.\n' +
    '  A store that has not joined the region yet (e.g. a new, empty one) joins it with the\n' +
    '  passphrase from PAMOJA_PASSPHRASE or a prompt.',
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { db: { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    const db = required(values.db, 'db');
    if (positionals.length === 0) throw new UsageError('name at least one bundle file');
    // Importing a full bundle into a new store sets it up, so the store may not exist yet.
    const store = openStore(db);
    await unlockStore(store, io).catch((e: unknown) => {
      store.close();
      throw e;
    });
    const results: (
      ImportSummary | { file: string; error: string } | { file: string; taken: OpOutput<'mail.take'> }
    )[] = [];
    const waiting = new Map<string, string>();
    let failed = false;
    try {
      for (const file of positionals) {
        try {
          const passphrase = joinedRegion(store) ? undefined : await readPassphrase(io);
          if (!/\.pamoja$/i.test(file)) {
            // An email or a part: taken through the mail service (parts wait for the rest).
            const taken = await runCliJob(
              db,
              'mail.take',
              { path: file, ...(passphrase ? { passphrase } : {}) },
              io,
            );
            results.push({ file, taken });
            for (const t of taken) {
              if (t.outcome === 'failed') {
                failed = true;
                io.stderr(`pamoja import: ${t.name}: ${t.message}\n`);
              } else if (t.outcome === 'waiting') waiting.set(t.bundle ?? t.name, t.message);
              else {
                if (t.bundle) waiting.delete(t.bundle);
                if (!values.json)
                  io.stdout(t.import ? describeImport(t.import) : `${t.name}: ${t.message}\n`);
              }
            }
            continue;
          }
          const r = await runCliJob(
            db,
            'sync.import',
            { path: file, ...(passphrase ? { passphrase } : {}) },
            io,
          );
          results.push(r);
          if (!values.json) io.stdout(describeImport(r));
        } catch (e) {
          if (!(e instanceof PamojaError)) throw e;
          failed = true;
          results.push({ file, error: e.message });
          io.stderr(`pamoja import: ${file}: ${e.message}\n`);
        }
      }
      for (const message of waiting.values()) io.stderr(`pamoja import: ${message}\n`);
      if (waiting.size) failed = true;
      if (values.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
      return failed ? EXIT_BAD_INPUT : EXIT_OK;
    } finally {
      store.close();
    }
  },
};
