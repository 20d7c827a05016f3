// Recommendation benchmark: latency of recommend() and of the practice library search over
// 200 varied questions (typed problems in English, Kiswahili and French, default
// questions, priority and distance/cost filters), next to a bare FTS5 query on the same
// corpus; and the judged test collection's precision@5 and nDCG@5 on the demo region
// (tests/fixtures/judgedQuestions.ts). The generated store is cached in /tmp between runs.
//   node bench/recommend.ts [--scale country] [--seed 7]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { cachedDemoStore, demoStoreCopy, percentile } from './lib/demoStore.ts';
import { ftsQuery } from '../shared/ftsQuery.ts';
import { PracticeFilters } from '../shared/contract/practices.ts';
import type { RecommendQuery } from '../shared/contract/recommend.ts';
import { judgedLines, judgeRecommendations, judgeSearch } from './lib/judged.ts';
import { indexedText } from '../shared/words/indexText.ts';
import { costLevels, priorityTags } from '../shared/schema/enums.ts';
import { openStore } from '../electron/db/store.ts';
import { practiceWordsCurrent } from '../electron/db/words.ts';
import type { DemoScale } from '../electron/demo/generate.ts';
import { createRng } from '../electron/demo/prng.ts';
import { forgetSearches, searchPractices } from '../electron/services/practices/search.ts';
import { forgetTokenScores } from '../electron/services/practices/tokenScores.ts';
import { practiceIndex } from '../electron/services/recommend/facts.ts';
import { adopt } from '../electron/services/recommend/feedback.ts';
import { recommend } from '../electron/services/recommend/service.ts';
import { warmUp } from '../electron/services/recommend/warm.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', multiple: true }, seed: { type: 'string' } },
  strict: false,
});
const scales = ((values.scale as string[] | undefined) ?? ['country']) as DemoScale[];
const seed = Number(values.seed ?? 7);
const QUERIES = 200;

const problems = [
  'girls leaving school after early marriage',
  'learners absent on market days',
  'parents do not come to meetings',
  'radio lessons for parents and children',
  'reading in the early grades is weak',
  'numeracy results are low in grade 3',
  'vulnerable children not followed up',
  'teachers do not share lessons',
  'menstrual hygiene keeps girls at home',
  'mapping where learners live',
  'phone check-ins with learners',
  'school meals and hunger',
  'catch-up groups after closures',
  'wasichana wanaacha shule',
  'wazazi hawashiriki',
  'mahudhurio ya wanafunzi ni duni',
  'kusoma kwa watoto wadogo',
  'redio na wazazi',
  'abandon scolaire des filles',
  'lecture au primaire',
  'village leaders permission for home visits',
  'peer observation of teachers',
  'transition to secondary school',
  'dropout',
  'attendance SMS follow-up',
  'thinking lunches for teachers',
  'books in the local language',
  'school farm shared between neighbouring schools',
];

const pct = percentile;
/** CPU time this process has used, in ms (user + system). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const line = (label: string, xs: number[]): string =>
  `${label.padEnd(34)} p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms   max ${Math.max(
    ...xs,
  )
    .toFixed(1)
    .padStart(6)} ms`;

/** The background warm-up on its own connection: total time and the longest the event loop waited. */
async function benchWarmUp(file: string): Promise<void> {
  const other = openStore(file);
  let longest = 0;
  let last = performance.now();
  let running = true;
  const watch = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(watch);
  };
  setImmediate(watch);
  const t = performance.now();
  await warmUp(other);
  running = false;
  console.log(
    `warm-up in the background: ${(performance.now() - t).toFixed(0)} ms, longest pause of the app ${longest.toFixed(0)} ms`,
  );
  other.close();
}

/**
 * The feedback loop as the panel runs it: a school adopts the first recommendation, and
 * the panel asks again (the practice facts catch up with the write). On a copy of the store.
 */
async function feedbackLoop(scale: DemoScale, clusters: string[]): Promise<number[]> {
  const { store: copy, done } = demoStoreCopy(scale, seed, 'recommend');
  await warmUp(copy);
  const rng = createRng(seed + 1);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const clusterId = rng.pick(clusters);
    const school = copy.db
      .prepare('SELECT id FROM schools WHERE cluster_id = ? LIMIT 1')
      .pluck()
      .get(clusterId);
    const shown = recommend(copy, { clusterId, today: '2026-07-01', limit: 10 }).results;
    const fresh = shown.find(
      (r) =>
        !copy.db
          .prepare('SELECT 1 FROM adoptions WHERE school_id = ? AND practice_id = ?')
          .get(school, r.practiceId),
    );
    if (!fresh || typeof school !== 'string') continue;
    adopt(copy, { clusterId, practiceId: fresh.practiceId, schoolIds: [school], on: '2026-07-01' });
    const t = performance.now();
    recommend(copy, { clusterId, today: '2026-07-01', limit: 10 });
    times.push(performance.now() - t);
  }
  done();
  return times;
}

{
  // The judged collection is written for the demo region (Kilifi County, seed 7).
  const region = openStore(cachedDemoStore('region', 7));
  console.log('\njudged test collection (region demo, goal precision@5 ≥ 0.8):');
  for (const l of judgedLines('recommendations', judgeRecommendations(region), 0)) console.log(l);
  for (const l of judgedLines('practice library search', judgeSearch(region), 0)) console.log(l);
  region.close();
}

