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
import { importBundleFile, type ImportOutcome } from '../../services/sync/bundles.ts';
import { currentRegion } from '../../services/sync/identity.ts';
import { describeImport } from './syncText.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import sync bundles into a store (all-or-nothing per bundle)',
  usage:
    'pamoja import --db FILE BUNDLE... [--json]\n' +
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
    const results: (ImportOutcome | { file: string; error: string })[] = [];
    let failed = false;
    try {
      for (const file of positionals) {
        try {
          const passphrase = currentRegion(store) ? undefined : await readPassphrase(io);
          const r = await importBundleFile(store, file, {
            ...(passphrase ? { passphrase } : {}),
            progress: io.progress,
          });
          results.push(r);
          if (!values.json) io.stdout(describeImport(r));
        } catch (e) {
          if (!(e instanceof PamojaError)) throw e;
          failed = true;
          results.push({ file, error: e.message });
          io.stderr(`pamoja import: ${file}: ${e.message}\n`);
        }
      }
      if (values.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
      return failed ? EXIT_BAD_INPUT : EXIT_OK;
    } finally {
      store.close();
    }
  },
};
