import { z } from 'zod';
import { op } from './define.ts';

const TableCounts = z.record(
  z.string(),
  z.object({ new: z.number(), known: z.number(), superseded: z.number() }),
);

export const BundleHeaderView = z.object({
  regionId: z.string(),
  regionName: z.string(),
  senderDevice: z.string(),
  senderName: z.string(),
  createdAt: z.string(),
  kind: z.enum(['peer', 'full', 'selective']),
  forDevice: z.string().optional(),
  scope: z.string().optional(),
  version: z.number(),
});
export type BundleHeaderView = z.infer<typeof BundleHeaderView>;

export const ImportSummary = z.object({
  file: z.string(),
  header: BundleHeaderView,
  changes: z.number(),
  new: z.number(),
  known: z.number(),
  superseded: z.number(),
  held: z.number(),
  released: z.number(),
  tables: TableCounts,
  devices: z.array(z.object({ deviceId: z.string(), name: z.string(), new: z.number() })),
  clockWarning: z.object({ deviceId: z.string(), deviceName: z.string(), aheadMs: z.number() }).nullable(),
  joined: z.boolean(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ClockWarning = z.object({
  at: z.string(),
  deviceId: z.string(),
  deviceName: z.string(),
  aheadMs: z.number(),
  held: z.number(),
  file: z.string(),
});

const path = z.string().trim().min(1).max(4096);
const passphrase = z.string().min(1).max(1000).optional();

export const syncOps = {
  /** This laptop, its region, its clock and what is held back. */
  'sync.status': op(
    z.object({}),
    z.object({
      deviceId: z.string(),
      deviceName: z.string(),
      region: z.object({ id: z.string(), name: z.string() }).nullable(),
      clock: z.string(),
      heldBack: z.number(),
      clockWarnings: z.number(),
      lastSync: z.string().nullable(),
      /**
       * This laptop's region key and signing key: 'open' here, 'locked' (sealed, and this
       * process cannot open them: `sync.unlock` with the region passphrase), 'none' kept yet.
       */
      keys: z.enum(['open', 'locked', 'none']),
    }),
  ),
  /** Opens this laptop's sealed keys with the region passphrase (a store moved here, or serve started without it). */
  'sync.unlock': op(z.object({ passphrase: z.string().min(1).max(1000) }), z.object({})),
  /** Every device whose changes this store holds, and what each peer is known to have taken. */
  'sync.devices': op(
    z.object({}),
    z.array(
      z.object({
        deviceId: z.string(),
        name: z.string(),
        self: z.boolean(),
        /** Changes from this device held here. */
        changes: z.number(),
        /** When its last bundle was made ('' if none came from it directly). */
        lastBundleAt: z.string(),
        /** Changes held here it is not known to have (null for this laptop). */
        missing: z.number().nullable(),
      }),
    ),
  ),
  'sync.log': op(
    z.object({ limit: z.number().int().min(1).max(1000).default(100) }),
    z.array(
      z.object({
        id: z.number(),
        at: z.string(),
        action: z.enum(['export', 'import']),
        file: z.string(),
        kind: z.string(),
        deviceId: z.string(),
        deviceName: z.string(),
        changes: z.number(),
        counts: z.record(z.string(), z.unknown()),
        outcome: z.enum(['ok', 'failed']),
        message: z.string(),
      }),
    ),
  ),
  /** Writes a bundle. Without `path` it goes to the store's bundles folder. */
  'sync.export': op(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('peer'),
        forDevice: z.string().min(1).max(100).optional(),
        path: path.optional(),
      }),
      z.object({ kind: z.literal('full'), path: path.optional() }),
      z.object({
        kind: z.literal('selective'),
        clusters: z.array(z.uuid()).max(1000).optional(),
        practices: z.boolean().optional(),
        path: path.optional(),
      }),
    ]),
    z.object({
      file: z.string(),
      /** The written file as a ref (to download it, or show it in its folder). */
      ref: z.string(),
      bytes: z.number(),
      changes: z.number(),
      tables: z.record(z.string(), z.number()),
    }),
  ),
  'sync.import': op(z.object({ path, passphrase }), ImportSummary),
  /** A bundle's public header, read without the key. */
  'sync.inspect': op(z.object({ path }), BundleHeaderView),
  /** The USB mailbox: take every bundle in DIR/PamojaSync, write this laptop's, clear old ones. */
  'sync.folder': op(
    z.object({ dir: path, passphrase }),
    z.object({
      folder: z.string(),
      imported: z.array(ImportSummary),
      skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
      // A refused bundle's reason and names (shared/sync/refusals.ts), for the page's own words.
      failed: z.array(
        z.object({
          file: z.string(),
          message: z.string(),
          reason: z.string().optional(),
          detail: z.string().optional(),
        }),
      ),
      written: z.object({ file: z.string(), changes: z.number(), bytes: z.number() }).nullable(),
      cleared: z.array(z.string()),
    }),
  ),
  'sync.digest': op(
    z.object({}),
    z.object({ digest: z.string(), rows: z.number(), tables: z.record(z.string(), z.number()) }),
  ),
  /**
   * Joins a region: with an invitation file, or with the passphrase (a new region secret
   * for this store's region when no salt is known; coaches joining from a bundle just
   * import it with the passphrase).
   */
  'sync.join': op(
    z.union([
      z.object({ invitation: path, password: z.string().max(1000).optional() }),
      z.object({
        passphrase: z.string().min(1).max(1000),
        regionId: z.string().min(1).max(200).optional(),
        regionName: z.string().max(200).optional(),
      }),
    ]),
    z.object({ regionId: z.string(), regionName: z.string() }),
  ),
  /** Writes an invitation file for this laptop's region; its key is wrapped with `password`. */
  'sync.invite': op(
    z.object({ path, password: z.string().min(1).max(1000) }),
    z.object({ file: z.string() }),
  ),
  /** Every version of one field, newest first ("also edited on … on …"). */
  'sync.fieldHistory': op(
    z.object({
      table: z.string().min(1).max(40),
      rowId: z.string().min(1).max(100),
      column: z.string().min(1).max(60),
    }),
    z.array(
      z.object({
        value: z.union([z.string(), z.number(), z.null()]),
        at: z.string(),
        hlc: z.number(),
        deviceId: z.string(),
        deviceName: z.string(),
        self: z.boolean(),
        current: z.boolean(),
      }),
    ),
  ),
  'sync.clockWarnings': op(z.object({}), z.array(ClockWarning)),
};