for (const scale of scales) {
  const file = cachedDemoStore(scale, seed);
  let t = performance.now();
  const store = openStore(file);
  const stale = !practiceWordsCurrent(store.db);
  console.log(
    `opening the store: ${(performance.now() - t).toFixed(0)} ms (word index ${stale ? 'made by another version: re-indexed in the warm-up, not at open' : 'current'})`,
  );
  const clusters = store.db.prepare('SELECT id FROM clusters ORDER BY id').pluck().all() as string[];
  const practices = store.db.prepare('SELECT count(*) FROM practices').pluck().get() as number;
  const rng = createRng(seed);
  const queries: RecommendQuery[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const q: RecommendQuery = { clusterId: rng.pick(clusters), today: '2026-07-01', limit: 10 };
    if (rng.chance(0.7)) q.problem = rng.pick(problems);
    if (rng.chance(0.25)) q.tags = rng.sample(priorityTags, rng.int(1, 2));
    if (rng.chance(0.2)) q.maxDistanceKm = rng.pick([25, 50, 100, 300]);
    if (rng.chance(0.2)) q.maxCost = rng.pick(costLevels);
    queries.push(q);
  }

  console.log(`\n${scale}: ${clusters.length} clusters, ${practices} practices, ${QUERIES} questions`);
  {
    // What re-indexing the library's words costs (a new vocabulary version): the text work alone.
    const t0 = performance.now();
    let n = 0;
    for (const r of store.db
      .prepare('SELECT title, problem, summary, steps, language FROM practices')
      .iterate() as Iterable<Record<string, string>>) {
      for (const col of ['title', 'problem', 'summary', 'steps']) indexedText(r[col]!, r.language);
      n++;
    }
    console.log(`word index text for ${n} practices: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  await benchWarmUp(file);
  t = performance.now();
  recommend(store, queries[0]!);
  console.log(`first recommendation (reads the practice facts): ${(performance.now() - t).toFixed(0)} ms`);

  t = performance.now();
  searchPractices(store, PracticeFilters.parse({ query: 'girls' }));
  console.log(`first library search (reads the library's words): ${(performance.now() - t).toFixed(0)} ms`);
  // Before the warm-up has read the tokens' bm25 parts: each question reads its own.
  const index = practiceIndex(store);
  const searchCold: number[] = [];
  for (const problem of problems) {
    forgetSearches(index);
    forgetTokenScores(index);
    const c = cpuMs();
    searchPractices(store, PracticeFilters.parse({ query: problem }));
    searchCold.push(cpuMs() - c);
  }
  t = performance.now();
  await warmUp(store);
  console.log(
    `warm-up of this connection (the bm25 parts of concepts and common words): ${(performance.now() - t).toFixed(0)} ms`,
  );
  const rec: number[] = [];
  const recTyped: number[] = [];
  const recDefault: number[] = [];
  const recCpu: number[] = [];
  const searchCpu: number[] = [];
  for (const q of queries) {
    // Each question as if asked for the first time: no remembered full-text answer.
    index.textCache.clear();
    t = performance.now();
    const c = cpuMs();
    recommend(store, q);
    const ms = performance.now() - t;
    recCpu.push(cpuMs() - c);
    rec.push(ms);
    (q.problem ? recTyped : recDefault).push(ms);
  }
  const again: number[] = [];
  for (const q of queries) {
    t = performance.now();
    recommend(store, q);
    again.push(performance.now() - t);
  }
  const search: number[] = [];
  const searchAgain: number[] = [];
  const bare: number[] = [];
  const bareStmt = store.db.prepare(
    'SELECT rowid FROM practices_fts WHERE practices_fts MATCH ? ORDER BY rank LIMIT 30',
  );
  for (const q of queries) {
    const text = q.problem ?? rng.pick(problems);
    const filters = PracticeFilters.parse({ query: text, tags: q.tags ?? [] });
    // As if asked for the first time: no remembered full-text answer.
    forgetSearches(index);
    t = performance.now();
    const c = cpuMs();
    searchPractices(store, filters);
    search.push(performance.now() - t);
    searchCpu.push(cpuMs() - c);
    // The same words again with "More" pressed, as the screen asks.
    t = performance.now();
    searchPractices(store, { ...filters, limit: filters.limit * 2 });
    searchAgain.push(performance.now() - t);
    const match = ftsQuery(text, 'OR');
    t = performance.now();
    if (match) bareStmt.all(match);
    bare.push(performance.now() - t);
  }
  console.log(line('recommend (all)', rec));
  console.log(line(`  typed problem (${recTyped.length})`, recTyped));
  console.log(line(`  default question (${recDefault.length})`, recDefault));
  console.log(line('recommend, asked again', again));
  console.log(line('practice library search', search));
  // CPU time of this process alone: the same figure on a machine other work keeps busy.
  console.log(line('  recommend (all), CPU time', recCpu));
  console.log(line('  library search, CPU time', searchCpu));
  console.log(line(`  before the warm-up (${problems.length}), CPU time`, searchCold));
  console.log(`load average while measuring: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  console.log(line('  same words, "More" pressed', searchAgain));
  console.log(line('bare FTS5 (search words, OR)', bare));
  console.log(line('recommend after marking adopted', await feedbackLoop(scale, clusters)));
  console.log('goals: recommend p95 < 50 ms, search p95 < 20 ms');
  store.close();
}
