import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { planCommand } from '../../electron/cli/commands/plan.ts';
import { runCli } from '../../electron/cli/main.ts';
import { openStore } from '../../electron/db/store.ts';
import { draftPlan, savePlan } from '../../electron/services/sessions/plan.ts';
import { tempDir } from './helpers.ts';
import { changeCount, smallRegion, type SmallRegion } from './sessionsRegion.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    progress: () => {},
  };
  const code = await runCli(argv, io, [planCommand]);
  return { code, out, err };
}

function storeWithRegion(): { db: string; r: SmallRegion; dir: string } {
  const dir = tempDir();
  const db = join(dir, 'region.sqlite');
  const store = openStore(db);
  const r = smallRegion(store);
  store.close();
  return { db, r, dir };
}

describe('pamoja plan', () => {
  it('writes the handout of a fresh agenda for the cluster and date, and changes nothing in the store', async () => {
    const { db, r, dir } = storeWithRegion();
    const before = (() => {
      const s = openStore(db);
      const n = changeCount(s);
      s.close();
      return n;
    })();
    const out = join(dir, 'plan.html');
    const result = await run('plan', '--db', db, '--cluster', r.mtwapa, '--date', '2026-03-10', '--out', out);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('a new draft agenda');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Mtwapa CoP meeting</h1>');
    expect(html).toContain('<svg');
    expect(html).toContain('Map where Grade 7 girls live');
    const s = openStore(db);
    expect(changeCount(s)).toBe(before);
    s.close();
  });

  it('prints the session already planned for that day as it was saved, in Kiswahili if asked', async () => {
    const { db, r, dir } = storeWithRegion();
    const store = openStore(db);
    const { problem: _p, ...plan } = draftPlan(
      store,
      { clusterId: r.mtwapa, date: '2026-03-10', kind: 'meeting', mode: 'whatsapp', problem: '', lang: 'sw' },
      () => [],
    );
    savePlan(store, { ...plan, title: 'Mkutano wa Machi' });
    store.close();
    const out = join(dir, 'mpango.html');
    const result = await run(
      'plan',
      '--db',
      db,
      '--cluster',
      r.mtwapa,
      '--date',
      '2026-03-10',
      '--out',
      out,
      '--lang',
      'sw',
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain('the session planned for that day');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Mkutano wa Machi</h1>');
    expect(html).toContain('<h2>Ajenda</h2>');
  });

  it('rejects bad input with exit 1 and a message, missing flags with exit 2, and writes no file', async () => {
    const { db, r, dir } = storeWithRegion();
    const out = join(dir, 'never.html');
    const bad = async (...extra: string[]) => run('plan', '--db', db, '--out', out, ...extra);
    expect(await bad('--cluster', 'mtwapa', '--date', '2026-03-10')).toMatchObject({
      code: 1,
      err: 'pamoja plan: --cluster: not a cluster id (see `pamoja list clusters`)\n',
    });
    expect(await bad('--cluster', r.mtwapa, '--date', '2026-02-30')).toMatchObject({
      code: 1,
      err: 'pamoja plan: --date: a date like 2026-03-12\n',
    });
    expect(
      (await bad('--cluster', '6f1c1a52-8a3e-4a57-9a2e-1d5b2b6c0a15', '--date', '2026-03-10')).err,
    ).toMatch(/No cluster with id/);
    expect((await bad('--cluster', r.mtwapa, '--date', '2026-03-10', '--lang', 'fr')).code).toBe(1);
    const missing = await bad('--date', '2026-03-10');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('missing --cluster');
    expect(
      (
        await run(
          'plan',
          '--db',
          join(dir, 'nope.sqlite'),
          '--cluster',
          r.mtwapa,
          '--date',
          '2026-03-10',
          '--out',
          out,
        )
      ).err,
    ).toMatch(/No store at/);
    expect(existsSync(out)).toBe(false);
  });
});
