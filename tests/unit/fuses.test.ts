import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import afterPack, { packedBinary, pamojaFuses } from '../../build/fuses.mjs';
import { tempDir } from './helpers.ts';

/** Marks the fuse wire in Electron's binary (@electron/fuses' constants, not exported). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in for Electron's binary: bytes around a fuse wire with every fuse on, as shipped. */
function fakeElectron(path: string, fuses = 9): void {
  const wire = Buffer.from([1, fuses, ...new Array<number>(fuses).fill(FuseState.ENABLE)]);
  writeFileSync(path, Buffer.concat([randomBytes(4096), Buffer.from(SENTINEL), wire, randomBytes(4096)]));
}

describe('Electron fuses at packaging (build/fuses.mjs)', () => {
  it('turns off running as Node, NODE_OPTIONS and inspect; turns on cookie encryption, ASAR integrity and ASAR-only', async () => {
    const dir = tempDir();
    fakeElectron(join(dir, 'pamoja'));
    const before = readFileSync(join(dir, 'pamoja'));
    await afterPack({
      appOutDir: dir,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'Pamoja' }, executableName: 'pamoja' },
    });
    const wire = await getCurrentFuseWire(join(dir, 'pamoja'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    // Only the wire changed: the rest of the binary is byte for byte the same.
    const after = readFileSync(join(dir, 'pamoja'));
    expect(after.length).toBe(before.length);
    const changed = [...after].flatMap((b, i) => (b === before[i] ? [] : [i]));
    expect(changed.length).toBeGreaterThan(0);
    expect(Math.max(...changed) - Math.min(...changed)).toBeLessThan(9);
  });

  it('finds the binary where electron-builder puts it on each system', () => {
    const ctx = (electronPlatformName: string) => ({
      appOutDir: '/out',
      electronPlatformName,
      packager: { appInfo: { productFilename: 'Pamoja' }, executableName: 'pamoja' },
    });
    expect(packedBinary(ctx('linux'))).toBe('/out/pamoja');
    expect(packedBinary(ctx('win32'))).toBe('/out/Pamoja.exe');
    expect(packedBinary(ctx('darwin'))).toBe('/out/Pamoja.app');
    expect(pamojaFuses[FuseV1Options.RunAsNode]).toBe(false);
  });

  it('is what the packaging runs', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      build: { afterPack: string; asar: boolean };
    };
    expect(pkg.build.afterPack).toBe('build/fuses.mjs');
    expect(pkg.build.asar).toBe(true);
  });
});
