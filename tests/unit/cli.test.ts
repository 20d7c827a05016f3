import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { runCli } from '../../electron/cli/main.ts';
import { openStore } from '../../electron/db/store.ts';
import { tableNames } from '../../shared/schema/tables.ts';
import { tempDir } from './helpers.ts';
import { regionSmallCounts } from './regionSmall.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(repo, 'tests/fixtures/region-small.json');

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

/** A store file with the small Kilifi region loaded. */
async function loadedStore(): Promise<string> {
  const db = join(tempDir(), 'region.sqlite');
  expect((await run('load', '--db', db, fixture)).code).toBe(0);
  return db;
}

const fixtureCounts = regionSmallCounts;

describe('pamoja help and usage', () => {
  it('lists the commands', async () => {
    const r = await run('help');
    expect(r.code).toBe(0);
    for (const name of ['load', 'stats', 'list']) expect(r.out).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('shows one command’s usage', async () => {
    const r = await run('help', 'list');
    expect(r.out).toContain('pamoja list clusters|schools|practices|members|devices --db FILE [--json]');
  });

  it('exits 2 with no command or an unknown one', async () => {
    expect((await run()).code).toBe(2);
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
  });

  it.each([
    ['stats', '--json'],
    ['list', 'clusters'],
    ['load', fixture],
  ])('exits 2 when %s has no --db', async (...argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing --db');
  });

  it('exits 2 on an unknown flag or a missing region file argument', async () => {
    const db = join(tempDir(), 'x.sqlite');
    expect((await run('stats', '--db', db, '--colour')).code).toBe(2);
    const r = await run('load', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing the region file');
    expect(existsSync(db)).toBe(false);
  });
});

describe('pamoja load', () => {
  it('loads a good file and prints what it did', async () => {
    const db = join(tempDir(), 'region.sqlite');
    const r = await run('load', '--db', db, fixture);
    expect(r.code).toBe(0);
    expect(r.out).toContain('70 new, 0 updated, 0 unchanged; 638 field changes recorded');
    expect(r.out).toMatch(/^schools\s+8\s+0\s+0$/m);
  });

  it('reports a second load of the same file as unchanged (--json)', async () => {
    const db = await loadedStore();
    const r = await run('load', '--db', db, '--json', fixture);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { changes: number; tables: Record<string, { unchanged: number }> };
    expect(summary.changes).toBe(0);
    expect(summary.tables.schools).toEqual({ inserted: 0, updated: 0, unchanged: 8 });
  });

  it('exits 1 with the path of the bad field, and creates no store', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ format: 'pamoja-region', version: 1, region: { key: 'r', name: '' } }),
    );
    const db = join(dir, 'region.sqlite');
    const r = await run('load', '--db', db, bad);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `pamoja load: ${bad}: region.name: Too small: expected string to have >=1 characters\n`,
    );
    expect(existsSync(db)).toBe(false);
  });

  it('exits 1 when the region file does not exist', async () => {
    const dir = tempDir();
    const r = await run('load', '--db', join(dir, 'region.sqlite'), join(dir, 'missing.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('missing.json: no such file');
  });
});

describe('pamoja stats', () => {
  it('counts every synced table, the change log and the devices (--json)', async () => {
    const db = await loadedStore();
    const r = await run('stats', '--db', db, '--json');
    expect(r.code).toBe(0);
    const counts = JSON.parse(r.out) as Record<string, number>;
    expect(Object.keys(counts)).toEqual([...tableNames, 'changes', 'devices']);
    expect(counts).toEqual({ ...fixtureCounts, changes: 638, devices: 1 });
  });

  it('prints a readable table without --json', async () => {
    const db = await loadedStore();
    const r = await run('stats', '--db', db);
    expect(r.out.split('\n')[0]).toMatch(/^table\s+rows$/);
    expect(r.out).toMatch(/^practice_evidence\s+4$/m);
    expect(r.out).toMatch(/^changes\s+638$/m);
  });

  it('exits 1 for a store that does not exist, without creating it', async () => {
    const db = join(tempDir(), 'nowhere.sqlite');
    const r = await run('stats', '--db', db, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`No store at ${db}`);
    expect(existsSync(db)).toBe(false);
  });

  it('exits 1 for a file that is not a store', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'not a database, just some words that fill more than one page header '.repeat(20));
    const r = await run('stats', '--db', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^pamoja stats: Cannot open the store/);
  });
});

describe('pamoja list', () => {
  it.each([
    ['clusters', ['Kilifi Town CoP', 'Mnarani CoP', 'Takaungu CoP']],
    [
      'schools',
      [
        'Bofa Primary',
        'Kibaoni Primary',
        'Kuruwitu Primary',
        'Majaoni Primary',
        'Mavueni Primary',
        'Mkwajuni Primary',
        'Mnarani Primary',
        'Takaungu Primary',
      ],
    ],
    [
      'practices',
      [
        'Parent visitation groups',
        'Radio lessons for parents and children together',
        'Weekly phone check-ins',
      ],
    ],
  ])('lists %s by name (--json)', async (kind, names) => {
    const db = await loadedStore();
    const r = await run('list', kind, '--db', db, '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; name: string }[];
    expect(rows.map((x) => x.name)).toEqual(names);
    for (const row of rows) expect(Object.keys(row)).toEqual(['id', 'name']);
  });

  it('lists members, aligned as text without --json', async () => {
    const db = await loadedStore();
    const json = JSON.parse((await run('list', 'members', '--db', db, '--json')).out) as { id: string }[];
    expect(json).toHaveLength(10);
    const text = (await run('list', 'members', '--db', db)).out.trimEnd().split('\n');
    expect(text).toHaveLength(11);
    expect(text[0]).toMatch(/^id {34} {2}name$/);
    expect(text[1]).toBe(`${json[0]!.id}  Amina Karisa`);
  });

  it('marks this device as self among the devices', async () => {
    const db = await loadedStore();
    const store = openStore(db);
    const self = store.deviceId;
    // Another laptop's device, as a bundle import would register it.
    store.db.prepare("INSERT INTO devices (device_id, name) VALUES ('laptop-b', 'Coach B')").run();
    store.close();
    const r = await run('list', 'devices', '--db', db, '--json');
    expect(JSON.parse(r.out)).toEqual([
      { id: self, name: '', self: true },
      { id: 'laptop-b', name: 'Coach B', self: false },
    ]);
    const text = (await run('list', 'devices', '--db', db)).out;
    expect(text).toMatch(new RegExp(`^${self}  \\(unnamed\\)  this device$`, 'm'));
    expect(text).toMatch(/^laptop-b\s+Coach B$/m);
  });

  it('exits 2 for an unknown kind or none', async () => {
    const db = await loadedStore();
    const r = await run('list', 'teachers', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot list "teachers"');
    expect((await run('list', '--db', db)).code).toBe(2);
  });

  it('exits 1 for a store that does not exist', async () => {
    const db = join(tempDir(), 'nowhere.sqlite');
    expect((await run('list', 'clusters', '--db', db)).code).toBe(1);
    expect(existsSync(db)).toBe(false);
  });
});

describe('the pamoja executable', () => {
  it('runs as a child process: `node bin/pamoja.js stats --db FILE --json`', async () => {
    const db = await loadedStore();
    const child = spawnSync(process.execPath, ['bin/pamoja.js', 'stats', '--db', db, '--json'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toMatchObject({ schools: 8, devices: 1 });
  });

  it('sets the exit code of a failed command', () => {
    const child = spawnSync(
      process.execPath,
      ['bin/pamoja.js', 'stats', '--db', join(tempDir(), 'none.sqlite')],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('No store at');
  });
});
