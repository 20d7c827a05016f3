import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';
import type { Store } from '../../db/store.ts';
import { keyCheckMatches, type RegionKey } from './bundleCrypto.ts';
import {
  BundleError,
  BundleReader,
  BundleWriter,
  DEFAULT_BUNDLE_LIMITS,
  headerReadBytes,
  inspectBundle,
  type BundleAbout,
  type BundleHeader,
  type BundleInfo,
} from './bundleFile.ts';
import { writeFileAtomicSync } from './atomicWrite.ts';
import { aboutOf, payloadPieces, preparePayload, sealForExport, type ExportSpec } from './exportChanges.ts';
import { checkSender, currentRegion, deviceIdentity, regionKeyFromPassphrase } from './identity.ts';
import { ImportSession, type ImportResult } from './importChanges.ts';
import { getPeer } from './knowledgeStore.ts';
import { DEFAULT_STREAM_LIMITS } from './limits.ts';
import { PayloadParser } from './payloadStream.ts';
import { offerPassphrase, openVault } from '../secrets/vault.ts';
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
  header: BundleInfo;
}

/**
 * Signs this laptop's new changes, then builds, seals and atomically writes a bundle a span
 * at a time inside one read transaction (a consistent snapshot while the app keeps writing;
 * memory holds one span and one chunk whatever the bundle's size). Logs the export.
 */
export async function exportBundle(
  store: Store,
  spec: ExportSpec,
  outPath: string,
  progress?: Progress,
): Promise<ExportOutcome> {
  const region = requireRegion(store);
  sealForExport(store, progress);
  const identity = deviceIdentity(store);
  const { header, bytes, stats } = store.db.transaction(() => {
    const prepared = preparePayload(store, spec);
    const writer = new BundleWriter(
      {
        regionId: region.regionId,
        senderDevice: store.deviceId,
        createdAt: new Date(store.clock.now()).toISOString(),
        kind: spec.kind,
        ...(spec.kind === 'peer' && spec.forDevice ? { forDevice: spec.forDevice } : {}),
      },
      region.key,
      identity,
    );
    function* file(): Generator<Buffer> {
      for (const piece of payloadPieces(store, prepared, progress)) yield* writer.write(piece);
      yield* writer.end();
    }
    const bytes = writeFileAtomicSync(outPath, file());
    const info: BundleInfo = { ...writer.header, ...aboutOf(store, prepared.stats) };
    return { header: info, bytes, stats: prepared.stats };
  })();
  const forName = spec.kind === 'peer' && spec.forDevice ? (getPeer(store, spec.forDevice)?.name ?? '') : '';
  store.db.transaction(() =>
    logSync(store, {
      at: header.createdAt,
      action: 'export',
      file: basename(outPath),
      kind: spec.kind,
      deviceId: spec.kind === 'peer' ? (spec.forDevice ?? '') : '',
      deviceName: forName,
      changes: stats.changes,
      counts: stats.tables,
      outcome: 'ok',
      message: stats.scope ?? '',
    }),
  )();
  return { file: outPath, bytes, changes: stats.changes, tables: stats.tables, header };
}

export interface ImportOutcome extends ImportResult {
  file: string;
  /** The public header, with the names its encrypted part carried. */
  header: BundleInfo;
  /** True when this import made the laptop join the bundle's region. */
  joined: boolean;
}

/** Fills `into` from the start and returns how many bytes it got (0 at the end). */
type ByteSource = (into: Buffer) => number;

interface ImportOptions {
  passphrase?: string;
  progress?: Progress;
}

/** Reads a bundle file piece by piece and imports it (it is never held whole in memory). */
export async function importBundleFile(
  store: Store,
  path: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new PamojaError('not_found', `No bundle at ${path}.`);
  }
  if (size > DEFAULT_BUNDLE_LIMITS.maxPayloadBytes)
    throw new BundleError('too_large', `file of ${size} bytes`, { limit: 'file over 2 GiB' });
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new PamojaError('not_found', `No bundle at ${path}.`);
  }
  try {
    return importFrom(store, (into) => readSync(fd, into, 0, into.length, null), size, {
      ...options,
      file: basename(path),
    });
  } finally {
    closeSync(fd);
  }
}

