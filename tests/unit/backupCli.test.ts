import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { runCli } from '../../electron/cli/main.ts';
import { listBackupFiles } from '../../electron/db/backupFiles.ts';
import { openStore } from '../../electron/db/store.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { exportBundle } from '../../electron/services/sync/bundles.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { joinSyncRegion } from '../../electron/services/sync/service.ts';
import { damage } from './storeDamage.ts';
import { tempDir } from './helpers.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    progress: () => {},
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const digestOf = (file: string): string => {
  const s = openStore(file, { readonly: true });
  try {
    return storeDigest(s).digest;
  } finally {
    s.close();
  }
};

function demoFile(): string {
  const file = join(tempDir(), 'pamoja.sqlite');
  const store = openStore(file);
  generateDemo(store, { seed: 2, scale: 'small' });
  store.close();
  return file;
}

describe('pamoja backup and restore', () => {
  it('backs up into backups/ or --out (0600, never over a file) and restores to the exact digest', async () => {
    const db = demoFile();
    const before = digestOf(db);
    const made = await run('backup', '--db', db, '--json');
    expect(made.code).toBe(0);
    const { file } = JSON.parse(made.out) as { file: string };
    expect(listBackupFiles(db).map((b) => b.path)).toEqual([file]);
    const out = join(tempDir(), 'copy.sqlite');
    expect((await run('backup', '--db', db, '--out', out)).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(digestOf(out)).toBe(before);
    const again = await run('backup', '--db', db, '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);

    const store = openStore(db);
    store.write((w) => {
      const id = (store.db.prepare('SELECT id FROM schools LIMIT 1').get() as { id: string }).id;
      w.update('schools', id, { learners: 999 });
    });
    store.close();
    expect(digestOf(db)).not.toBe(before);
    const restored = await run('restore', '--db', db, out);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/The state before was kept as .*before-restore/);
    expect(digestOf(db)).toBe(before);
    // By name, from the backups folder.
    const byName = await run('restore', '--db', db, file.split('/').pop()!);
    expect(byName.code).toBe(0);
    expect(digestOf(db)).toBe(before);
  });

  it('exit codes: 1 for a missing store, a damaged store or backup; 2 for usage', async () => {
    const db = demoFile();
    const missing = await run('backup', '--db', join(tempDir(), 'none.sqlite'));
    expect([missing.code, missing.err]).toEqual([1, expect.stringMatching(/No store at/)]);
    expect((await run('backup')).code).toBe(2);
    expect((await run('backup', '--db', db, '--bogus')).code).toBe(2);
    expect((await run('restore', '--db', db)).code).toBe(2);
    expect((await run('restore', '--db', db, 'a', 'b')).code).toBe(2);
    const nothing = await run('restore', '--db', db, 'pamoja-daily-2026-01-01T00-00-00-000Z.sqlite');
    expect([nothing.code, nothing.err]).toEqual([1, expect.stringMatching(/No backup/)]);

    const out = join(tempDir(), 'copy.sqlite');
    expect((await run('backup', '--db', db, '--out', out)).code).toBe(0);
    const before = digestOf(db);
    damage(out, 0, 100);
    const bad = await run('restore', '--db', db, out);
    expect([bad.code, bad.err]).toEqual([1, expect.stringMatching(/cannot be used/)]);
    expect(digestOf(db)).toBe(before);

    const broken = join(tempDir(), 'broken.sqlite');
    writeFileSync(broken, 'not a database at all, just some words');
    const damaged = await run('backup', '--db', broken);
    expect([damaged.code, damaged.err]).toEqual([1, expect.stringMatching(/is damaged/)]);
    // A damaged store is set aside, not lost, when a good backup is restored over it.
    const fixed = await run('restore', '--db', broken, goodCopy(db));
    expect(fixed.code).toBe(0);
    expect(fixed.out).toMatch(/kept as .*damaged-/);
    expect(digestOf(broken)).toBe(before);
  });

  it('SIGKILL during an import: the before-import snapshot restores to the exact digest before', async () => {
    const dir = tempDir();
    const sender = openStore(join(dir, 'sender.sqlite'));
    joinSyncRegion(sender, { passphrase: 'pass phrase', regionId: 'r', regionName: 'Kilifi' });
    generateDemo(sender, { seed: 8, scale: 'region' });
    const bundle = join(dir, 'full.pamoja');
    await exportBundle(sender, { kind: 'full' }, bundle);
    sender.close();
    const db = demoFile();
    const before = digestOf(db);
    // The CLI imports through the runner; kill it once the snapshot is made, mid-merge.
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [join(repo, 'bin/pamoja.js'), 'import', '--db', db, bundle], {
        env: { ...process.env, PAMOJA_PASSPHRASE: 'pass phrase' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const timer = setInterval(() => {
        if (listBackupFiles(db).some((b) => b.kind === 'before-import')) {
          clearInterval(timer);
          child.kill('SIGKILL');
        }
      }, 5);
      child.on('exit', (_code, signal) => {
        clearInterval(timer);
        if (signal === 'SIGKILL') resolve();
        else reject(new Error('the import finished before it could be killed'));
      });
    });
    expect(existsSync(`${db}.job-lock`)).toBe(true); // left by the killed process, taken over below
    // Restart: the store opens, and the snapshot taken before the import restores it exactly.
    const snapshot = listBackupFiles(db).find((b) => b.kind === 'before-import')!;
    expect(digestOf(snapshot.path)).toBe(before);
    expect((await run('restore', '--db', db, snapshot.name)).code).toBe(0);
    expect(digestOf(db)).toBe(before);
    expect(existsSync(`${db}.job-lock`)).toBe(false);
  });
});

function goodCopy(db: string): string {
  const out = join(tempDir(), 'good.sqlite');
  copyFileSync(db, out);
  return out;
}
