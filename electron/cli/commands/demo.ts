import { tableNames } from '../../../shared/schema/tables.ts';
import { openStore } from '../../db/store.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { DemoOptions, demoScales, generateDemo, type DemoScale } from '../../demo/generate.ts';
import { EXIT_OK, intFlag, parseFlags, required, UsageError, type Command } from '../command.ts';
import { formatTable } from '../table.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary:
    'Fill an empty store with the demo region (or a small or country-sized one), the same for the same seed',
  usage: 'pamoja demo --db FILE [--seed N] [--scale small|region|counties|country]',
  run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
    });
    const db = required(values.db, 'db');
    const seed = intFlag(values.seed, 'seed', 1);
    const scale = values.scale ?? 'region';
    if (!(demoScales as readonly string[]).includes(scale))
      throw new UsageError(`--scale must be one of ${demoScales.join(', ')}, got "${scale}"`);
    // Checked before the store is opened, so bad input never creates a file.
    const checked = DemoOptions.safeParse({ seed, scale });
    if (!checked.success)
      throw new PamojaError('invalid', `--seed: ${checked.error.issues[0]?.message ?? 'invalid'}`);
    const store = openStore(db);
    try {
      const started = performance.now();
      const summary = generateDemo(store, { seed, scale: scale as DemoScale, progress: io.progress });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const rows = tableNames.filter((t) => summary.counts[t] > 0).map((t) => [t, summary.counts[t]]);
      const total = rows.reduce((n, [, c]) => n + Number(c), 0);
      io.stdout(
        `Wrote the ${scale} demo (seed ${seed}) into ${db}: ${total} rows in ${seconds} s.\n\n` +
          formatTable(['table', 'rows'], rows, [1]),
      );
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};