/** Imports a bundle already in memory (mail, a USB mailbox file), all-or-nothing. */
export function importBundleBytes(
  store: Store,
  bytes: Uint8Array,
  options: ImportOptions & { file: string },
): ImportOutcome {
  let at = 0;
  const source: ByteSource = (into) => {
    const n = Math.min(into.length, bytes.length - at);
    into.set(bytes.subarray(at, at + n));
    at += n;
    return n;
  };
  return importFrom(store, source, bytes.length, options);
}

// Small reads: progress (and the cancellation check) comes at least this often.
const READ_BYTES = 64 * 1024;

/**
 * Opens and imports one bundle, all-or-nothing, streaming: the public header picks the key,
 * then the file is read a megabyte at a time, each chunk authenticated, each span checked
 * against its author's key and applied, inside one write transaction that commits only
 * after the sender's signature over the whole file holds. A laptop that has not joined a
 * region yet joins the bundle's with the passphrase in that same transaction, so a bundle
 * that fails leaves no trace but a line in the sync log.
 */
function importFrom(
  store: Store,
  source: ByteSource,
  size: number,
  options: ImportOptions & { file: string },
): ImportOutcome {
  let header: BundleHeader | undefined;
  try {
    const hash = createHash('sha256');
    const first = readUpTo(source, headerReadBytes(), hash);
    header = inspectBundle(first);
    const opened = header;
    const member = currentRegion(store);
    let region = member?.key;
    let join: ((about: BundleAbout) => void) | undefined;
    if (!region) {
      region = keyFromPassphrase(opened, options.passphrase);
      const key = region;
      const passphrase = options.passphrase!;
      join = (about: BundleAbout) => rememberRegion(store, about.regionName, key, passphrase);
      // The passphrase proved itself (key check): the vault is made and this laptop's signing
      // key sealed now, outside the import's transaction, where the clear copy can be wiped.
      offerPassphrase(store, passphrase);
      openVault(store, true);
    }
    // A refusal names the laptop the bundle pretends to come from, as this laptop knows it.
    const known = store.statements
      .get('SELECT name FROM devices WHERE device_id = ?')
      .get(opened.senderDevice) as { name: string } | undefined;
    checkSender(opened, known?.name);
    options.progress?.(0, size, 'Opening the bundle');
    const key = region;
    let read = first.length;
    // Reported after each span (and the cancellation point, inside the one transaction).
    const merging = () => options.progress?.(read, size, 'Merging changes');
    const result = store.write(() => {
      const session = new ImportSession(
        store,
        {
          senderDevice: opened.senderDevice,
          senderName: '',
          senderPublicKey: opened.senderPublicKey,
          createdAt: opened.createdAt,
          kind: opened.kind,
          file: options.file,
          regionId: opened.regionId,
        },
        merging,
      );
      const parser = new PayloadParser(DEFAULT_STREAM_LIMITS, session);
      const reader = new BundleReader(key);
      for (const piece of reader.push(first)) parser.push(piece);
      const buffer = Buffer.alloc(READ_BYTES);
      for (;;) {
        const n = source(buffer);
        if (n === 0) break;
        const bytes = buffer.subarray(0, n);
        hash.update(bytes);
        for (const piece of reader.push(bytes)) parser.push(piece);
        read += n;
        merging();
      }
      reader.end();
      parser.end();
      const r = session.finish(join, hash.digest('hex'));
      return { ...r, header: { ...opened, ...session.about } };
    });
    return { ...result, file: options.file, joined: join !== undefined };
  } catch (e) {
    logFailure(store, options.file, header, e);
    throw e;
  }
}

/** Up to `n` bytes from the start of the source (fewer only at its end). */
function readUpTo(source: ByteSource, n: number, hash: Hash): Buffer {
  const buffer = Buffer.alloc(n);
  let filled = 0;
  while (filled < n) {
    const got = source(buffer.subarray(filled));
    if (got === 0) break;
    filled += got;
  }
  const first = buffer.subarray(0, filled);
  hash.update(first);
  return first;
}

function keyFromPassphrase(header: BundleHeader, passphrase: string | undefined): RegionKey {
  if (!passphrase)
    throw new PamojaError(
      'unavailable',
      `This laptop has not joined the region ${header.regionId} yet: give its passphrase to import this bundle.`,
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
    header.regionKdf ?? 15,
  );
  if (!keyCheckMatches(region, header.keyCheck))
    throw new BundleError('wrong_key', 'key check value differs');
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
        deviceName: header ? (getPeer(store, header.senderDevice)?.name ?? '') : '',
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
