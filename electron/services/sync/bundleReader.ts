import { createHash, type Hash } from 'node:crypto';
import { crc32, inflateRawSync } from 'node:zlib';
import { BundleError } from './bundleError.ts';
import {
  bundleKey,
  KIND_DATA,
  KIND_END,
  keyCheckMatches,
  openRecord,
  SIGNATURE_BYTES,
  signatureMessage,
  verifyMessage,
  type RegionKey,
} from './bundleCrypto.ts';
import { parseHeader, PREAMBLE_BYTES, readPreamble, type BundleHeader } from './bundleHeader.ts';
import { FRAME_HEADER_BYTES } from './bundleWriter.ts';
import { ByteQueue } from './byteQueue.ts';
import { resolveLimits, sealedChunkBound, TAG_BYTES, type BundleLimits } from './limits.ts';

type State = 'preamble' | 'header' | 'frame' | 'body' | 'done';

/**
 * Reads a bundle pushed in pieces (a whole file, or a file read a megabyte at a time) and
 * returns payload pieces as each chunk authenticates. Work and memory are bounded by the
 * limits before they are spent: the header, one sealed chunk and one inflated chunk at most.
 *
 * Pieces are authenticated by the region key as they come, but the sender's signature is
 * checked only at the end record: keep nothing durable until `end()` returns.
 * After the first error every call throws that same error.
 */
export class BundleReader {
  header: BundleHeader | undefined;
  /** Uncompressed payload bytes produced so far. */
  payloadBytes = 0;
  readonly #region: RegionKey;
  readonly #limits: BundleLimits;
  readonly #queue = new ByteQueue();
  #state: State = 'preamble';
  #error: BundleError | undefined;
  #headerLength = 0;
  #key: Buffer = Buffer.alloc(0);
  #headerHash: Buffer = Buffer.alloc(0);
  readonly #dataHash: Hash = createHash('sha256');
  #frame: Buffer = Buffer.alloc(0);
  #frameKind = KIND_DATA;
  #frameLength = 0;
  #index = 0;
  #sawShortChunk = false;

  constructor(region: RegionKey, limits: Partial<BundleLimits> = {}) {
    this.#region = region;
    this.#limits = resolveLimits(limits);
  }

  get done(): boolean {
    return this.#state === 'done';
  }

