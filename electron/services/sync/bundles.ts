import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';
import { PayloadFormatError } from '../../../shared/sync/bytes.ts';
import { decodePayload } from '../../../shared/sync/payload.ts';
import type { Store } from '../../db/store.ts';
import { keyCheckMatches, type RegionKey } from './bundleCrypto.ts';
import {
  BundleError,
  DEFAULT_BUNDLE_LIMITS,
  decodeBundle,
  encodeBundle,
  inspectBundle,
  writeBundleFile,
  type BundleHeader,
} from './bundleFile.ts';
import { buildPayload, type ExportSpec } from './exportChanges.ts';
import { checkSenderKey, currentRegion, deviceIdentity, regionKeyFromPassphrase } from './identity.ts';
import { applyPayload, type ImportResult } from './importChanges.ts';
import { getPeer } from './knowledgeStore.ts';
import { rememberRegion } from './regionSecret.ts';
import { logSync } from './syncLog.ts';

type Progress = (done: number, total: number, label?: string) => void;

/** The name this laptop signs its bundles with: the name given when joining, else the computer's. */
export function deviceName(store: Store): string {
  const row = store.statements.get('SELECT name FROM devices WHERE is_self = 1').get() as
    { name: string } | undefined;
  return row?.name || hostname();
}

export function setDeviceName(store: Store, name: string): void {
  store.statements.get('UPDATE devices SET name = ? WHERE is_self = 1').run(name.trim());
}

function requireRegion(store: Store): { regionId: string; regionName: string; key: RegionKey } {
  const region = currentRegion(store);
  if (!region)
    throw new PamojaError(
      'unavailable',
      'This laptop has not joined a region yet: join with the region passphrase or an invitation first.',
    );
  return region;
}

export interface ExportOutcome {
  file: string;
  bytes: number;
  changes: number;
  tables: Record<string, number>;
  header: BundleHeader;
}

/** Builds, seals and atomically writes a bundle; logs the export. */
export async function exportBundle(
  store: Store,
  spec: ExportSpec,
  outPath: string,
  progress?: Progress,
): Promise<ExportOutcome> {
  const region = requireRegion(store);
  const built = buildPayload(store, spec, progress);
  const bytes = encodeBundle(
    {
      regionId: region.regionId,
      regionName: region.regionName,
      senderDevice: store.deviceId,
      senderName: deviceName(store),
      createdAt: new Date(store.clock.now()).toISOString(),
      kind: spec.kind,
      ...(spec.kind === 'peer' && spec.forDevice ? { forDevice: spec.forDevice } : {}),
      ...(built.scope ? { scope: built.scope } : {}),
    },
    built.payload,
    region.key,
    deviceIdentity(store),
  );
  await writeBundleFile(outPath, bytes);
  const header = inspectBundle(bytes);
  const forName = spec.kind === 'peer' && spec.forDevice ? (getPeer(store, spec.forDevice)?.name ?? '') : '';
  store.db.transaction(() =>
    logSync(store, {
      at: header.createdAt,
      action: 'export',
      file: basename(outPath),
      kind: spec.kind,
      deviceId: spec.kind === 'peer' ? (spec.forDevice ?? '') : '',
      deviceName: forName,
      changes: built.changes,
      counts: built.tables,
      outcome: 'ok',
      message: built.scope ?? '',
    }),
  )();
  return { file: outPath, bytes: bytes.length, changes: built.changes, tables: built.tables, header };
}

export interface ImportOutcome extends ImportResult {
  file: string;
  header: BundleHeader;
  /** True when this import made the laptop join the bundle's region. */
  joined: boolean;
}

/** Reads a bundle file (refusing files larger than any bundle may be) and imports it. */
export async function importBundleFile(
  store: Store,
  path: string,
  options: { passphrase?: string; progress?: Progress } = {},
): Promise<ImportOutcome> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new PamojaError('not_found', `No bundle at ${path}.`);
  }
  if (size > DEFAULT_BUNDLE_LIMITS.maxPayloadBytes)
    throw new BundleError('too_large', `file of ${size} bytes`, { limit: 'file over 2 GiB' });
  return importBundleBytes(store, await readFile(path), { ...options, file: basename(path) });
}

/**
 * Opens and imports one bundle, all-or-nothing. A laptop that has not joined a region
 * yet joins the bundle's with the passphrase, in the same transaction as the import, so
 * a bundle that fails leaves no trace but a line in the sync log.
 */
export function importBundleBytes(
  store: Store,
  bytes: Uint8Array,
  options: { file: string; passphrase?: string; progress?: Progress },
): ImportOutcome {
  let header: BundleHeader | undefined;
  try {
    header = inspectBundle(bytes);
    const member = currentRegion(store);
    let region = member?.key;
    let join: (() => void) | undefined;
    if (!region) {
      region = keyFromPassphrase(header, options.passphrase);
      const key = region;
      const name = header.regionName;
      const passphrase = options.passphrase;
      join = () => rememberRegion(store, name, key, passphrase);
    }
    options.progress?.(0, 1, 'Opening the bundle');
    const opened = decodeBundle(bytes, region);
    header = opened.header;
    checkSenderKey(header, getPeer(store, header.senderDevice)?.publicKey);
    let decoded;
    try {
      decoded = decodePayload(opened.payload);
    } catch (e) {
      if (e instanceof PayloadFormatError)
        throw new PamojaError('invalid', `This bundle's list of changes cannot be read: ${e.message}.`);
      throw e;
    }
    const result = applyPayload(
      store,
      decoded,
      {
        senderDevice: header.senderDevice,
        senderName: header.senderName,
        senderPublicKey: header.senderPublicKey,
        createdAt: header.createdAt,
        kind: header.kind,
        file: options.file,
        bundleHash: createHash('sha256').update(bytes).digest('hex'),
      },
      options.progress,
      join,
    );
    return { ...result, file: options.file, header, joined: join !== undefined };
  } catch (e) {
    logFailure(store, options.file, header, e);
    throw e;
  }
}

function keyFromPassphrase(header: BundleHeader, passphrase: string | undefined): RegionKey {
  if (!passphrase)
    throw new PamojaError(
      'unavailable',
      `This laptop has not joined the region ${header.regionName || header.regionId} yet: give its passphrase to import this bundle.`,
    );
  if (!header.regionSalt)
    throw new PamojaError(
      'invalid',
      'This bundle cannot be opened with a passphrase alone: ask for an invitation file.',
    );
  const region = regionKeyFromPassphrase(
    header.regionId,
    passphrase,
    Buffer.from(header.regionSalt, 'base64'),
  );
  if (!keyCheckMatches(region, header.keyCheck))
    throw new BundleError('wrong_key', 'key check value differs', { regionName: header.regionName });
  return region;
}

function logFailure(store: Store, file: string, header: BundleHeader | undefined, e: unknown): void {
  try {
    store.db.transaction(() =>
      logSync(store, {
        at: new Date(store.clock.now()).toISOString(),
        action: 'import',
        file,
        kind: header?.kind ?? '',
        deviceId: header?.senderDevice ?? '',
        deviceName: header?.senderName ?? '',
        changes: 0,
        counts: {},
        outcome: 'failed',
        message: e instanceof Error ? e.message : String(e),
      }),
    )();
  } catch {
    // The log is a courtesy; never let it hide the import's own error.
  }
}
