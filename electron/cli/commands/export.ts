import { z } from 'zod';
import { EXIT_OK, parseFlags, required, UsageError, type Command } from '../command.ts';
import { openExistingStore } from '../openExisting.ts';
import { runCliJob } from '../jobs.ts';
import type { ExportSpec } from '../../services/sync/exportChanges.ts';

const ClusterIds = z.array(z.uuid('each cluster must be given by its id (see `pamoja list clusters`)'));

function specFrom(values: {
  for?: string;
  full?: boolean;
  clusters?: string;
  practices?: boolean;
}): ExportSpec {
  const chosen = [
    values.for !== undefined,
    values.full,
    values.clusters !== undefined || values.practices,
  ].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('choose one of --for, --full, or --clusters/--practices');
  if (values.full) return { kind: 'full' };
  if (values.clusters !== undefined || values.practices) {
    const ids =
      values.clusters === undefined
        ? []
        : values.clusters
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    const parsed = ClusterIds.safeParse(ids);
    if (!parsed.success) throw new UsageError(`--clusters: ${parsed.error.issues[0]!.message}`);
    return { kind: 'selective', clusters: parsed.data, practices: values.practices ?? false };
  }
  return values.for ? { kind: 'peer', forDevice: values.for } : { kind: 'peer' };
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write a sync bundle: for one laptop, the whole region, or some clusters / the practice library',
  usage:
    'pamoja export --db FILE --out BUNDLE [--for DEVICE | --full | --clusters ID,... | --practices] [--json]\n' +
    '  Without a choice the bundle carries what any laptop this one has heard from may lack.',
  async run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      out: { type: 'string' },
      for: { type: 'string' },
      full: { type: 'boolean' },
      clusters: { type: 'string' },
      practices: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const db = required(values.db, 'db');
    const out = required(values.out, 'out');
    const spec = specFrom(values);
    const store = openExistingStore(db);
    try {
      const r = await runCliJob(db, 'sync.export', { ...spec, path: out }, io);
      if (values.json)
        io.stdout(
          `${JSON.stringify({ file: r.file, bytes: r.bytes, changes: r.changes, tables: r.tables }, null, 2)}\n`,
        );
      else io.stdout(`Wrote ${r.file}: ${r.changes} changes, ${r.bytes} bytes (${spec.kind}).\n`);
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};
