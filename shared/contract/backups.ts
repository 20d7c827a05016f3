import { z } from 'zod';
import { op } from './define.ts';

export const backupKinds = [
  'daily',
  'before-import',
  'before-migration',
  'before-restore',
  'manual',
] as const;

export const BackupView = z.object({
  /** The file's name in the store's backups folder; the page names a backup by it. */
  name: z.string(),
  kind: z.enum(backupKinds),
  at: z.string(),
  bytes: z.number(),
});
export type BackupView = z.infer<typeof BackupView>;

/** Only names the backups folder holds (never a path: the page never hands a path to write). */
const backupName = z
  .string()
  .max(200)
  .regex(/^pamoja-[a-z-]+-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.sqlite$/, 'not the name of a backup');

export const backupsOps = {
  /** The store's backups, newest first, and where they are kept. */
  'backups.list': op(z.object({}), z.object({ folder: z.string(), backups: z.array(BackupView) })),
  /** A snapshot now, kept until the coach removes it (not rotated). */
  'backups.create': op(z.object({}), BackupView),
  /**
   * Puts a backup back as the store, after keeping the current state (a before-restore
   * snapshot, or the damaged file set aside). Refused while a long job runs.
   */
  'backups.restore': op(
    z.object({ name: backupName }),
    z.object({ restored: z.string(), savedAs: z.string().nullable() }),
  ),
  /**
   * How the store looked when it was opened (`PRAGMA quick_check`); a damaged one comes
   * with the newest backup that passes the same check.
   */
  'backups.health': op(
    z.object({}),
    z.discriminatedUnion('state', [
      z.object({ state: z.literal('ok') }),
      z.object({
        state: z.literal('damaged'),
        problem: z.string(),
        storeFile: z.string(),
        latestGood: BackupView.nullable(),
      }),
    ]),
  ),
};