  push(bytes: Uint8Array): Buffer[] {
    return this.#guard(() => {
      this.#queue.push(bytes);
      const out = this.#run(false);
      this.#queue.own();
      return out;
    });
  }

  /** The input is over: throws 'truncated' unless the whole bundle, signature included, was read. */
  end(): void {
    this.#guard(() => {
      this.#run(true);
      if (this.#state !== 'done') throw new BundleError('truncated', `file ends in state ${this.#state}`);
    });
  }

  #guard<T>(fn: () => T): T {
    if (this.#error) throw this.#error;
    try {
      return fn();
    } catch (e) {
      // Anything unforeseen from a hostile file still reads as damage, never a crash.
      this.#error = e instanceof BundleError ? e : new BundleError('damaged', `unexpected: ${String(e)}`);
      throw this.#error;
    }
  }

  #run(complete: boolean): Buffer[] {
    const out: Buffer[] = [];
    const q = this.#queue;
    for (;;) {
      switch (this.#state) {
        case 'preamble': {
          const length = readPreamble(q.peek(Math.min(q.length, PREAMBLE_BYTES)), this.#limits, complete);
          if (length === null) return out;
          this.#headerLength = length;
          this.#state = 'header';
          break;
        }
        case 'header': {
          const size = PREAMBLE_BYTES + this.#headerLength;
          if (q.length < size) return this.#short(complete, out, 'inside the header');
          this.#openHeader(q.take(size));
          this.#state = 'frame';
          break;
        }
        case 'frame': {
          if (q.length < FRAME_HEADER_BYTES)
            return this.#short(complete, out, `before record ${this.#index}`);
          this.#readFrameHeader(q.take(FRAME_HEADER_BYTES));
          this.#state = 'body';
          break;
        }
        case 'body': {
          if (q.length < this.#frameLength) return this.#short(complete, out, `inside record ${this.#index}`);
          const sealed = q.take(this.#frameLength);
          if (this.#frameKind === KIND_END) {
            this.#verifyEnd(sealed);
            this.#state = 'done';
          } else {
            out.push(this.#openChunk(sealed));
            this.#state = 'frame';
          }
          break;
        }
        case 'done':
          if (q.length > 0) throw new BundleError('damaged', 'bytes after the end record');
          return out;
      }
    }
  }

  #short(complete: boolean, out: Buffer[], where: string): Buffer[] {
    if (complete) throw new BundleError('truncated', `file ends ${where}`);
    return out;
  }

  #openHeader(bytes: Buffer): void {
    const header = parseHeader(bytes, this.#limits);
    this.header = header;
    const named = { regionName: header.regionId };
    if (header.regionId !== this.#region.regionId)
      throw new BundleError('other_region', `region ${header.regionId}`, named);
    // The key check settles "wrong passphrase" before any chunk is touched.
    if (!keyCheckMatches(this.#region, header.keyCheck))
      throw new BundleError('wrong_key', 'key check value differs');
    this.#headerHash = createHash('sha256').update(bytes).digest();
    this.#key = bundleKey(this.#region, Buffer.from(header.bundleSalt, 'base64'));
  }

  #readFrameHeader(frame: Buffer): void {
    if (crc32(frame.subarray(0, 5)) !== frame.readUInt32BE(5))
      throw new BundleError('damaged', `record ${this.#index} framing fails its check`);
    const kind = frame[0]!;
    const length = frame.readUInt32BE(1);
    if (kind === KIND_DATA) {
      if (this.#index >= this.#limits.maxChunks)
        throw new BundleError('too_large', `more than ${this.#limits.maxChunks} chunks`, {
          limit: `more than ${this.#limits.maxChunks} chunks`,
        });
      if (this.#sawShortChunk) throw new BundleError('damaged', `chunk ${this.#index} follows a short chunk`);
      if (length <= TAG_BYTES || length > sealedChunkBound(this.header!.chunkBytes))
        throw new BundleError('damaged', `chunk ${this.#index} claims ${length} bytes`);
    } else if (kind === KIND_END) {
      if (length !== SIGNATURE_BYTES + TAG_BYTES)
        throw new BundleError('damaged', `end record claims ${length} bytes`);
    } else {
      throw new BundleError('damaged', `record ${this.#index} has unknown kind ${kind}`);
    }
    this.#frame = Buffer.from(frame); // a copy: it is hashed after the caller's buffer may be reused
    this.#frameKind = kind;
    this.#frameLength = length;
  }

  #openChunk(sealed: Buffer): Buffer {
    const index = this.#index;
    const compressed = openRecord(this.#key, this.#headerHash, index, KIND_DATA, sealed);
    if (!compressed) throw new BundleError('damaged', `chunk ${index} fails authentication`);
    this.#dataHash.update(this.#frame).update(sealed);
    const chunkBytes = this.header!.chunkBytes;
    const room = this.#limits.maxPayloadBytes - this.payloadBytes;
    const tooLarge = new BundleError('too_large', `payload beyond ${this.#limits.maxPayloadBytes} bytes`, {
      limit: `unpacks to more than ${this.#limits.maxPayloadBytes} bytes`,
    });
    if (room <= 0) throw tooLarge;
    // A hard output cap: a bomb stops after at most one chunk's worth of inflating.
    const cap = Math.min(chunkBytes, room);
    let plain: Buffer;
    try {
      plain = inflateRawSync(compressed, { maxOutputLength: cap });
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE')
        throw new BundleError('damaged', `chunk ${index} does not unpack`);
      throw cap < chunkBytes
        ? tooLarge
        : new BundleError('too_large', `chunk ${index} unpacks beyond ${chunkBytes} bytes`, {
            limit: 'a part unpacks larger than it declares',
          });
    }
    if (plain.length === 0) throw new BundleError('damaged', `chunk ${index} is empty`);
    if (plain.length < chunkBytes) this.#sawShortChunk = true;
    this.payloadBytes += plain.length;
    this.#index++;
    return plain;
  }

  #verifyEnd(sealed: Buffer): void {
    const signature = openRecord(this.#key, this.#headerHash, this.#index, KIND_END, sealed);
    if (!signature) throw new BundleError('damaged', 'end record fails authentication');
    // The end record authenticated under the region key, so it is no accident: a signature
    // that fails here was made by another key on purpose.
    const message = signatureMessage(this.#headerHash, this.#dataHash.digest(), this.#index);
    if (!verifyMessage(this.header!.senderPublicKey, message, signature))
      throw new BundleError('bad_signature', 'Ed25519 signature fails');
  }
}
