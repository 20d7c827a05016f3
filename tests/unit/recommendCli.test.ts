import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { runCli } from '../../electron/cli/main.ts';
import { openStore } from '../../electron/db/store.ts';
import { tempDir } from './helpers.ts';
import { buildRegion, type TestRegion } from './recommendRegion.ts';

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

function storeFile(): { db: string; region: TestRegion } {
  const db = join(tempDir(), 'region.sqlite');
  const store = openStore(db);
  const region = buildRegion(store);
  store.close();
  return { db, region };
}

describe('pamoja recommend', () => {
  it('prints the ranked list with scores and the parts of each score as JSON', async () => {
    const { db, region } = storeFile();
    const r = await run(
      'recommend',
      '--db',
      db,
      '--cluster',
      region.clusters.kilifi,
      '--today',
      '2026-07-01',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as {
      question: { weakIndicators: { indicator: string }[] };
      excludedWorse: number;
      results: { practiceId: string; score: number; parts: Record<string, number>; explanation: string[] }[];
    };
    expect(result.question.weakIndicators[0]!.indicator).toBe('dropout_rate');
    expect(result.excludedWorse).toBe(1);
    const top = result.results[0]!;
    expect(top.practiceId).toBe(region.practices.visitation);
    expect(Object.keys(top.parts).sort()).toEqual(['context', 'evidence', 'fit', 'nearness', 'recency']);
    expect(top.score).toBeGreaterThan(0);
    expect(top.explanation).toContain('Dropout rate 8.4% → 3.0% in 3 schools of Mtwapa CoP, 37 km away');
    const scores = result.results.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('prints a readable list for a typed problem, with tags and a limit, in Kiswahili', async () => {
    const { db, region } = storeFile();
    const r = await run(
      'recommend',
      '--db',
      db,
      '--cluster',
      region.clusters.kilifi,
      '--problem',
      'wazazi watoro',
      '--tags',
      'attendance,parent_engagement',
      '--limit',
      '1',
      '--lang',
      'sw',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Recommendations for Kilifi CoP');
    expect(r.out).toContain('Question: Swali lako: “wazazi watoro”');
    expect(r.out).toContain(' 1. Kamati ya wazazi ya kufuatilia watoro  (score ');
    expect(r.out).toContain('    - Inalingana na maneno yako: wazazi, watoro');
    expect(r.out).not.toContain(' 2. ');
  });

  it('refuses bad flags (exit 2) and bad input (exit 1) with a clear message', async () => {
    const { db, region } = storeFile();
    const noCluster = await run('recommend', '--db', db);
    expect(noCluster.code).toBe(2);
    expect(noCluster.err).toContain('missing --cluster');
    const badLimit = await run('recommend', '--db', db, '--cluster', region.clusters.kilifi, '--limit', '0');
    expect(badLimit.code).toBe(2);
    expect(badLimit.err).toContain('--limit must be between 1 and 50');
    const badTag = await run(
      'recommend',
      '--db',
      db,
      '--cluster',
      region.clusters.kilifi,
      '--tags',
      'literacy',
    );
    expect(badTag.code).toBe(1);
    expect(badTag.err).toContain('--tags: "literacy" is not a priority');
    const unknown = await run('recommend', '--db', db, '--cluster', region.practices.radio);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe(`pamoja recommend: No cluster with id ${region.practices.radio}\n`);
    const noStore = await run(
      'recommend',
      '--db',
      join(tempDir(), 'none.sqlite'),
      '--cluster',
      region.clusters.kilifi,
    );
    expect(noStore.code).toBe(1);
  });
});

describe('pamoja search', () => {
  it('prints the library search as a coach reads it: a typo taken, practices that made things worse apart', async () => {
    const { db, region } = storeFile();
    const r = await run('search', '--db', db, '--limit', '20', 'caning', 'latecomers', 'atendance');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Showing results for attendance');
    const apart = r.out.indexOf('Made things worse where they were tried:');
    expect(apart).toBeGreaterThan(0);
    // The caning practice (measured: attendance fell) is listed after the heading, and last.
    const store = openStore(db);
    const title = store.db
      .prepare('SELECT title FROM practices WHERE id = ?')
      .pluck()
      .get(region.practices.caning);
    store.close();
    expect(r.out.indexOf(String(title))).toBeGreaterThan(apart);
    const json = JSON.parse((await run('search', '--db', db, '--json', 'caning')).out) as {
      results: { id: string; madeWorse: boolean; alsoTriedIn: unknown[] }[];
      more: boolean;
    };
    expect(json.results.find((p) => p.id === region.practices.caning)).toMatchObject({
      madeWorse: true,
      alsoTriedIn: [],
    });
    const sw = await run('search', '--db', db, '--lang', 'sw', 'caning');
    expect(sw.out).toContain('Zilizozidisha hali zilipojaribiwa:');
  });
});
