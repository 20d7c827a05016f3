import type { RemovalEffects } from '../../../shared/contract/removals.ts';
import type { TableName } from '../../../shared/schema/tables.ts';
import type { Store } from '../../db/store.ts';
import { referencesOf } from '../../db/references.ts';

export interface RowRef {
  table: TableName;
  id: string;
}

/** A row that stays but loses its link (`col`, which held `parentId`) to a removed row. */
export interface Unlink extends RowRef {
  col: string;
  parentId: string;
}

/** Everything one removal touches: rows removed (the record first, then what hangs on it) and links emptied. */
export interface RemovalGroup {
  removed: RowRef[];
  unlinked: Unlink[];
}

/**
 * What removing a record takes with it, from the schema's foreign keys: a row that cannot
 * exist without it (a not-null reference: a member's attendance, a practice's evidence)
 * goes too, and so on down; a row that merely points at it (a nullable reference: a
 * member's school, a session's host school) stays, with the link emptied. Soft references
 * (plain columns, e.g. a practice's origin school) are left as they are, as sync does.
 */
export function removalGroup(store: Store, table: TableName, id: string): RemovalGroup {
  const refs = referencesOf(store.db).to;
  const removed: RowRef[] = [{ table, id }];
  const seen = new Set([`${table}:${id}`]);
  const unlinked: Unlink[] = [];
  for (let i = 0; i < removed.length; i++) {
    const parent = removed[i]!;
    for (const ref of refs.get(parent.table) ?? []) {
      const children = store.statements
        .get(`SELECT id FROM ${ref.table} WHERE ${ref.col} = ?`)
        .all(parent.id) as { id: string }[];
      for (const child of children) {
        if (ref.nullable)
          unlinked.push({ table: ref.table, id: child.id, col: ref.col, parentId: parent.id });
        else if (!seen.has(`${ref.table}:${child.id}`)) {
          seen.add(`${ref.table}:${child.id}`);
          removed.push({ table: ref.table, id: child.id });
        }
      }
    }
  }
  // A row removed anyway need not be unlinked first.
  return { removed, unlinked: unlinked.filter((u) => !seen.has(`${u.table}:${u.id}`)) };
}

export function effectsOf(group: RemovalGroup): RemovalEffects {
  const count = (rows: RowRef[]) => {
    const out: Record<string, number> = {};
    for (const r of rows) out[r.table] = (out[r.table] ?? 0) + 1;
    return out;
  };
  return { removed: count(group.removed), unlinked: count(group.unlinked) };
}
