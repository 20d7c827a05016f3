// The page's calls while a country-sized import runs in the job runner's worker: the
// longest pause any call sees (goal: under 100 ms; before the runner it was the whole
// import), beside the import's own time.
//   node bench/jobs.ts [--scale country|region]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { migrations } from '../electron/db/migrations/index.ts';
import { openStore } from '../electron/db/store.ts';
import type { DemoScale } from '../electron/demo/generate.ts';
import { createContext } from '../electron/services/context.ts';
import { handlers } from '../electron/services/index.ts';
import { exportBundle } from '../electron/services/sync/bundles.ts';
import { joinSyncRegion } from '../electron/services/sync/service.ts';
import { startHttpTransport } from '../electron/transport/http.ts';
import type { PageCallsInput, PageCallsResult } from './lib/pageCalls.ts';
import { cachedDemoStore, percentile } from './lib/demoStore.ts';
import './lib/secrets.ts';

const PASS = 'bench passphrase';
const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'country' }, prepare: { type: 'boolean' } },
});
const scale = values.scale as DemoScale;
const dir = '/tmp/pamoja-bench';

/** A full bundle of the cached demo (joined to a region on a copy), cached beside it. */
async function fullBundle(): Promise<string> {
  const out = join(dir, `full-${scale}-seed7-schema${migrations.at(-1)!.version}.pamoja`);
  if (existsSync(out)) return out;
  const work = join(dir, `jobs-sender-${scale}.sqlite`);
  copyFileSync(cachedDemoStore(scale, 7), work); // the cache the other benchmarks share
  const sender = openStore(work);
  joinSyncRegion(sender, { passphrase: PASS, regionId: 'bench', regionName: 'Bench' });
  const t = performance.now();
  await exportBundle(sender, { kind: 'full' }, `${out}.partial`);
  sender.close();
  for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
  renameSync(`${out}.partial`, out);
  console.log(`exported the ${scale} bundle in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return out;
}

mkdirSync(dir, { recursive: true });
if (values.prepare) {
  await fullBundle();
  process.exit(0);
}
// The bundle is made in a process of its own and the disk flushed: the export's garbage and
// write-back are not this process's pauses.
const prepared = spawnSync(process.execPath, [import.meta.filename, '--scale', scale, '--prepare'], {
  stdio: 'inherit',
});
if (prepared.status !== 0) throw new Error('could not make the bundle');
spawnSync('sync');
const bundle = await fullBundle();
const receiverDir = join(dir, `jobs-receiver-${scale}`);
rmSync(receiverDir, { recursive: true, force: true });
const store = openStore(join(receiverDir, 'pamoja.sqlite'));
const ctx = createContext(store, receiverDir, 'http');
const transport = await startHttpTransport({ handlers, ctx, staticDir: receiverDir });
const origin = new URL(transport.url).origin;
const post = async (op: string, input: unknown = {}): Promise<unknown> => {
  const r = await fetch(`${origin}/api/${op}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${transport.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return ((await r.json()) as { value: unknown }).value;
};

// The server's first answers (its code warming up) are not pauses of the import.
for (let i = 0; i < 5; i++) for (const op of ['app.info', 'sync.status', 'jobs.current']) await post(op);
const loop = monitorEventLoopDelay({ resolution: 10 });
const gcPauses: { ms: number; kind: string }[] = [];
const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };
new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    gcPauses.push({
      ms: e.duration,
      kind: GC_KINDS[(e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? '?',
    });
}).observe({ entryTypes: ['gc'] });
const { jobId } = (await post('jobs.start', {
  op: 'sync.import',
  input: { path: bundle, passphrase: PASS },
})) as { jobId: string };
loop.enable();
// What the page does while it waits, from its own thread: polls the job and asks other questions.
const page = new Worker(new URL('./lib/pageCalls.ts', import.meta.url), {
  workerData: { origin, token: transport.token, jobId } satisfies PageCallsInput,
});
const {
  latencies,
  slowest,
  phases,
  view,
  seconds: importSeconds,
} = await new Promise<PageCallsResult>((resolve, reject) => {
  page.once('message', resolve);
  page.once('error', reject);
});
loop.disable();
if (view.state !== 'done') throw new Error(`the import ended ${view.state}: ${view.error?.message}`);
const longest = Math.max(...latencies);
const longestGc = gcPauses.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, kind: 'none' });

console.log(`import of the ${scale} bundle in the worker: ${importSeconds.toFixed(1)} s`);
console.log(`  phases: ${phases.map(([p, ms]) => `${p} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
console.log(
  `page calls meanwhile: ${latencies.length}, median ${percentile(latencies, 50).toFixed(1)} ms, ` +
    `p99 ${percentile(latencies, 99).toFixed(1)} ms, longest pause ${longest.toFixed(1)} ms ` +
    `(goal < 100 ms: ${longest < 100 ? 'met' : 'NOT met'}; ${(longest / (importSeconds * 1000)).toFixed(4)} of the import's time)`,
);
console.log(
  `  slowest calls: ${
    slowest
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 6)
      .map((c) => `${c.op} ${c.ms.toFixed(0)} ms (${c.phase}, at ${c.at.toFixed(1)} s)`)
      .join('; ') || 'none over 50 ms'
  }`,
);
console.log(
  `  main thread garbage collection: longest ${longestGc.ms.toFixed(1)} ms (${longestGc.kind}) of ${gcPauses.length}`,
);
console.log(
  `main thread event-loop delay meanwhile: max ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms`,
);
await transport.close();
ctx.store.close();
rmSync(receiverDir, { recursive: true, force: true });
