import { dirname, join } from 'node:path';
import type { HandlerMap, OpsOf } from '../handlers.ts';
import { exportBundle, importBundleFile, type ImportOutcome } from './bundles.ts';
import { inspectBundleFile } from './bundleFile.ts';
import { writeInvitation } from './identity.ts';
import { storeDigest } from './digest.ts';
import { fieldHistory } from './fieldHistory.ts';
import { syncFolder } from './mailbox.ts';
import { readSyncLog } from './syncLog.ts';
import { clockWarnings, joinSyncRegion, syncDevices, syncStatus } from './service.ts';
import type { BundleHeader } from './bundleHeader.ts';
import { bundlesFolder } from '../shell/handlers.ts';
import { bundleTarget, existingBundle, existingFolder, ownFolder } from './places.ts';

const headerView = (h: BundleHeader) => ({
  regionId: h.regionId,
  regionName: h.regionName,
  senderDevice: h.senderDevice,
  senderName: h.senderName,
  createdAt: h.createdAt,
  kind: h.kind,
  version: h.version,
  ...(h.forDevice === undefined ? {} : { forDevice: h.forDevice }),
  ...(h.scope === undefined ? {} : { scope: h.scope }),
});

const importView = (r: ImportOutcome) => ({ ...r, header: headerView(r.header) });

export const syncHandlers: HandlerMap<OpsOf<'sync'>> = {
  'sync.status': (_input, { store }) => syncStatus(store),
  'sync.devices': (_input, { store }) => syncDevices(store),
  'sync.log': ({ limit }, { store }) => readSyncLog(store, limit),
  'sync.export': async (input, { store, dataDir, progress, files }) => {
    const stamp = new Date(store.clock.now()).toISOString().slice(0, 19).replaceAll(':', '-');
    const path = input.path
      ? await bundleTarget(files.resolve(input.path, 'write'))
      : join(await ownFolder(bundlesFolder(dataDir)), `pamoja-${input.kind}-${stamp}.pamoja`);
    const spec =
      input.kind === 'selective'
        ? { kind: input.kind, clusters: input.clusters ?? [], practices: input.practices ?? false }
        : input.kind === 'peer'
          ? { kind: input.kind, ...(input.forDevice ? { forDevice: input.forDevice } : {}) }
          : { kind: input.kind };
    const out = await exportBundle(store, spec, path, progress);
    const ref = files.grant(out.file, 'read');
    return { file: out.file, ref, bytes: out.bytes, changes: out.changes, tables: out.tables };
  },
  'sync.import': async ({ path, passphrase }, { store, progress, files }) =>
    importView(
      await importBundleFile(store, await existingBundle(files.resolve(path, 'read')), {
        ...(passphrase ? { passphrase } : {}),
        progress,
      }),
    ),
  'sync.inspect': async ({ path }, { files }) =>
    headerView(await inspectBundleFile(await existingBundle(files.resolve(path, 'read')))),
  'sync.folder': async ({ dir, passphrase }, { store, progress, files }) => {
    const r = await syncFolder(store, files.resolve(dir, 'folder'), {
      ...(passphrase ? { passphrase } : {}),
      progress,
    });
    return { ...r, imported: r.imported.map(importView) };
  },
  'sync.digest': (_input, { store }) => storeDigest(store),
  'sync.join': async (input, { store, files }) =>
    joinSyncRegion(
      store,
      'invitation' in input
        ? { ...input, invitation: await existingBundle(files.resolve(input.invitation, 'read')) }
        : input,
    ),
  'sync.invite': async ({ path, password }, { store, files }) => {
    const file = files.resolve(path, 'write');
    await existingFolder(dirname(file));
    await writeInvitation(store, file, password);
    return { file };
  },
  'sync.fieldHistory': ({ table, rowId, column }, { store }) => fieldHistory(store, table, rowId, column),
  'sync.clockWarnings': (_input, { store }) => clockWarnings(store),
};
