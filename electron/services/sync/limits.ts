import { PamojaError } from '../../../shared/errors.ts';

/**
 * Caps a bundle reader enforces before it does work that grows with them, so a hostile or
 * broken file cannot exhaust memory or time before it is authenticated.
 */
export interface BundleLimits {
  /** Bytes of the public JSON header. */
  maxHeaderBytes: number;
  /** Largest uncompressed chunk a bundle may declare (the reader holds one chunk at a time). */
  maxChunkBytes: number;
  /** Data chunks in one bundle. */
  maxChunks: number;
  /** Total uncompressed payload. */
  maxPayloadBytes: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export const DEFAULT_BUNDLE_LIMITS: Readonly<BundleLimits> = Object.freeze({
  maxHeaderBytes: 64 * KiB,
  maxChunkBytes: 16 * MiB,
  maxChunks: 65_536,
  maxPayloadBytes: 2 * GiB,
});

/** Uncompressed bytes per chunk the writer uses unless told otherwise. */
export const DEFAULT_CHUNK_BYTES = 1 * MiB;

/** The length fields are 32-bit; no cap may reach past them. */
const MAX_U32 = 0xffff_ffff;

export function resolveLimits(partial: Partial<BundleLimits> = {}): BundleLimits {
  const limits = { ...DEFAULT_BUNDLE_LIMITS, ...partial };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new PamojaError('invalid', `Bundle limit ${name} must be a positive whole number, got ${value}`);
  }
  if (limits.maxHeaderBytes > MAX_U32 || sealedChunkBound(limits.maxChunkBytes) > MAX_U32)
    throw new PamojaError('invalid', 'Bundle limits exceed what the format can express');
  return limits;
}

/** GCM tag bytes at the end of every sealed record. */
export const TAG_BYTES = 16;

/**
 * The most bytes a sealed chunk of `chunkBytes` uncompressed bytes can take: zlib's
 * conservative deflate bound (incompressible data grows a little), plus the GCM tag.
 * A frame claiming more is damaged; the reader never buffers beyond this.
 */
export function sealedChunkBound(chunkBytes: number): number {
  return chunkBytes + Math.ceil(chunkBytes / 8) + Math.ceil(chunkBytes / 64) + 64 + TAG_BYTES;
}

/**
 * Caps on the change list inside a bundle (electron/services/sync/payloadStream.ts), each
 * checked when a length or count is announced, before the bytes it announces are awaited:
 * import holds at most one span's bytes and its decoded changes at a time.
 */
export interface StreamLimits {
  /** The knowledge block at the start. */
  maxMetaBytes: number;
  maxSpanHeadBytes: number;
  /** Encoded bytes of one span's body. */
  maxSpanBytes: number;
  /** Changes in one span (the writer makes about 32K). */
  maxSpanChanges: number;
  maxSpans: number;
  /** Changes in one bundle: a country holds about 4.3 million. */
  maxChanges: number;
}

export const DEFAULT_STREAM_LIMITS: Readonly<StreamLimits> = Object.freeze({
  maxMetaBytes: 16 * MiB,
  maxSpanHeadBytes: 4 * KiB,
  maxSpanBytes: 16 * MiB,
  maxSpanChanges: 65_536,
  maxSpans: 1_000_000,
  maxChanges: 64_000_000,
});
