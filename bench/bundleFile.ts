// Bundle file benchmark: encode/decode speed of the container (deflate + AES-256-GCM +
// SHA-256 + Ed25519) against plain zlib on the same payload, size overhead, scrypt cost.
//   node bench/bundleFile.ts [--mb 256]
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { rawPublicKey } from '../electron/services/sync/bundleCrypto.ts';
import {
  decodeBundle,
  encodeBundle,
  encodeBundleStream,
  readBundleFile,
  writeBundleFile,
} from '../electron/services/sync/bundleFile.ts';
import { regionKeyFromPassphrase } from '../electron/services/sync/identity.ts';

const { values } = parseArgs({ options: { mb: { type: 'string' } }, strict: false });
const megabytes = Number(values.mb ?? 256);

/** Change-log-like JSON lines: what the sync engine puts in a bundle. */
function payload(bytes: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  const cols = ['notes', 'title', 'status', 'attended', 'priority'];
  for (let i = 0; size < bytes; i++) {
    const line = JSON.stringify({
      t: i % 3 ? 'sessions' : 'commitments',
      r: randomUUID(),
      c: cols[i % cols.length],
      v: i % 5 ? `Coach visit ${i % 997}: lesson study on fractions with ${i % 31} teachers` : i % 7,
      h: 1_750_000_000_000 * 1024 + i,
      d: i % 4,
    });
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(lines.join('\n') + '\n').subarray(0, bytes);
}

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, (performance.now() - t) / 1000];
};
const mbps = (bytes: number, s: number) => `${(bytes / 1e6 / s).toFixed(0).padStart(5)} MB/s`;

const data = payload(megabytes * 1e6);
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const sender = { deviceId: 'bench-device', privateKey, publicKey, publicKeyRaw: rawPublicKey(publicKey) };
const [region, scryptSeconds] = time(() =>
  regionKeyFromPassphrase('bench-region', 'bench passphrase', randomBytes(16)),
);
const header = {
  regionId: region.regionId,
  regionName: 'Bench',
  senderDevice: sender.deviceId,
  senderName: 'Bench',
  createdAt: new Date().toISOString(),
  kind: 'full' as const,
};

const [deflated, deflateS] = time(() => deflateRawSync(data, { level: 6 }));
const [, inflateS] = time(() => inflateRawSync(deflated));
const [bundle, encodeS] = time(() => encodeBundle(header, data, region, sender));
const [decoded, decodeS] = time(() => decodeBundle(bundle, region));
if (!Buffer.from(decoded.payload).equals(data)) throw new Error('round trip failed');

const dir = mkdtempSync(join(tmpdir(), 'pamoja-bench-'));
const file = join(dir, 'bench.pamoja');
const pieces = function* () {
  for (let at = 0; at < data.length; at += 4 << 20) yield data.subarray(at, at + (4 << 20));
};
let t = performance.now();
await writeBundleFile(file, encodeBundleStream(header, pieces(), region, sender));
const writeS = (performance.now() - t) / 1000;
t = performance.now();
await readBundleFile(file, region);
const readS = (performance.now() - t) / 1000;
rmSync(dir, { recursive: true, force: true });

console.log(`payload ${(data.length / 1e6).toFixed(0)} MB of change-like JSON lines, chunks of 1 MiB`);
console.log(`zlib deflate (level 6, one call)       ${mbps(data.length, deflateS)}`);
console.log(
  `encodeBundle (deflate+GCM+sign)        ${mbps(data.length, encodeS)}  (${((deflateS / encodeS) * 100).toFixed(0)}% of zlib)`,
);
console.log(`encode streamed to file (fsync+rename) ${mbps(data.length, writeS)}`);
console.log(`zlib inflate (one call)                ${mbps(data.length, inflateS)}`);
console.log(
  `decodeBundle (verify+GCM+inflate)      ${mbps(data.length, decodeS)}  (${((inflateS / decodeS) * 100).toFixed(0)}% of zlib)`,
);
console.log(`read streamed from file                ${mbps(data.length, readS)}`);
console.log(
  `bundle ${(bundle.length / 1e6).toFixed(1)} MB vs raw deflate ${(deflated.length / 1e6).toFixed(1)} MB ` +
    `(${((bundle.length / deflated.length - 1) * 100).toFixed(2)}% overhead)`,
);
console.log(`scrypt (N=2^15, r=8, p=1) for the region key: ${(scryptSeconds * 1000).toFixed(0)} ms`);
