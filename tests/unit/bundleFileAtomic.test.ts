import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeBundle,
  isPartialWrite,
  removeStalePartials,
  writeBundleFile,
} from '../../electron/services/sync/bundleFile.ts';
import { rejection, testIdentity, testRegion } from './bundleFileHelpers.ts';
import { tempDir } from './helpers.ts';

/** Payload piece `i` of write round `round`: half random-looking, half text, so it takes real work to write. */
function piece(round: number, i: number): Buffer {
  const out = Buffer.alloc(1 << 20);
  const words = new Uint32Array(out.buffer, out.byteOffset, out.length / 4);
  let x = (round * 7919 + i * 104_729 + 1) >>> 0;
  for (let w = 0; w < words.length; w += 2) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[w] = x >>> 0;
    words[w + 1] = 0x61616161 + (w & 7);
  }
  return out;
}
const PIECES = 16; // 16 MiB per bundle

const region = testRegion();
const sender = testIdentity();
const moduleUrl = new URL('../../electron/services/sync/bundleFile.ts', import.meta.url).href;

/** A child that writes the bundle again and again (round 0, 1, 2…) to the same final path. */
function startWriter(file: string): { child: ChildProcess; rounds: () => number } {
  const script = `
    import { createPrivateKey, createPublicKey } from 'node:crypto';
    import { encodeBundleStream, writeBundleFile } from ${JSON.stringify(moduleUrl)};
    const piece = ${piece.toString()};
    const env = JSON.parse(process.env.PAMOJA_TEST_WRITER);
    const privateKey = createPrivateKey({ key: Buffer.from(env.pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
    const sender = { deviceId: env.deviceId, privateKey, publicKey: createPublicKey(privateKey), publicKeyRaw: env.publicKeyRaw };
    const region = { regionId: env.regionId, key: Buffer.from(env.key, 'base64') };
    for (let round = 0; ; round++) {
      const header = { regionId: env.regionId, senderDevice: env.deviceId,
        createdAt: new Date().toISOString(), kind: 'full', forDevice: 'round-' + round };
      const pieces = (function* () { for (let i = 0; i < ${PIECES}; i++) yield piece(round, i); })();
      await writeBundleFile(${JSON.stringify(file)}, encodeBundleStream(header, pieces, region, sender, { level: 1 }));
      process.stdout.write('done ' + round + '\\n');
    }`;
  const env = {
    pkcs8: sender.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKeyRaw: sender.publicKeyRaw,
    deviceId: sender.deviceId,
    regionId: region.regionId,
    key: region.key.toString('base64'),
  };
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, PAMOJA_TEST_WRITER: JSON.stringify(env) },
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: resolve('.'),
  });
  let finished = 0;
  child.stdout!.on('data', (b: Buffer) => (finished += (b.toString().match(/done/g) ?? []).length));
  return { child, rounds: () => finished };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 2) {
    if (waited > 30_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

const partials = (dir: string) => readdirSync(dir).filter(isPartialWrite);

/** The final file must be absent or a whole bundle of some finished round; returns that round. */
function checkFinal(file: string): number | null {
  if (!existsSync(file)) return null;
  const { header, payload } = decodeBundle(readFileSync(file), region);
  const round = Number(header.forDevice!.slice('round-'.length));
  const expected = Buffer.concat(Array.from({ length: PIECES }, (_, i) => piece(round, i)));
  expect(Buffer.compare(Buffer.from(payload), expected)).toBe(0);
  return round;
}

/** A temporary file left by the kill is either whole or refused as incomplete, never mistaken. */
function checkPartials(dir: string): void {
  for (const name of partials(dir)) {
    const bytes = readFileSync(join(dir, name));
    try {
      decodeBundle(bytes, region);
    } catch {
      expect(rejection(() => decodeBundle(bytes, region)).reason).toBe('truncated');
    }
  }
}

describe('writeBundleFile under SIGKILL', () => {
  it('a first write killed midway leaves no file at the final name', async () => {
    for (let run = 0; run < 4; run++) {
      const dir = tempDir();
      const file = join(dir, 'amina.pamoja');
      const { child } = startWriter(file);
      await until(() => partials(dir).some((n) => statSync(join(dir, n)).size > 0), 'the temporary file');
      await kill(child);
      expect(existsSync(file)).toBe(false);
      expect(partials(dir)).toHaveLength(1);
      checkPartials(dir);
    }
  });

  it('a replacing write killed midway leaves the previous whole bundle', async () => {
    for (let run = 0; run < 4; run++) {
      const dir = tempDir();
      const file = join(dir, 'amina.pamoja');
      const writer = startWriter(file);
      await until(
        () => writer.rounds() >= 1 && partials(dir).some((n) => statSync(join(dir, n)).size > 0),
        'round 1',
      );
      await kill(writer.child);
      expect(checkFinal(file)).toBe(writer.rounds() - 1);
      checkPartials(dir);
    }
  });

  it('killed at random moments, the final name only ever holds a whole bundle', async () => {
    let killedMidWrite = 0;
    let finalPresent = 0;
    for (let run = 0; run < 12; run++) {
      const dir = tempDir();
      const file = join(dir, 'amina.pamoja');
      const { child } = startWriter(file);
      await until(() => partials(dir).length > 0, 'the first write to start');
      await new Promise((r) => setTimeout(r, Math.random() * 1500));
      await kill(child);
      if (checkFinal(file) !== null) finalPresent++;
      checkPartials(dir);
      if (partials(dir).length > 0) killedMidWrite++;
    }
    console.log(
      `random SIGKILL runs: 12; ${killedMidWrite} left a partial write, ${finalPresent} a previous whole bundle`,
    );
  });
});

describe('writeBundleFile', () => {
  it('replaces a file whole and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'b.pamoja');
    await writeBundleFile(file, Buffer.from('first'));
    await writeBundleFile(file, [Buffer.from('sec'), Buffer.from('ond')]);
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['b.pamoja']);
  });

  it('reports a missing folder plainly and leaves nothing behind', async () => {
    const dir = tempDir();
    await expect(writeBundleFile(join(dir, 'gone', 'b.pamoja'), Buffer.from('x'))).rejects.toThrow(
      /the folder does not exist \(was the USB stick removed\?\)/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('clears temporary files left by killed writes once they are old', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.b.pamoja.0a1b2c.partial'), 'half');
    writeFileSync(join(dir, 'b.pamoja'), 'whole');
    expect(await removeStalePartials(dir, 60_000)).toEqual([]); // too fresh: may still be being written
    expect(await removeStalePartials(dir, 60_000, Date.now() + 120_000)).toEqual([
      '.b.pamoja.0a1b2c.partial',
    ]);
    expect(readdirSync(dir)).toEqual(['b.pamoja']);
  });
});
