import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { fromZodError } from '../../../shared/errors.ts';
import { BundleError } from './bundleError.ts';
import type { BundleLimits } from './limits.ts';

/**
 * The public part of a bundle file: magic, format version, and a length-prefixed JSON header
 * readable without the region key. Layout in docs/bundle-format.md.
 */
export const BUNDLE_FORMAT_VERSION = 2;

/** "\x89PMJB\r\n\x1a", PNG-style: the high byte and CR LF catch files mangled as text by mail. */
export const MAGIC = Buffer.from([0x89, 0x50, 0x4d, 0x4a, 0x42, 0x0d, 0x0a, 0x1a]);
/** magic 8 ‖ version u16 ‖ header length u32 ‖ crc32(length) u32 ‖ crc32(header JSON) u32 */
export const PREAMBLE_BYTES = 22;

export const bundleKinds = ['peer', 'full', 'selective'] as const;
export type BundleKind = (typeof bundleKinds)[number];

const b64 = (bytes: number) =>
  z
    .string()
    .length(4 * Math.ceil(bytes / 3))
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes, `must be ${bytes} bytes in base64`);
const name = z.string().min(1).max(200);

const HeaderSchema = z.object({
  format: z.literal('pamoja-bundle'),
  version: z.number().int(),
  regionId: name,
  senderDevice: name,
  /** base64 of the raw 32-byte Ed25519 public key that signed this bundle. */
  senderPublicKey: b64(32),
  createdAt: z.iso.datetime({ offset: true }),
  kind: z.enum(bundleKinds),
  forDevice: name.optional(),
  /** scrypt salt of the region key (base64), so a coach with the passphrase can join from this file. */
  regionSalt: b64(16).optional(),
  /** log2 of scrypt's N for the region key (absent: 15, a region from before format 2); only 15 or 17. */
  regionKdf: z.union([z.literal(15), z.literal(17)]).optional(),
  /** Per-bundle HKDF salt (base64): every bundle is encrypted under its own key. */
  bundleSalt: b64(32),
  /** Proves the reader holds the right region key before any chunk is opened. */
  keyCheck: b64(16),
  /** Uncompressed bytes per data chunk; every chunk but the last holds exactly this many. */
  chunkBytes: z.number().int().min(1),
});

export type BundleHeader = z.infer<typeof HeaderSchema>;

/**
 * What a bundle says about itself only inside its encrypted part (the change list's meta):
 * names are not needed to pick the key, so a stick found in the street shows none of them.
 */
export interface BundleAbout {
  regionName: string;
  senderName: string;
  /** What a selective bundle holds (cluster names). */
  scope?: string;
}

/** The public header with what the encrypted part said (after an import or export). */
export type BundleInfo = BundleHeader & BundleAbout;
/** What a caller says about a bundle; the writer fills in the format and crypto fields. */
export type BundleHeaderInput = Omit<
  BundleHeader,
  | 'format'
  | 'version'
  | 'senderPublicKey'
  | 'regionSalt'
  | 'regionKdf'
  | 'bundleSalt'
  | 'keyCheck'
  | 'chunkBytes'
>;

/** Preamble + header JSON, validated; throws PamojaError for a header the writer must not emit. */
export function serializeHeader(header: BundleHeader, maxHeaderBytes: number): Buffer {
  const parsed = HeaderSchema.safeParse(header);
  if (!parsed.success) throw fromZodError(parsed.error, 'bundle header');
  const json = Buffer.from(JSON.stringify(parsed.data), 'utf8');
  if (json.length > maxHeaderBytes)
    throw new BundleError('too_large', `header of ${json.length} bytes`, {
      limit: `header over ${maxHeaderBytes} bytes`,
    });
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(preamble, 0);
  preamble.writeUInt16BE(BUNDLE_FORMAT_VERSION, 8);
  preamble.writeUInt32BE(json.length, 10);
  preamble.writeUInt32BE(crc32(preamble.subarray(10, 14)), 14);
  preamble.writeUInt32BE(crc32(json), 18);
  return Buffer.concat([preamble, json]);
}

/**
 * Checks as much of the preamble as `bytes` holds and returns the header JSON length, or null
 * when more bytes are needed (or, if `complete`, throws 'truncated'). Refuses an oversize
 * header before anything waits for it.
 */
export function readPreamble(bytes: Uint8Array, limits: BundleLimits, complete: boolean): number | null {
  const magicSeen = Math.min(bytes.length, MAGIC.length);
  for (let i = 0; i < magicSeen; i++)
    if (bytes[i] !== MAGIC[i]) throw new BundleError('not_bundle', 'magic bytes differ');
  if (bytes.length >= 10) {
    const version = (bytes[8]! << 8) | bytes[9]!;
    if (version > BUNDLE_FORMAT_VERSION)
      throw new BundleError('newer_version', `format version ${version}`, { version });
    if (version === 0) throw new BundleError('damaged', 'format version 0');
    // Format 1 carried changes no author had signed: refused, whatever else it holds.
    if (version < BUNDLE_FORMAT_VERSION)
      throw new BundleError('older_version', `format version ${version}`, { version });
  }
  if (bytes.length < PREAMBLE_BYTES) {
    if (complete) throw new BundleError('truncated', `file ends inside the preamble at byte ${bytes.length}`);
    return null;
  }
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, PREAMBLE_BYTES);
  if (crc32(view.subarray(10, 14)) !== view.readUInt32BE(14))
    throw new BundleError('damaged', 'header length fails its check');
  const length = view.readUInt32BE(10);
  if (length > limits.maxHeaderBytes)
    throw new BundleError('too_large', `header of ${length} bytes`, {
      limit: `header over ${limits.maxHeaderBytes} bytes`,
    });
  if (length < 2) throw new BundleError('damaged', `header of ${length} bytes`);
  return length;
}

/** Parses the header from exactly the preamble and its JSON. */
export function parseHeader(bytes: Buffer, limits: BundleLimits): BundleHeader {
  const json = bytes.subarray(PREAMBLE_BYTES);
  if (crc32(json) !== bytes.readUInt32BE(18)) throw new BundleError('damaged', 'header fails its check');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new BundleError('damaged', 'header is not JSON');
  }
  const parsed = HeaderSchema.safeParse(value);
  if (!parsed.success) throw new BundleError('damaged', `header: ${fromZodError(parsed.error).message}`);
  const header = parsed.data;
  if (header.version !== BUNDLE_FORMAT_VERSION)
    throw new BundleError(
      'damaged',
      `header says version ${header.version}, preamble ${BUNDLE_FORMAT_VERSION}`,
    );
  if (header.chunkBytes > limits.maxChunkBytes)
    throw new BundleError('too_large', `chunks of ${header.chunkBytes} bytes`, {
      limit: `chunks over ${limits.maxChunkBytes} bytes`,
    });
  return header;
}
