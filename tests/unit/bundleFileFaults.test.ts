import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleReader, decodeBundle, inspectBundle } from '../../electron/services/sync/bundleFile.ts';
import { checkSender, regionKeyFromPassphrase } from '../../electron/services/sync/identity.ts';
import {
  expectReason,
  forge,
  FRAME,
  frameBytes,
  headerBytes,
  layout,
  makeBundle,
  openChunks,
  PREAMBLE,
  rejection,
  samplePayload,
  testIdentity,
  testRegion,
} from './bundleFileHelpers.ts';

/** A bundle of 6 data chunks, small enough to try every cut and many flips. */
const base = makeBundle(samplePayload(5 * 1024 + 300, 11), { chunkBytes: 1024 });
const { frames, headerEnd } = layout(base.bytes);
const decode = (bytes: Uint8Array) => decodeBundle(bytes, base.region);

describe('truncation', () => {
  it('every cut at a record boundary reads as incomplete', () => {
    const boundaries = [0, 8, 10, PREAMBLE, headerEnd, ...frames.flatMap((f) => [f.start + FRAME, f.end])];
    for (const cut of boundaries.filter((b) => b < base.bytes.length)) {
      const error = expectReason(() => decode(base.bytes.subarray(0, cut)), 'truncated');
      expect(error.message).toContain(
        'incomplete — it may have been cut short when the USB stick was pulled',
      );
    }
  });

  it('every shorter prefix of the file, at any byte, reads as incomplete', () => {
    for (let cut = 0; cut < base.bytes.length; cut++)
      expectReason(() => decode(base.bytes.subarray(0, cut)), 'truncated');
  });

  it('a cut at a random point of a multi-MB bundle reads as incomplete', () => {
    const big = makeBundle(samplePayload(3 << 20, 5), { chunkBytes: 64 * 1024 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: big.bytes.length - 1 }), (cut) => {
        expect(rejection(() => decodeBundle(big.bytes.subarray(0, cut), big.region)).reason).toBe(
          'truncated',
        );
      }),
      { numRuns: 60 },
    );
  });

  it('inspect says truncated when the header itself is cut', () => {
    expectReason(() => inspectBundle(base.bytes.subarray(0, headerEnd - 1)), 'truncated');
    expect(inspectBundle(base.bytes.subarray(0, headerEnd)).regionId).toBe(base.region.regionId);
  });
});

describe('damage', () => {
  /** What a flip at `offset` must read as: magic → not a bundle, version → newer/damaged, else damaged. */
  const expected = (offset: number) =>
    offset < 8 ? ['not_bundle'] : offset < 10 ? ['newer_version', 'older_version', 'damaged'] : ['damaged'];

  it('a single flipped bit anywhere is caught with the right reason', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: base.bytes.length * 8 - 1 }), (bit) => {
        const bytes = Buffer.from(base.bytes);
        bytes[bit >> 3]! ^= 1 << (bit & 7);
        expect(expected(bit >> 3)).toContain(rejection(() => decode(bytes)).reason);
      }),
      { numRuns: 400 },
    );
  });

  it('a byte overwritten with any other value anywhere is caught with the right reason', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, x) => {
          const bytes = Buffer.from(base.bytes);
          bytes[at]! ^= x;
          expect(expected(at)).toContain(rejection(() => decode(bytes)).reason);
        },
      ),
      { numRuns: 300 },
    );
  });

  const record = (i: number) => base.bytes.subarray(frames[i]!.start, frames[i]!.end);
  const rebuild = (order: number[]) =>
    Buffer.concat([base.bytes.subarray(0, headerEnd), ...order.map(record)]);

  it('reordered, duplicated or dropped chunks are caught', () => {
    const end = frames.length - 1;
    expect(Buffer.compare(rebuild([0, 1, 2, 3, 4, 5, end]), base.bytes)).toBe(0);
    expectReason(() => decode(rebuild([1, 0, 2, 3, 4, 5, end])), 'damaged');
    expectReason(() => decode(rebuild([0, 1, 1, 2, 3, 4, 5, end])), 'damaged');
    expectReason(() => decode(rebuild([0, 1, 2, 3, 4, 5, 5, end])), 'damaged');
    expectReason(() => decode(rebuild([0, 1, 3, 4, 5, end])), 'damaged'); // a middle chunk lost
    expectReason(() => decode(rebuild([0, 1, 2, 3, 4, end])), 'damaged'); // the last chunk lost
    expectReason(() => decode(rebuild([0, 1, 2, 3, 4, 5, end, end])), 'damaged');
    expectReason(() => decode(Buffer.concat([base.bytes, Buffer.from([0])])), 'damaged');
  });

  it('chunks spliced in from another bundle of the same region are caught', () => {
    const other = makeBundle(samplePayload(5 * 1024 + 300, 11), {
      chunkBytes: 1024,
      region: base.region,
      sender: base.sender,
    });
    const otherFrames = layout(other.bytes).frames;
    const spliced = Buffer.concat([
      base.bytes.subarray(0, frames[2]!.start),
      other.bytes.subarray(otherFrames[2]!.start, otherFrames[3]!.end),
      base.bytes.subarray(frames[4]!.start),
    ]);
    expectReason(() => decode(spliced), 'damaged');
  });

  it('a header edited (with its check values fixed up) no longer opens its chunks', () => {
    const header = inspectBundle(base.bytes);
    for (const edit of [
      { senderDevice: 'someone-else' },
      { createdAt: '2027-01-01T00:00:00.000Z' },
      { kind: 'full' },
    ]) {
      const edited = Buffer.concat([headerBytes({ ...header, ...edit }), base.bytes.subarray(headerEnd)]);
      expect(inspectBundle(edited)).toMatchObject(edit); // the public header reads as edited…
      expectReason(() => decode(edited), 'damaged'); // …but the chunks are bound to the original
    }
  });

  it('a chunk that fails authentication reads as damaged and keeps the reader refusing', () => {
    const bytes = Buffer.from(base.bytes);
    bytes[frames[3]!.start + FRAME + 2]! ^= 0x10;
    const reader = new BundleReader(base.region);
    const error = rejection(() => reader.push(bytes));
    expect(error.reason).toBe('damaged');
    expect(error.detail).toContain('chunk 3');
    expect(error.message).toBe('This bundle is damaged and cannot be read. Ask the sender for a fresh copy.');
    expect(rejection(() => reader.end())).toBe(error);
  });
});

