import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, OpOutput } from '../shared/contract/index.ts';
import type { JobOp, JobView } from '../shared/contract/jobs.ts';
import { ApiError, call } from './api.ts';

/** How often the page asks a running job how far it is (sooner at first: most jobs are short). */
const POLL_MS = 250;
const FIRST_POLLS_MS = [60, 120, 180];

/** A job that ended cancelled: the store is as it was. */
export class JobCancelledError extends ApiError {
  constructor(view: JobView) {
    super(view.error ?? { code: 'conflict', message: 'Cancelled' });
  }
}

/** The page no longer wants a job's answer (its input changed, the screen closed). */
export class JobAbandonedError extends Error {
  constructor() {
    super('No longer wanted');
  }
}

/**
 * Runs long work in the services' job runner (a worker, so the page keeps answering):
 * starts it, reports its progress as it polls, and resolves with the operation's output.
 * Aborting `signal` cancels the job (when it still can be) and rejects with
 * `JobAbandonedError`.
 */
export async function runJob<K extends JobOp>(
  op: K,
  input: OpInput<K>,
  onView: (view: JobView) => void = () => undefined,
  signal?: AbortSignal,
): Promise<OpOutput<K>> {
  const { jobId } = await call('jobs.start', { op, input });
  for (let polls = 0; ; polls++) {
    if (signal?.aborted) {
      void call('jobs.cancel', { jobId }).catch(() => undefined);
      throw new JobAbandonedError();
    }
    const view = await call('jobs.status', { jobId });
    if (signal?.aborted) continue;
    onView(view);
    if (view.state === 'cancelled') throw new JobCancelledError(view);
    if (view.state !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, FIRST_POLLS_MS[polls] ?? POLL_MS));
  }
  return (await call('jobs.result', { jobId })) as OpOutput<K>;
}

/**
 * `useOp` for an operation that runs as a job (a report's preview, a sheet's preview):
 * runs it when the component shows and whenever `input` changes (compared as JSON), with
 * the running job's view for its progress and a cancel; a job whose input changed is
 * cancelled, its answer ignored.
 */
export function useJobOp<K extends JobOp>(op: K, input: OpInput<K> | null) {
  const [state, setState] = useState<{
    data?: OpOutput<K>;
    error?: ApiError;
    loading: boolean;
    view: JobView | null;
  }>({ loading: input !== null, view: null });
  const [version, setVersion] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const running = useRef<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const live = (): boolean => !controller.signal.aborted;
    setState((s) => ({ ...s, loading: true, view: null }));
    runJob(
      op,
      JSON.parse(key) as OpInput<K>,
      (view) => {
        running.current = view.jobId;
        if (live()) setState((s) => ({ ...s, view }));
      },
      controller.signal,
    ).then(
      (data) => live() && setState({ data, loading: false, view: null }),
      (error: unknown) =>
        live() &&
        setState({
          error:
            error instanceof ApiError ? error : new ApiError({ code: 'internal', message: String(error) }),
          loading: false,
          view: null,
        }),
    );
    return () => controller.abort();
  }, [op, key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const cancel = useCallback(() => {
    const id = running.current;
    if (id) void call('jobs.cancel', { jobId: id }).catch(() => undefined);
  }, []);
  return { ...state, reload, cancel };
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
