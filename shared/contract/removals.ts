import { z } from 'zod';
import { Id, tableNames } from '../schema/tables.ts';
import { op } from './define.ts';

/** The kinds of record a coach can remove and bring back (the synced tables). */
export const RemovableTable = z.enum(tableNames);

/** What goes with a record when it is removed: rows by kind, and links that are emptied. */
export const RemovalEffects = z.object({
  /** Rows removed with it, by table (the record itself included). */
  removed: z.record(z.string(), z.number()),
  /** Rows that keep existing but lose their link to it, by table. */
  unlinked: z.record(z.string(), z.number()),
});
export type RemovalEffects = z.infer<typeof RemovalEffects>;

export const Removal = z.object({
  id: z.number().int(),
  table: RemovableTable,
  rowId: z.string(),
  /** The record's name (or title, action …) when it was removed. */
  label: z.string(),
  clusterId: z.string().nullable(),
  clusterName: z.string().nullable(),
  removedAt: z.string(),
  effects: RemovalEffects,
});
export type Removal = z.infer<typeof Removal>;

export const removalOps = {
  /** What removing a record would take with it, so the screen can ask first when it is much. */
  'removals.preview': op(z.object({ table: RemovableTable, id: Id }), RemovalEffects),
  'removals.remove': op(z.object({ table: RemovableTable, id: Id }), Removal),
  /** Recently removed on this laptop, newest first (restored ones are left out). */
  'removals.list': op(
    z.object({ limit: z.number().int().min(1).max(500).default(100), clusterId: Id.optional() }),
    z.array(Removal),
  ),
  'removals.restore': op(
    z.object({ id: z.number().int() }),
    z.object({ table: RemovableTable, rowId: z.string(), restored: z.number() }),
  ),
};