describe('identity and keys', () => {
  it('a bundle re-signed by another key is refused as a signature mismatch', () => {
    const header = inspectBundle(base.bytes);
    const forged = forge(header, openChunks(base.bytes, base.region), base.region, testIdentity('intruder'));
    const error = expectReason(() => decode(forged), 'bad_signature');
    expect(error.message).toBe("This bundle's signature does not match its sender. It was not imported.");
    // The spec-built copy signed by the real sender opens: only the key made the difference.
    expect(
      Buffer.from(
        decode(forge(header, openChunks(base.bytes, base.region), base.region, base.sender)).payload,
      ),
    ).toEqual(base.payload);
  });

  it('a bundle re-signed with the impostor key in its header opens, and the sender key check refuses it', () => {
    const intruder = testIdentity(base.sender.deviceId);
    const header = { ...inspectBundle(base.bytes), senderPublicKey: intruder.publicKeyRaw };
    const forged = forge(header, openChunks(base.bytes, base.region), base.region, intruder);
    const { header: read } = decode(forged);
    // The id is derived from the key: the genuine sender passes, the impostor cannot.
    expect(() => checkSender(inspectBundle(base.bytes))).not.toThrow();
    const error = expectReason(() => checkSender(read), 'key_changed');
    expect(error.message).toContain(`claims to come from ${base.sender.deviceId}`);
  });

  it("another region's bundle is refused, naming that region (by its id: names travel encrypted)", () => {
    const other = makeBundle(Buffer.from('x'), { region: testRegion('region-gicumbi') });
    const error = expectReason(() => decode(other.bytes), 'other_region');
    expect(error.message).toBe('This bundle belongs to another region (region-gicumbi).');
  });

  it('a wrong passphrase is told apart from damage, before any chunk is read', () => {
    const salt = Buffer.alloc(16, 7);
    const right = regionKeyFromPassphrase('region-kilifi', 'mangrove tide 42', salt);
    const wrong = regionKeyFromPassphrase('region-kilifi', 'mangrove tide 43', salt);
    const { bytes } = makeBundle(Buffer.from('notes'), { region: right });
    const error = expectReason(() => decodeBundle(bytes, wrong), 'wrong_key');
    expect(error.message).toBe('Wrong passphrase for this region.');
    // Chunks are never touched: a file whose chunks are all garbage still says "wrong passphrase".
    const garbage = Buffer.concat([bytes.subarray(0, layout(bytes).headerEnd), Buffer.alloc(500, 0x55)]);
    expectReason(() => decodeBundle(garbage, wrong), 'wrong_key');
    expect(Buffer.from(decodeBundle(bytes, right).payload).toString()).toBe('notes');
  });
});

describe('versions and foreign files', () => {
  it('a future format version is named as such, even if the rest is unreadable', () => {
    const future = Buffer.from(base.bytes);
    future.writeUInt16BE(3, 8);
    const error = expectReason(() => decode(future), 'newer_version');
    expect(error.message).toContain('made by a newer version of Pamoja (format 3)');
    expectReason(() => inspectBundle(future.subarray(0, 10)), 'newer_version');
    // A header claiming another version than its preamble is damage, not a newer file.
    const lying = Buffer.concat([
      headerBytes({ ...inspectBundle(base.bytes), version: 3 }),
      base.bytes.subarray(headerEnd),
    ]);
    expectReason(() => decode(lying), 'damaged');
  });

  it('a format-1 bundle (changes no author signed) is refused: update that laptop', () => {
    const old = Buffer.from(base.bytes);
    old.writeUInt16BE(1, 8);
    const error = expectReason(() => decode(old), 'older_version');
    expect(error.message).toBe(
      'This bundle was made by an older Pamoja: update that laptop, then make a new bundle there.',
    );
    expectReason(() => inspectBundle(old.subarray(0, 10)), 'older_version');
  });

  it('files that are not bundles say so', () => {
    for (const text of ['%PDF-1.7\n', 'PK\u0003\u0004', '{"tbl":"x"}', 'hello world, this is a text file']) {
      const error = expectReason(() => decode(Buffer.from(text)), 'not_bundle');
      expect(error.message).toBe('This file is not a Pamoja bundle.');
      expectReason(() => inspectBundle(Buffer.from(text)), 'not_bundle');
    }
    expectReason(() => decode(Buffer.alloc(0)), 'truncated');
  });
});

