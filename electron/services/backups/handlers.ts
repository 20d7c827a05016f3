import { basename } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';
import { backupFolder } from '../../db/backupFiles.ts';
import { openStore } from '../../db/store.ts';
import type { HandlerMap, OpsOf } from '../handlers.ts';
import { checkStoreFile } from './health.ts';
import { backupPath, saveCurrentBeforeRestore, swapInBackup } from './restore.ts';
import { listBackups, takeBackup, type BackupInfo } from './snapshot.ts';

const view = (b: BackupInfo) => ({ name: b.name, kind: b.kind, at: b.at, bytes: b.bytes });

export const backupHandlers: HandlerMap<OpsOf<'backups'>> = {
  'backups.list': (_input, { store }) => ({
    folder: backupFolder(store.file),
    backups: listBackups(store.file).map(view),
  }),
  'backups.create': async (_input, { store, jobs }) => {
    if (jobs.busy()) throw busy();
    return view(await takeBackup(store, 'manual'));
  },
  'backups.restore': async ({ name }, ctx) => {
    if (ctx.jobs.busy()) throw busy();
    const file = ctx.store.file;
    const backup = backupPath(file, name);
    const current = ctx.health.state === 'ok' ? ctx.store : null;
    const savedAs = await saveCurrentBeforeRestore(file, backup, current);
    // From here to the new store nothing awaits: no other call sees a closed store.
    current?.close();
    swapInBackup(file, backup);
    ctx.store = openStore(file);
    ctx.health = { state: 'ok' };
    ctx.onStoreReplaced?.(ctx.store);
    return { restored: basename(backup), savedAs: savedAs && basename(savedAs) };
  },
  'backups.health': (_input, { store, health }) => {
    if (health.state === 'ok') return { state: 'ok' as const };
    // The newest backup that passes the same check (most are; a check reads the whole file).
    const latestGood = listBackups(store.file).find((b) => checkStoreFile(b.path).state === 'ok') ?? null;
    return {
      state: 'damaged' as const,
      problem: health.problem,
      storeFile: store.file,
      latestGood: latestGood && view(latestGood),
    };
  },
};

function busy(): PamojaError {
  return new PamojaError('conflict', 'A long task is running on this store: wait for it to finish first.');
}
