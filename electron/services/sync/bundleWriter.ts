import { createHash, randomBytes, type Hash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { PamojaError } from '../../../shared/errors.ts';
import {
  BUNDLE_SALT_BYTES,
  bundleKey,
  KIND_DATA,
  KIND_END,
  keyCheckValue,
  sealRecord,
  signatureMessage,
  signMessage,
  type DeviceIdentity,
  type RecordKind,
  type RegionKey,
} from './bundleCrypto.ts';
import {
  BUNDLE_FORMAT_VERSION,
  serializeHeader,
  type BundleHeader,
  type BundleHeaderInput,
} from './bundleHeader.ts';
import { DEFAULT_BUNDLE_LIMITS, DEFAULT_CHUNK_BYTES } from './limits.ts';

export interface BundleWriterOptions {
  /** Uncompressed bytes per chunk (default 1 MiB); small values only for tests. */
  chunkBytes?: number;
  /** zlib level 0–9 (default 6). */
  level?: number;
}

/** kind u8 ‖ sealed length u32 ‖ crc32 of those 5 bytes: a damaged length reads as damaged, not as cut short. */
export const FRAME_HEADER_BYTES = 9;

export function frameHeader(kind: RecordKind, sealedLength: number): Buffer {
  const frame = Buffer.alloc(FRAME_HEADER_BYTES);
  frame.writeUInt8(kind, 0);
  frame.writeUInt32BE(sealedLength, 1);
  frame.writeUInt32BE(crc32(frame.subarray(0, 5)), 5);
  return frame;
}

/**
 * Writes a bundle as a stream: each call returns the file bytes ready so far, so a large
 * payload is compressed, encrypted and written a chunk at a time. Each chunk is deflated on
 * its own, which lets the reader inflate one chunk at a time under a hard output cap.
 */
export class BundleWriter {
  readonly header: BundleHeader;
  readonly #key: Buffer;
  readonly #headerHash: Buffer;
  readonly #dataHash: Hash = createHash('sha256');
  readonly #sender: DeviceIdentity;
  readonly #chunkBytes: number;
  readonly #level: number;
  #out: Buffer[] = [];
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #index = 0;
  #ended = false;

  constructor(
    input: BundleHeaderInput,
    region: RegionKey,
    sender: DeviceIdentity,
    options: BundleWriterOptions = {},
  ) {
    const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    if (
      !Number.isSafeInteger(chunkBytes) ||
      chunkBytes < 1 ||
      chunkBytes > DEFAULT_BUNDLE_LIMITS.maxChunkBytes
    )
      throw new PamojaError('invalid', `chunkBytes must be 1..${DEFAULT_BUNDLE_LIMITS.maxChunkBytes}`);
    if (input.regionId !== region.regionId)
      throw new PamojaError(
        'invalid',
        `The bundle header names region ${input.regionId} but the key is for ${region.regionId}`,
      );
    if (input.senderDevice !== sender.deviceId)
      throw new PamojaError('invalid', 'The bundle header must name the device that signs it');
    if (region.key.length !== 32) throw new PamojaError('invalid', 'A region key is 32 bytes');
    const bundleSalt = randomBytes(BUNDLE_SALT_BYTES);
    this.header = {
      ...input,
      format: 'pamoja-bundle',
      version: BUNDLE_FORMAT_VERSION,
      senderPublicKey: sender.publicKeyRaw,
      ...(region.salt === undefined ? {} : { regionSalt: region.salt }),
      ...(region.kdf === 17 ? { regionKdf: region.kdf } : {}),
      bundleSalt: bundleSalt.toString('base64'),
      keyCheck: keyCheckValue(region),
      chunkBytes,
    };
    const headerBytes = serializeHeader(this.header, DEFAULT_BUNDLE_LIMITS.maxHeaderBytes);
    this.#headerHash = createHash('sha256').update(headerBytes).digest();
    this.#key = bundleKey(region, bundleSalt);
    this.#sender = sender;
    this.#chunkBytes = chunkBytes;
    this.#level = options.level ?? 6;
    this.#out.push(headerBytes);
  }

  /** Adds payload bytes; returns the file bytes now ready, in order. */
  write(piece: Uint8Array): Buffer[] {
    if (this.#ended) throw new Error('BundleWriter.write after end');
    const chunk = this.#chunkBytes;
    let offset = 0;
    if (this.#pendingBytes > 0) {
      const take = Math.min(chunk - this.#pendingBytes, piece.length);
      this.#hold(piece.subarray(0, take));
      offset = take;
      if (this.#pendingBytes === chunk) this.#flushPending();
    }
    // Whole chunks straight from the caller's bytes: deflate reads them before we return.
    while (piece.length - offset >= chunk) {
      this.#sealData(piece.subarray(offset, offset + chunk));
      offset += chunk;
    }
    if (offset < piece.length) this.#hold(piece.subarray(offset));
    return this.#drain();
  }

  /** Seals the last chunk and the signature record; returns the remaining file bytes. */
  end(): Buffer[] {
    if (this.#ended) throw new Error('BundleWriter.end twice');
    if (this.#pendingBytes > 0) this.#flushPending();
    this.#ended = true;
    const message = signatureMessage(this.#headerHash, this.#dataHash.digest(), this.#index);
    const [body, tag] = sealRecord(
      this.#key,
      this.#headerHash,
      this.#index,
      KIND_END,
      signMessage(this.#sender, message),
    );
    this.#out.push(frameHeader(KIND_END, body.length + tag.length), body, tag);
    return this.#drain();
  }

  #hold(bytes: Uint8Array): void {
    this.#pending.push(Buffer.from(bytes)); // a copy: the caller may reuse its buffer
    this.#pendingBytes += bytes.length;
  }

  #flushPending(): void {
    const joined =
      this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending, this.#pendingBytes);
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#sealData(joined);
  }

  #sealData(plain: Uint8Array): void {
    const compressed = deflateRawSync(plain, { level: this.#level });
    const [body, tag] = sealRecord(this.#key, this.#headerHash, this.#index, KIND_DATA, compressed);
    const frame = frameHeader(KIND_DATA, body.length + tag.length);
    this.#dataHash.update(frame).update(body).update(tag);
    this.#out.push(frame, body, tag);
    this.#index++;
  }

  #drain(): Buffer[] {
    const out = this.#out;
    this.#out = [];
    return out;
  }
}
