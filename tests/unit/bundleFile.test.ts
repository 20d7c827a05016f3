import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BundleReader,
  decodeBundle,
  encodeBundle,
  encodeBundleStream,
  inspectBundle,
  inspectBundleFile,
  readBundleFile,
  writeBundleFile,
} from '../../electron/services/sync/bundleFile.ts';
import {
  forge,
  headerFor,
  layout,
  makeBundle,
  openChunks,
  samplePayload,
  testIdentity,
  testRegion,
} from './bundleFileHelpers.ts';
import { tempDir } from './helpers.ts';

describe('bundle file round trip', () => {
  it('carries a small payload and its public header', () => {
    const payload = Buffer.from('{"tbl":"clusters","row":"c1","col":"name","v":"Ganze"}\n', 'utf8');
    const { bytes, region, sender } = makeBundle(payload, { chunkBytes: 1 << 20 });
    const { header, payload: out } = decodeBundle(bytes, region);
    expect(Buffer.from(out)).toEqual(payload);
    expect(header).toMatchObject({
      format: 'pamoja-bundle',
      version: 2,
      regionId: region.regionId,
      senderDevice: sender.deviceId,
      senderPublicKey: sender.publicKeyRaw,
      kind: 'peer',
      forDevice: 'laptop-baraka',
      regionSalt: region.salt,
    });
    expect(inspectBundle(bytes)).toEqual(header); // no key needed
    // Only what picks the key is public: no region, sender or cluster names.
    expect(Object.keys(header).sort()).toEqual(
      [
        'bundleSalt',
        'chunkBytes',
        'createdAt',
        'forDevice',
        'format',
        'keyCheck',
        'kind',
        'regionId',
        'regionSalt',
        'senderDevice',
        'senderPublicKey',
        'version',
      ].sort(),
    );
    expect(layout(bytes).frames.map((f) => f.kind)).toEqual([0, 1]);
  });

  it('carries an empty payload (no data chunks, only the signature record)', () => {
    const { bytes, region } = makeBundle(Buffer.alloc(0));
    expect(layout(bytes).frames.map((f) => f.kind)).toEqual([1]);
    expect(decodeBundle(bytes, region).payload.length).toBe(0);
  });

  it('carries a multi-chunk payload of several MB, every chunk but the last full', () => {
    const payload = samplePayload(5 * 1024 * 1024 + 12_345);
    const { bytes, region } = makeBundle(payload, { chunkBytes: 256 * 1024 });
    const { frames } = layout(bytes);
    expect(frames.length).toBe(21 + 1);
    const chunks = openChunks(bytes, region).map((c) => inflateRawSync(c).length);
    expect(chunks.slice(0, -1).every((n) => n === 256 * 1024)).toBe(true);
    expect(chunks.at(-1)).toBe(payload.length - 20 * 256 * 1024);
    expect(Buffer.from(decodeBundle(bytes, region).payload).equals(payload)).toBe(true);
  });

  it('compresses what compresses', () => {
    const payload = Buffer.from(
      '{"tbl":"sessions","col":"notes","v":"Lesson study on fractions"}\n'.repeat(20_000),
    );
    const { bytes } = makeBundle(payload, { chunkBytes: 1 << 20 });
    expect(bytes.length).toBeLessThan(payload.length / 20);
  });

  it('reads the same whether pushed whole, a byte at a time or in random pieces', () => {
    const payload = samplePayload(40_000, 7);
    const { bytes, region } = makeBundle(payload, { chunkBytes: 4096 });
    const byByte = new BundleReader(region);
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i++) pieces.push(...byByte.push(bytes.subarray(i, i + 1)));
    byByte.end();
    expect(Buffer.concat(pieces).equals(payload)).toBe(true);

    // A reused input buffer (as a file reader does) must not corrupt what the reader keeps.
    const reused = Buffer.alloc(777);
    const reader = new BundleReader(region);
    const out: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += reused.length) {
      const n = bytes.copy(reused, 0, at, at + reused.length);
      out.push(...reader.push(reused.subarray(0, n)));
      reused.fill(0xaa);
    }
    reader.end();
    expect(Buffer.concat(out).equals(payload)).toBe(true);
  });

  it('streams an export piece by piece into the same bytes a whole payload gives', async () => {
    const region = testRegion();
    const sender = testIdentity();
    const payload = samplePayload(300_000, 3);
    const pieces = [0, 1, 70_000, 70_001, 200_000, 300_000].map((at, i, all) =>
      payload.subarray(at, all[i + 1] ?? at),
    );
    const dir = tempDir();
    const file = join(dir, 'amina.pamoja');
    await writeBundleFile(
      file,
      encodeBundleStream(headerFor(sender, region), pieces, region, sender, { chunkBytes: 8192 }),
    );
    expect(readdirSync(dir)).toEqual(['amina.pamoja']);
    const read = await readBundleFile(file, region);
    expect(Buffer.from(read.payload).equals(payload)).toBe(true);
    expect((await inspectBundleFile(file)).senderDevice).toBe(sender.deviceId);
    // Same chunk plaintexts as the one-shot encoder (salts differ, so compare what is inside).
    const whole = encodeBundle(headerFor(sender, region), payload, region, sender, { chunkBytes: 8192 });
    expect(openChunks(readFileSync(file), region)).toEqual(openChunks(whole, region));
  });

  it('agrees with the format spec: a bundle built from docs/bundle-format.md decodes', () => {
    const region = testRegion();
    const sender = testIdentity();
    const made = makeBundle(Buffer.from('x'), { region, sender });
    const header = { ...inspectBundle(made.bytes), chunkBytes: 5 };
    const parts = ['hello', ' worl', 'd!'].map((s) => deflateRawSync(Buffer.from(s)));
    const forged = forge(header, parts, region, sender);
    expect(Buffer.from(decodeBundle(forged, region).payload).toString()).toBe('hello world!');
  });

  it('reads only the start of a file to inspect it', async () => {
    const { bytes } = makeBundle(samplePayload(200_000), { chunkBytes: 4096 });
    const file = join(tempDir(), 'b.pamoja');
    // Everything after the header is garbage: inspection must not look there.
    const { headerEnd } = layout(bytes);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, headerEnd), Buffer.alloc(100_000, 0xee)]));
    expect((await inspectBundleFile(file)).regionId).toBe('region-kilifi');
  });
});