describe('caps against hostile files', () => {
  it('refuses an oversize header from its length field alone, before waiting for it', () => {
    const preamble = headerBytes({}, 2, Buffer.alloc(64 * 1024 + 1, 0x20)).subarray(0, PREAMBLE);
    const error = rejection(() => new BundleReader(base.region).push(preamble));
    expect(error.reason).toBe('too_large');
    expect(error.message).toContain('larger than Pamoja accepts');
    expectReason(() => inspectBundle(preamble), 'too_large');
    expectReason(() => decodeBundle(base.bytes, base.region, { maxHeaderBytes: 200 }), 'too_large');
  });

  it('refuses chunks declared larger than the cap, and more chunks than the cap', () => {
    expectReason(() => decodeBundle(base.bytes, base.region, { maxChunkBytes: 512 }), 'too_large');
    expectReason(() => decodeBundle(base.bytes, base.region, { maxChunks: 5 }), 'too_large');
    expect(decodeBundle(base.bytes, base.region, { maxChunks: 6, maxChunkBytes: 1024 }).payload.length).toBe(
      base.payload.length,
    );
  });

  it('refuses a frame that claims more bytes than a chunk can take, without waiting for them', () => {
    const head = base.bytes.subarray(0, headerEnd);
    const reader = new BundleReader(base.region);
    reader.push(head);
    expect(rejection(() => reader.push(frameBytes(0, 0xffff_fff0))).reason).toBe('damaged');
  });

  it('stops a payload at the total cap', () => {
    const reader = new BundleReader(base.region, { maxPayloadBytes: 4096 });
    expect(rejection(() => reader.push(base.bytes)).reason).toBe('too_large');
    expect(reader.payloadBytes).toBeLessThanOrEqual(4096);
    expect(
      decodeBundle(base.bytes, base.region, { maxPayloadBytes: base.payload.length }).payload.length,
    ).toBe(base.payload.length);
  });

  it('rejects a decompression bomb in one chunk after inflating at most one chunk', async () => {
    const bomb = await deflateZeros(256); // 256 MiB of zeros, ~250 KB compressed
    expect(bomb.length).toBeLessThan(1 << 20);
    const header = { ...inspectBundle(base.bytes), chunkBytes: 1 << 20 };
    const bytes = forge(header, [bomb], base.region, base.sender);
    const reader = new BundleReader(base.region);
    const error = rejection(() => reader.push(bytes));
    expect(error.reason).toBe('too_large');
    expect(reader.payloadBytes).toBe(0); // nothing beyond the 1 MiB cap was ever produced
  });

  it('rejects a bomb spread over many honest chunks once the total cap is reached', () => {
    const { bytes, region } = makeBundle(Buffer.alloc(64 << 20), { chunkBytes: 1 << 20 });
    expect(bytes.length).toBeLessThan(200_000);
    const reader = new BundleReader(region, { maxPayloadBytes: 8 << 20 });
    expect(rejection(() => reader.push(bytes)).reason).toBe('too_large');
    expect(reader.payloadBytes).toBe(8 << 20);
  });

  it('rejects chunks that break the layout rules even when properly sealed and signed', () => {
    const header = { ...inspectBundle(base.bytes), chunkBytes: 4 };
    const z = (s: string) => deflateRawSync(Buffer.from(s));
    const open = (chunks: Buffer[]) => decode(forge(header, chunks, base.region, base.sender));
    expect(Buffer.from(open([z('abcd'), z('ef')]).payload).toString()).toBe('abcdef');
    expectReason(() => open([z('ab'), z('cd')]), 'damaged'); // a short chunk before the last
    expectReason(() => open([z('abcd'), z('')]), 'damaged'); // an empty chunk
    expectReason(() => open([z('abcde')]), 'too_large'); // unpacks beyond the declared size
    expectReason(() => open([Buffer.from('not deflate at all')]), 'damaged');
  });
});

/** Raw deflate of `mib` MiB of zeros, made as a stream so the zeros are never all in memory. */
async function deflateZeros(mib: number): Promise<Buffer> {
  const stream = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  stream.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const zeros = Buffer.alloc(1 << 20);
  for (let i = 0; i < mib; i++) if (!stream.write(zeros)) await new Promise((r) => stream.once('drain', r));
  stream.end();
  await done;
  return Buffer.concat(out);
}
