import { useCallback, useRef, useState } from 'react';
import type { OpInput, OpOutput } from '../shared/contract/index.ts';
import type { JobOp, JobView } from '../shared/contract/jobs.ts';
import { ApiError, call } from './api.ts';

/** How often the page asks a running job how far it is. */
const POLL_MS = 250;

/** A job that ended cancelled: the store is as it was. */
export class JobCancelledError extends ApiError {
  constructor(view: JobView) {
    super(view.error ?? { code: 'conflict', message: 'Cancelled' });
  }
}

/**
 * Runs long work in the services' job runner (a worker, so the page keeps answering):
 * starts it, reports its progress as it polls, and resolves with the operation's output.
 */
export async function runJob<K extends JobOp>(
  op: K,
  input: OpInput<K>,
  onView: (view: JobView) => void = () => undefined,
): Promise<OpOutput<K>> {
  const { jobId } = await call('jobs.start', { op, input });
  for (;;) {
    const view = await call('jobs.status', { jobId });
    onView(view);
    if (view.state === 'cancelled') throw new JobCancelledError(view);
    if (view.state !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return (await call('jobs.result', { jobId })) as OpOutput<K>;
}

/** A job with its live view (null when none runs) and a cancel for it. */
export function useJob() {
  const [view, setView] = useState<JobView | null>(null);
  const jobId = useRef<string | null>(null);
  const run = useCallback(async <K extends JobOp>(op: K, input: OpInput<K>): Promise<OpOutput<K>> => {
    try {
      return await runJob(op, input, (v) => {
        jobId.current = v.jobId;
        setView(v);
      });
    } finally {
      jobId.current = null;
      setView(null);
    }
  }, []);
  const cancel = useCallback(() => {
    const id = jobId.current;
    if (!id) return;
    void call('jobs.cancel', { jobId: id }).then(
      () => call('jobs.status', { jobId: id }).then((v) => jobId.current === id && setView(v)),
      () => undefined,
    );
  }, []);
  return { view, run, cancel };
}
