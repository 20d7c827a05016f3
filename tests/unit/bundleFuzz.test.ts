/**
 * Feeds well over 100,000 random and mutated inputs to the bundle reader. Every input must
 * end in a clean BundleError or — only if it is byte for byte one of the valid bundles — a
 * successful decode; never another exception, never a hang. Reproduce a failure with
 * PAMOJA_FUZZ_SEED=<seed printed in the failure>.
 */
import { createHash } from 'node:crypto';
import { crc32 as crcOf } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BundleError,
  BundleReader,
  decodeBundle,
  inspectBundle,
  type BundleLimits,
} from '../../electron/services/sync/bundleFile.ts';
import {
  frameBytes,
  headerBytes,
  layout,
  MAGIC,
  makeBundle,
  PREAMBLE,
  samplePayload,
  testIdentity,
  testRegion,
} from './bundleFileHelpers.ts';

const INPUTS = 100_000;
const limits: Partial<BundleLimits> = {
  maxHeaderBytes: 4096,
  maxChunkBytes: 4096,
  maxChunks: 64,
  maxPayloadBytes: 64 * 1024,
};

const region = testRegion();
const sender = testIdentity();
const valid = [
  makeBundle(Buffer.alloc(0), { region, sender }).bytes,
  makeBundle(Buffer.from('{"tbl":"practices","row":"p1","col":"title","v":"Lesson study"}\n'), {
    region,
    sender,
  }).bytes,
  makeBundle(samplePayload(3000, 9), { region, sender, chunkBytes: 512 }).bytes,
  makeBundle(samplePayload(9000, 4), {
    region,
    sender,
    chunkBytes: 4096,
    extra: { kind: 'full', forDevice: undefined },
  }).bytes,
];
const validDigests = new Set(valid.map((b) => digest(b)));
const layouts = valid.map((b) => layout(b));

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** mulberry32: small, fast, seeded. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const bytes = (n: number) => {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = int(256);
    return b;
  };
  return { next, int, pick, bytes };
}
type Rng = ReturnType<typeof prng>;

const strange: unknown[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 53,
  1e308,
  '',
  'x'.repeat(5000),
  '\u0000',
  '\ud800',
  [],
  {},
  { a: 1 },
  true,
  'AAAA',
  'not base64 ***',
  'AAAAAAAAAAAAAAAAAAAAAA==', // 16 bytes: a well-formed but wrong key check or region salt
  Buffer.alloc(32, 9).toString('base64'), // 32 bytes: a well-formed but wrong salt or public key
  '2026-13-45T99:99:99Z',
  'peer',
  'full',
  'selective',
  'region-gicumbi',
  region.regionId,
  4096,
  1,
  0x7fffffff,
];

/** Random mutations that know the format, so they reach past the first checks. */
const mutators: Record<string, (rng: Rng, base: Buffer, which: number) => Buffer> = {
  flipBits(rng, base) {
    const b = Buffer.from(base);
    for (let k = 1 + rng.int(8); k > 0; k--) b[rng.int(b.length)]! ^= 1 << rng.int(8);
    return b;
  },
  overwriteBytes(rng, base) {
    const b = Buffer.from(base);
    for (let k = 1 + rng.int(16); k > 0; k--) b[rng.int(b.length)] = rng.int(256);
    return b;
  },
  truncate(rng, base) {
    return base.subarray(0, rng.int(base.length));
  },
  splice(rng, base) {
    const other = rng.pick(valid);
    return Buffer.concat([
      base.subarray(0, rng.int(base.length + 1)),
      other.subarray(rng.int(other.length + 1)),
    ]);
  },
  insertBytes(rng, base) {
    const at = rng.int(base.length + 1);
    return Buffer.concat([base.subarray(0, at), rng.bytes(1 + rng.int(64)), base.subarray(at)]);
  },
  deleteRange(rng, base) {
    const at = rng.int(base.length);
    return Buffer.concat([base.subarray(0, at), base.subarray(at + 1 + rng.int(200))]);
  },
  lieAboutLength(rng, base, which) {
    const b = Buffer.from(base);
    const { frames } = layouts[which]!;
    const value = rng.pick([
      rng.int(2 ** 32),
      rng.int(100),
      0,
      0xffffffff,
      16,
      17,
      80,
      81,
      4096 + 16,
      rng.int(20_000),
    ]);
    if (rng.next() < 0.3) {
      b.writeUInt32BE(value, 10); // header length, with its check value fixed up
      b.writeUInt32BE(crcOf(b.subarray(10, 14)), 14);
    } else {
      const f = rng.pick(frames);
      frameBytes(rng.next() < 0.9 ? b[f.start]! : rng.int(256), value).copy(b, f.start);
    }
    return b;
  },
  randomHeader(rng, base, which) {
    const { headerEnd, header } = layouts[which]!;
    const body = base.subarray(headerEnd);
    const roll = rng.next();
    let head: Buffer;
    if (roll < 0.1) {
      head = headerBytes({ ...header, keyCheck: rng.bytes(16).toString('base64') }); // another key's check value
    } else if (roll < 0.6) {
      const edited: Record<string, unknown> = { ...header };
      for (let k = 1 + rng.int(3); k > 0; k--) {
        const key = rng.pick([...Object.keys(header), 'extra', '__proto__', 'constructor']);
        if (rng.next() < 0.2) delete edited[key];
        else edited[key] = rng.pick(strange);
      }
      head = headerBytes(edited, rng.next() < 0.9 ? 2 : rng.int(4));
    } else if (roll < 0.8) {
      head = headerBytes({}, 2, Buffer.from(JSON.stringify(rng.pick(strange))));
    } else {
      head = headerBytes({}, 2, rng.bytes(rng.int(300))); // not UTF-8 / not JSON, valid check values
    }
    return Buffer.concat([head, body]);
  },
  shuffleRecords(rng, base, which) {
    const { headerEnd, frames } = layouts[which]!;
    const records = frames.map((f) => base.subarray(f.start, f.end));
    const out = [base.subarray(0, headerEnd)];
    for (let k = rng.int(records.length + 3); k >= 0; k--) out.push(rng.pick(records));
    return Buffer.concat(out);
  },
  randomBytes(rng) {
    const n = rng.int(2048);
    const r = rng.next();
    const prefix = r < 0.3 ? MAGIC : r < 0.6 ? Buffer.concat([MAGIC, Buffer.from([0, 2])]) : Buffer.alloc(0);
    return Buffer.concat([prefix, rng.bytes(n)]);
  },
  randomPreamble(rng, base, which) {
    const { headerEnd } = layouts[which]!;
    const head = Buffer.from(base.subarray(0, PREAMBLE));
    head.writeUInt32BE(rng.int(5000), 18); // JSON check value that matches nothing
    return Buffer.concat([head, base.subarray(PREAMBLE, headerEnd), rng.bytes(rng.int(500))]);
  },
};

