// Sessions benchmark: the coach's evening-before and meeting-day steps on a generated
// region — draft a plan (with its recommendations), render the printable plan, open a
// session, save a draft, save a record, and the follow-up figures for a cluster and the
// whole region. Writes go to a copy of the cached store, so the cache stays clean.
//   node bench/sessions.ts [--scale country] [--seed 7]
import { parseArgs } from 'node:util';
import { demoStoreCopy, percentile } from './lib/demoStore.ts';
import type { DemoScale } from '../electron/demo/generate.ts';
import { createRng } from '../electron/demo/prng.ts';
import { getSession } from '../electron/services/sessions/detail.ts';
import { saveDraft } from '../electron/services/sessions/drafts.ts';
import { clusterFollowUp, regionFollowUp } from '../electron/services/sessions/followup.ts';
import { draftPlan, savePlan } from '../electron/services/sessions/plan.ts';
import { recommendedPractices } from '../electron/services/sessions/practices.ts';
import { sessionHandout } from '../electron/services/sessions/print.ts';
import { saveRecord } from '../electron/services/sessions/record.ts';
import { initialRecordDraft } from '../shared/sessions/recordForm.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', multiple: true }, seed: { type: 'string' } },
  strict: false,
});
const scales = ((values.scale as string[] | undefined) ?? ['country']) as DemoScale[];
const seed = Number(values.seed ?? 7);
const RUNS = 50;
const DATE = '2026-07-01';

const pct = percentile;
const line = (label: string, xs: number[]): string =>
  `${label.padEnd(36)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms`;
const timed = <T>(xs: number[], fn: () => T): T => {
  const t = performance.now();
  const r = fn();
  xs.push(performance.now() - t);
  return r;
};

for (const scale of scales) {
  const { store, done } = demoStoreCopy(scale, seed, 'sessions');
  const clusters = store.db.prepare('SELECT id FROM clusters ORDER BY id').pluck().all() as string[];
  const rng = createRng(seed);
  const picked = Array.from({ length: RUNS }, () => rng.pick(clusters));
  const commitments = store.db.prepare('SELECT count(*) FROM commitments').pluck().get() as number;
  console.log(`\n${scale}: ${clusters.length} clusters, ${commitments} commitments, ${RUNS} sessions`);

  const plan: number[] = [];
  const handout: number[] = [];
  const open: number[] = [];
  const draft: number[] = [];
  const record: number[] = [];
  const follow: number[] = [];
  for (const clusterId of picked) {
    const drafted = timed(plan, () =>
      draftPlan(
        store,
        { clusterId, date: DATE, kind: 'meeting', mode: 'in_person', problem: '', lang: 'en' },
        recommendedPractices,
      ),
    );
    const { problem: _problem, ...input } = drafted;
    const { id } = savePlan(store, input);
    timed(handout, () => sessionHandout(store, id, 'en'));
    const detail = timed(open, () => getSession(store, id));
    const form = initialRecordDraft(detail);
    timed(draft, () => saveDraft(store, { kind: 'record', sessionId: id }, { kind: 'record', record: form }));
    timed(record, () =>
      saveRecord(store, {
        sessionId: id,
        attendance: detail.members.map((m, i) => ({
          memberId: m.id,
          status: i % 5 === 4 ? 'apologies' : 'present',
        })),
        reviews: detail.toReview.map((c, i) => ({
          commitmentId: c.id,
          outcome: i % 2 ? 'partly' : 'done',
          note: '',
          newDueDate: null,
        })),
        commitments: [],
        practicesShared: [],
        adoptions: [],
        notes: 'bench',
        peerReview: null,
      }),
    );
    timed(follow, () => clusterFollowUp(store, clusterId, 'term', DATE));
  }
  console.log(line('draft a plan (with recommendations)', plan));
  console.log(line('render the printable plan', handout));
  console.log(line('open a session', open));
  console.log(line('save a record draft', draft));
  console.log(line('save a record (one transaction)', record));
  console.log(line('cluster follow-up', follow));
  const region: number[] = [];
  for (let i = 0; i < 5; i++) timed(region, () => regionFollowUp(store, 'term', DATE));
  console.log(line('region follow-up (all clusters)', region));
  done();
}
