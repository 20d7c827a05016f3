// Prints each judged question's first five against what a coach expects, for recommendations
// and the library search: the view to read when tuning the matching (bench/lib/judged.ts scores).
//   node bench/judgedEach.ts [--failing]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../electron/db/store.ts';
import { generateDemo } from '../electron/demo/generate.ts';
import { judgeRecommendations, judgeSearch, type JudgedSummary } from './lib/judged.ts';

const failingOnly = process.argv.includes('--failing');
const dir = mkdtempSync(join(tmpdir(), 'pamoja-judged-'));
try {
  const store = openStore(join(dir, 'region.sqlite'));
  generateDemo(store, { seed: 7, scale: 'region' });
  const show = (label: string, s: JudgedSummary) => {
    console.log(`\n== ${label}: precision@5 ${s.precision.toFixed(3)}  nDCG@5 ${s.ndcg.toFixed(3)}`);
    for (const x of s.scores) {
      if (failingOnly && x.precision >= 1) continue;
      const want = new Set(x.question.expected);
      const got = x.got.map((k) => (want.has(k) ? `+${k}` : `-${k}`)).join(' ');
      const missing = x.question.expected.filter((k) => !x.got.includes(k)).join(' ');
      console.log(`${x.precision.toFixed(2)} ${x.ndcg.toFixed(2)} [${x.question.lang}] ${x.question.text}`);
      console.log(`     got ${got}\n     missing ${missing}`);
    }
  };
  show('recommendations', judgeRecommendations(store));
  show('library search', judgeSearch(store));
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