function decodeStreaming(rng: Rng, bytes: Buffer): void {
  const reader = new BundleReader(region, limits);
  for (let at = 0; at < bytes.length;) {
    const n = 1 + rng.int(300);
    reader.push(bytes.subarray(at, at + n));
    at += n;
  }
  reader.end();
}

/** Runs fn; returns the rejection reason, 'ok', or throws when anything but a BundleError escapes. */
function outcome(fn: () => unknown, context: () => string): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    // The reader turns anything unforeseen into 'damaged' so the app never crashes, but the
    // fuzz must still see it: an unforeseen exception is a bug in the reader.
    if (e instanceof BundleError && !e.detail.startsWith('unexpected')) return e.reason;
    throw new Error(`${context()}: ${String(e)}\n${(e as Error).stack}`, { cause: e });
  }
}

describe('bundle reader fuzz', () => {
  it(`rejects ${INPUTS.toLocaleString('en')} random and mutated inputs cleanly`, () => {
    const seed = Number(process.env.PAMOJA_FUZZ_SEED ?? Date.now() % 2 ** 31);
    const rng = prng(seed);
    const names = Object.keys(mutators);
    // These read the valid bundle's layout, so they only ever come first in a chain.
    const layoutAware = new Set(['lieAboutLength', 'randomHeader', 'shuffleRecords', 'randomPreamble']);
    const generic = names.filter((n) => !layoutAware.has(n));
    const reasons = new Map<string, number>();
    let decoded = 0;
    let slowest = 0;
    const started = performance.now();
    for (let i = 0; i < INPUTS; i++) {
      const which = rng.int(valid.length);
      let input = valid[which]!;
      const applied: string[] = [];
      for (let k = rng.next() < 0.8 ? 1 : 2 + rng.int(2); k > 0; k--) {
        const name = rng.pick(applied.length === 0 ? names : generic);
        applied.push(name);
        input = mutators[name]!(rng, input, which);
        if (name === 'randomBytes') break;
      }
      const context = () => `seed ${seed}, input ${i}, mutators ${applied.join('+')}, ${input.length} bytes`;
      const t0 = performance.now();
      outcome(() => inspectBundle(input, limits), context);
      const result = outcome(() => decodeBundle(input, region, limits), context);
      if (rng.next() < 0.1) {
        // Fed in random pieces, the reader must reach the same verdict.
        expect(
          outcome(() => decodeStreaming(rng, input), context),
          context(),
        ).toBe(result);
      }
      slowest = Math.max(slowest, performance.now() - t0);
      if (result === 'ok') {
        decoded++;
        expect(
          validDigests.has(digest(input)),
          `${context()} decoded but is not one of the valid bundles`,
        ).toBe(true);
      }
      reasons.set(result, (reasons.get(result) ?? 0) + 1);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `bundle fuzz: ${INPUTS} inputs (seed ${seed}) in ${seconds.toFixed(1)} s, slowest ${slowest.toFixed(1)} ms; ` +
        `outcomes ${JSON.stringify(Object.fromEntries([...reasons].sort()))}`,
    );
    expect(decoded).toBeLessThan(INPUTS);
    // The mutations reach deep: damage, truncation, caps and wrong regions all occur.
    for (const reason of [
      'damaged',
      'truncated',
      'not_bundle',
      'too_large',
      'newer_version',
      'other_region',
      'wrong_key',
    ])
      expect(reasons.get(reason) ?? 0, reason).toBeGreaterThan(0);
  }, 120_000);
});
