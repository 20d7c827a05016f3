import { dirname } from 'node:path';
import type { HandlerMap, OpsOf } from '../handlers.ts';
import { inspectBundleFile } from './bundleFile.ts';
import { writeInvitation } from './identity.ts';
import { storeDigest } from './digest.ts';
import { fieldHistory } from './fieldHistory.ts';
import { readSyncLog } from './syncLog.ts';
import {
  clockWarnings,
  joinSyncRegion,
  refuseWeakRegionPassphrase,
  syncDevices,
  syncStatus,
  unlockKeys,
} from './service.ts';
import { headerView, namesKnownHere } from './views.ts';
import { existingBundle, existingFolder } from './places.ts';

export const syncHandlers: HandlerMap<OpsOf<'sync'>> = {
  'sync.status': (_input, { store }) => syncStatus(store),
  'sync.devices': (_input, { store }) => syncDevices(store),
  'sync.log': ({ limit }, { store }) => readSyncLog(store, limit),
  // Long work runs in the job runner's worker (electron/services/jobs/registry.ts, where
  // its places are checked and resolved through ctx.files before the job starts).
  'sync.export': (input, ctx) => ctx.jobs.run('sync.export', input, ctx),
  'sync.import': (input, ctx) => ctx.jobs.run('sync.import', input, ctx),
  'sync.inspect': async ({ path }, { files, store }) =>
    headerView(
      namesKnownHere(store, await inspectBundleFile(await existingBundle(files.resolve(path, 'read')))),
    ),
  'sync.folder': (input, ctx) => ctx.jobs.run('sync.folder', input, ctx),
  'sync.digest': (_input, { store }) => storeDigest(store),
  'sync.unlock': ({ passphrase }, { store }) => {
    unlockKeys(store, passphrase);
    return {};
  },
  'sync.join': async (input, { store, files }) => {
    if ('invitation' in input)
      return joinSyncRegion(store, {
        ...input,
        invitation: await existingBundle(files.resolve(input.invitation, 'read')),
      });
    await refuseWeakRegionPassphrase(store, input);
    return joinSyncRegion(store, input);
  },
  'sync.invite': async ({ path, password }, { store, files }) => {
    const file = files.resolve(path, 'write');
    await existingFolder(dirname(file));
    await writeInvitation(store, file, password);
    return { file };
  },
  'sync.fieldHistory': ({ table, rowId, column }, { store }) => fieldHistory(store, table, rowId, column),
  'sync.clockWarnings': (_input, { store }) => clockWarnings(store),
};
