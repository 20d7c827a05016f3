import { existsSync } from 'node:fs';
import { PamojaError } from '../../../shared/errors.ts';
import { openStore } from '../../db/store.ts';
import { editKinds, simulateEdits, type EditKind } from '../../demo/simulate.ts';
import { EXIT_OK, intFlag, parseFlags, required, type Command } from '../command.ts';
import { formatTable } from '../table.ts';

export const simulateCommand: Command = {
  name: 'simulate',
  summary: "Make N random but plausible coach's edits (sessions, commitments, practices, figures, deletions)",
  usage: 'pamoja simulate --db FILE --edits N --seed S [--now YYYY-MM-DD]',
  run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      edits: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
    });
    const db = required(values.db, 'db');
    const edits = intFlag(required(values.edits, 'edits'), 'edits', 0);
    const seed = intFlag(required(values.seed, 'seed'), 'seed', 0);
    if (!existsSync(db))
      throw new PamojaError('invalid', `No store at ${db}: make one first (pamoja demo or pamoja load).`);
    const store = openStore(db);
    try {
      const summary = simulateEdits(store, { edits, seed, now: values.now });
      const kinds = Object.keys(editKinds) as EditKind[];
      io.stdout(
        `${summary.log.join('\n')}${summary.log.length ? '\n\n' : ''}` +
          `Made ${summary.edits} edits in ${db}.\n\n` +
          formatTable(
            ['edit', 'count'],
            kinds.filter((k) => summary.byKind[k] > 0).map((k) => [k, summary.byKind[k]]),
            [1],
          ),
      );
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};
