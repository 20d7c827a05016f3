import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { runCli } from '../../electron/cli/main.ts';
import { openStore } from '../../electron/db/store.ts';
import { tempDir } from './helpers.ts';
import { seedRegion } from './syncHelpers.ts';

/** A store file holding a small region, made through the write path. */
function regionStore(file: string): void {
  const store = openStore(file);
  seedRegion(store);
  store.close();
}
const PASS = 'mvua ya masika 2026';

async function run(env: Record<string, string>, ...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env,
    progress: () => {},
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
const withPass = { PAMOJA_PASSPHRASE: PASS };

describe('pamoja export / import / inspect / digest / join / sync-folder', () => {
  it('sets up a second laptop from a full bundle and brings both level through a folder', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    regionStore(a);
    expect((await run({}, 'export', '--db', a, '--out', join(dir, 'x.pamoja'), '--full')).code).toBe(1); // no region secret yet
    expect((await run(withPass, 'join', '--db', a)).code).toBe(0);

    const full = join(dir, 'full.pamoja');
    expect((await run({}, 'export', '--db', a, '--out', full, '--full')).code).toBe(0);
    const header = await run({}, 'inspect', full, '--json');
    expect(header.code).toBe(0);
    expect(JSON.parse(header.out)).toMatchObject({ kind: 'full' });
    // Names travel inside the encrypted part: the public header shows none.
    expect(JSON.parse(header.out)).not.toHaveProperty('regionName');
    expect(JSON.parse(header.out)).not.toHaveProperty('senderName');

    expect((await run({}, 'import', '--db', b, full)).code).toBe(1); // a new store needs the passphrase
    expect((await run({ PAMOJA_PASSPHRASE: 'wrong passphrase' }, 'import', '--db', b, full)).err).toMatch(
      /Wrong passphrase/,
    );
    const imported = await run(withPass, 'import', '--db', b, full, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)[0]).toMatchObject({ known: 0, joined: true });

    const digest = async (db: string) => (await run({}, 'digest', '--db', db)).out.split(' ')[0];
    expect(await digest(b)).toBe(await digest(a));

    const stick = join(dir, 'stick');
    // A stick that is not plugged in is refused, and its folder never created.
    const unplugged = await run({}, 'sync-folder', '--db', a, stick);
    expect(unplugged.code).toBe(1);
    expect(unplugged.err).toMatch(/Is the USB stick plugged in\?/);
    expect(existsSync(stick)).toBe(false);
    mkdirSync(stick);
    expect((await run({}, 'sync-folder', '--db', a, stick)).code).toBe(0);
    const onB = await run({}, 'sync-folder', '--db', b, stick, '--json');
    expect(onB.code).toBe(0);
    expect(JSON.parse(onB.out).imported).toHaveLength(1);
    expect(await digest(b)).toBe(await digest(a));
  });

  it('refuses bad input with exit 1 and bad usage with exit 2', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.sqlite');
    regionStore(a);
    await run(withPass, 'join', '--db', a);
    expect((await run({}, 'export', '--db', a)).code).toBe(2);
    expect((await run({}, 'export', '--db', a, '--out', join(dir, 'x'), '--full', '--practices')).code).toBe(
      2,
    );
    expect(
      (await run({}, 'export', '--db', a, '--out', join(dir, 'x'), '--clusters', 'not-an-id')).code,
    ).toBe(2);
    const practices = await run(
      {},
      'export',
      '--db',
      a,
      '--out',
      join(dir, 'p.pamoja'),
      '--practices',
      '--json',
    );
    expect(practices.code).toBe(0);
    expect(JSON.parse(practices.out).changes).toBe(0); // the small region has no practices
    const junk = join(dir, 'junk.pamoja');
    writeFileSync(junk, 'hello, this is not a bundle');
    expect((await run({}, 'inspect', junk)).err).toMatch(/not a Pamoja bundle/);
    expect((await run({}, 'import', '--db', a, junk)).code).toBe(1);
    expect((await run({}, 'import', '--db', a)).code).toBe(2);
    expect((await run({}, 'digest', '--db', join(dir, 'missing.sqlite'))).code).toBe(1);
  });
});
