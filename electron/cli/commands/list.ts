import { z } from 'zod';
import type { Store } from '../../db/store.ts';
import { EXIT_OK, parseFlags, required, UsageError, type Command } from '../command.ts';
import { openExistingStore } from '../openExisting.ts';
import { formatTable } from '../table.ts';

const ListKind = z.enum(['clusters', 'schools', 'practices', 'members', 'devices']);
type ListKind = z.infer<typeof ListKind>;

const queries: Record<Exclude<ListKind, 'devices'>, string> = {
  clusters: 'SELECT id, name FROM clusters ORDER BY name, id',
  schools: 'SELECT id, name FROM schools ORDER BY name, id',
  practices: 'SELECT id, title AS name FROM practices ORDER BY title, id',
  members: 'SELECT id, name FROM members ORDER BY name, id',
};

export type Listed = { id: string; name: string; self?: boolean };

/** The records of one kind, by name; devices are marked `self` when they are this store's own. */
export function listRecords(store: Store, kind: ListKind): Listed[] {
  if (kind !== 'devices') return store.statements.get(queries[kind]).all() as Listed[];
  const devices = store.statements
    .get('SELECT device_id AS id, name FROM devices ORDER BY idx')
    .all() as Listed[];
  return devices.map((d) => ({ id: d.id, name: d.name, self: d.id === store.deviceId }));
}

export const listCommand: Command = {
  name: 'list',
  summary: 'List the clusters, schools, practices, members or devices in a store',
  usage: `pamoja list ${ListKind.options.join('|')} --db FILE [--json]`,
  run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { db: { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError(`say what to list: ${ListKind.options.join(', ')}`);
    const kind = ListKind.safeParse(positionals[0]);
    if (!kind.success) {
      throw new UsageError(`cannot list "${positionals[0]}"; choose one of ${ListKind.options.join(', ')}`);
    }
    const db = required(values.db, 'db');
    const store = openExistingStore(db);
    try {
      const rows = listRecords(store, kind.data);
      if (values.json) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      else if (rows.length === 0) io.stdout(`No ${kind.data} in ${db}.\n`);
      else if (kind.data === 'devices')
        io.stdout(
          formatTable(
            ['id', 'name', ''],
            rows.map((r) => [r.id, r.name || '(unnamed)', r.self ? 'this device' : '']),
          ),
        );
      else
        io.stdout(
          formatTable(
            ['id', 'name'],
            rows.map((r) => [r.id, r.name]),
          ),
        );
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};
