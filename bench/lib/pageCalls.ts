// The page's side of bench/jobs.ts, in a thread of its own (a page runs in another process:
// its HTTP client's garbage is not the server's to collect): polls a job and asks other
// questions until the job ends, timing every call.
import { parentPort, workerData } from 'node:worker_threads';
import type { JobView } from '../../shared/contract/jobs.ts';

export interface PageCallsInput {
  origin: string;
  token: string;
  jobId: string;
}
export interface PageCallsResult {
  latencies: number[];
  /** The calls over 50 ms, with what was asked and what the job was doing then. */
  slowest: { ms: number; op: string; phase: string; at: number }[];
  phases: [string, number][];
  view: JobView;
  seconds: number;
}

const { origin, token, jobId } = workerData as PageCallsInput;
const post = async (op: string, input: unknown = {}): Promise<unknown> => {
  const r = await fetch(`${origin}/api/${op}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return ((await r.json()) as { value: unknown }).value;
};

// The page's HTTP client loads itself on its first calls: not the server's pauses.
for (let i = 0; i < 5; i++) for (const op of ['app.info', 'sync.status']) await post(op);
const t0 = performance.now();
const latencies: number[] = [];
const slowest: PageCallsResult['slowest'] = [];
const phases = new Map<string, number>();
let view: JobView | undefined;
let phaseStart = performance.now();
let lastPhase = '';
for (;;) {
  for (const [op, input] of [
    ['jobs.status', { jobId }],
    ['app.info', {}],
    ['sync.status', {}],
  ] as const) {
    const t = performance.now();
    const value = await post(op, input);
    const ms = performance.now() - t;
    latencies.push(ms);
    if (ms > 50) slowest.push({ ms, op, phase: lastPhase, at: (performance.now() - t0) / 1000 });
    if (op === 'jobs.status') view = value as JobView;
  }
  if (view!.progress.phase !== lastPhase) {
    if (lastPhase) phases.set(lastPhase, performance.now() - phaseStart);
    lastPhase = view!.progress.phase;
    phaseStart = performance.now();
  }
  if (view!.state !== 'running') break;
  await new Promise((r) => setTimeout(r, 50));
}
phases.set(lastPhase, performance.now() - phaseStart);
parentPort!.postMessage({
  latencies,
  slowest,
  phases: [...phases],
  view: view!,
  seconds: (performance.now() - t0) / 1000,
} satisfies PageCallsResult);
