/**
 * The bundle file: the container a region's changes travel in between laptops. Its payload
 * is opaque bytes here (the sync engine decides what goes in); this module makes it
 * compressed, encrypted with the region key, signed by the sending device, and safe to
 * read when hostile. Format: docs/bundle-format.md.
 */
import { open } from 'node:fs/promises';
import { BundleError } from './bundleError.ts';
import type { DeviceIdentity, RegionKey } from './bundleCrypto.ts';
import {
  parseHeader,
  PREAMBLE_BYTES,
  readPreamble,
  type BundleHeader,
  type BundleHeaderInput,
} from './bundleHeader.ts';
import { BundleReader } from './bundleReader.ts';
import { BundleWriter, type BundleWriterOptions } from './bundleWriter.ts';
import { resolveLimits, type BundleLimits } from './limits.ts';

export { BundleError, bundleErrorReasons, type BundleErrorReason } from './bundleError.ts';
export { keyCheckValue, type DeviceIdentity, type RegionKey } from './bundleCrypto.ts';
export {
  BUNDLE_FORMAT_VERSION,
  bundleKinds,
  type BundleAbout,
  type BundleHeader,
  type BundleInfo,
  type BundleHeaderInput,
  type BundleKind,
} from './bundleHeader.ts';
export { BundleReader } from './bundleReader.ts';
export { BundleWriter, type BundleWriterOptions } from './bundleWriter.ts';
export { DEFAULT_BUNDLE_LIMITS, type BundleLimits } from './limits.ts';
export { BUNDLE_TEMP_SUFFIX, isPartialWrite, removeStalePartials, writeBundleFile } from './atomicWrite.ts';

/** Compresses, encrypts and signs `payload` into one bundle file's bytes. */
export function encodeBundle(
  header: BundleHeaderInput,
  payload: Uint8Array,
  region: RegionKey,
  sender: DeviceIdentity,
  options: BundleWriterOptions = {},
): Buffer {
  const writer = new BundleWriter(header, region, sender, options);
  const parts = [...writer.write(payload), ...writer.end()];
  return Buffer.concat(parts);
}

/**
 * The file bytes of a bundle whose payload comes in pieces, produced a chunk at a time: for
 * exports too large to hold twice in memory (pass it to writeBundleFile).
 */
export function* encodeBundleStream(
  header: BundleHeaderInput,
  pieces: Iterable<Uint8Array>,
  region: RegionKey,
  sender: DeviceIdentity,
  options: BundleWriterOptions = {},
): Generator<Buffer> {
  const writer = new BundleWriter(header, region, sender, options);
  for (const piece of pieces) yield* writer.write(piece);
  yield* writer.end();
}

/** Verifies, decrypts and unpacks a whole bundle. Throws BundleError, and nothing else, on bad input. */
export function decodeBundle(
  bytes: Uint8Array,
  region: RegionKey,
  limits: Partial<BundleLimits> = {},
): { header: BundleHeader; payload: Uint8Array } {
  const reader = new BundleReader(region, limits);
  const pieces = reader.push(bytes);
  reader.end();
  const payload = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, reader.payloadBytes);
  return { header: reader.header!, payload };
}

/** The public header, read without the key. Needs only the file's first bytes (see headerReadBytes). */
export function inspectBundle(bytes: Uint8Array, limits: Partial<BundleLimits> = {}): BundleHeader {
  const resolved = resolveLimits(limits);
  const length = readPreamble(bytes, resolved, true)!;
  const size = PREAMBLE_BYTES + length;
  if (bytes.length < size) throw new BundleError('truncated', 'file ends inside the header');
  return parseHeader(Buffer.from(bytes.buffer, bytes.byteOffset, size), resolved);
}

/** How many leading bytes of a file inspectBundle may need. */
export function headerReadBytes(limits: Partial<BundleLimits> = {}): number {
  return PREAMBLE_BYTES + resolveLimits(limits).maxHeaderBytes;
}

/** Reads only the start of a file and returns its header (for listing a USB mailbox). */
export async function inspectBundleFile(
  path: string,
  limits: Partial<BundleLimits> = {},
): Promise<BundleHeader> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(headerReadBytes(limits));
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) break;
    }
    return inspectBundle(buffer.subarray(0, filled), limits);
  } finally {
    await handle.close();
  }
}

/** Reads and decodes a bundle file a megabyte at a time (it is never held twice in memory). */
export async function readBundleFile(
  path: string,
  region: RegionKey,
  limits: Partial<BundleLimits> = {},
): Promise<{ header: BundleHeader; payload: Uint8Array }> {
  const reader = new BundleReader(region, limits);
  const pieces: Buffer[] = [];
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      for (const piece of reader.push(buffer.subarray(0, bytesRead))) pieces.push(piece);
    }
  } finally {
    await handle.close();
  }
  reader.end();
  return {
    header: reader.header!,
    payload: pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, reader.payloadBytes),
  };
}
