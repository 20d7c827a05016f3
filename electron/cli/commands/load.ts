import { readFileSync } from 'node:fs';
import { PamojaError } from '../../../shared/errors.ts';
import { tableNames } from '../../../shared/schema/tables.ts';
import { openStore } from '../../db/store.ts';
import { parseRegionFile, writeRegionFile } from '../../services/regionFile/load.ts';
import { EXIT_OK, parseFlags, required, UsageError, type Command } from '../command.ts';
import { formatTable } from '../table.ts';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new PamojaError('invalid', `Cannot read ${file}: ${reason}`);
  }
}

export const loadCommand: Command = {
  name: 'load',
  summary: 'Load a region file (JSON) into a store; loading it again updates what changed',
  usage: 'pamoja load --db FILE [--json] region.json',
  run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { db: { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    const db = required(values.db, 'db');
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0 ? 'missing the region file' : 'give exactly one region file',
      );
    }
    const file = positionals[0]!;
    // Check the whole file before opening the store, so bad input never creates or touches one.
    let doc;
    try {
      doc = parseRegionFile(readText(file));
    } catch (e) {
      if (e instanceof PamojaError && !e.message.startsWith(`Cannot read ${file}`))
        throw new PamojaError(e.code, `${file}: ${e.message}`, e.path);
      throw e;
    }
    const store = openStore(db);
    try {
      const summary = writeRegionFile(store, doc);
      if (values.json) {
        io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
        return EXIT_OK;
      }
      const sum = (k: 'inserted' | 'updated' | 'unchanged'): number =>
        tableNames.reduce((n, t) => n + summary.tables[t][k], 0);
      io.stdout(
        `Loaded ${file} into ${db}: ${sum('inserted')} new, ${sum('updated')} updated, ` +
          `${sum('unchanged')} unchanged; ${summary.changes} field changes recorded.\n\n` +
          formatTable(
            ['table', 'new', 'updated', 'unchanged'],
            tableNames
              .filter((t) => summary.counts[t] > 0)
              .map((t) => [
                t,
                summary.tables[t].inserted,
                summary.tables[t].updated,
                summary.tables[t].unchanged,
              ]),
            [1, 2, 3],
          ),
      );
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};
