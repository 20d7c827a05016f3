import { z } from 'zod';
import { ErrorShape } from '../errors.ts';
import { op } from './define.ts';

/**
 * The operations that are long work: each runs in the job runner's worker (its own store
 * connection), reports progress and, where nothing has been committed yet, can be
 * cancelled. A job is named by the contract operation it performs and takes that
 * operation's input and gives its output. To make an operation a job, add its name here
 * and register its function in `electron/services/jobs/registry.ts`.
 */
export const jobOps = [
  'sync.import',
  'sync.export',
  'sync.folder',
  'region.loadDemo',
  'region.loadFile',
  'reports.preview',
  'reports.export',
  'reports.save',
  'sheets.preview',
  'sheets.import',
  'mail.send',
  'mail.fetch',
  'mail.take',
  'mail.queue',
  'mail.draft',
] as const;
export type JobOp = (typeof jobOps)[number];

/**
 * What a job is doing now. Phases the page knows by name are translated
 * (`jobs.phase.<phase>` in renderer/i18n/jobs.ts); `detail` is shown as it is (a file name,
 * a table).
 */
export const JobProgress = z.object({
  phase: z.string(),
  detail: z.string().optional(),
  done: z.number(),
  total: z.number(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const jobStates = ['running', 'done', 'failed', 'cancelled'] as const;

export const JobView = z.object({
  jobId: z.string(),
  op: z.enum(jobOps),
  state: z.enum(jobStates),
  progress: JobProgress,
  /** True while cancelling would leave the store exactly as it was. */
  cancellable: z.boolean(),
  /** The coach asked to cancel; the job stops at its next check. */
  cancelRequested: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: ErrorShape.nullable(),
});
export type JobView = z.infer<typeof JobView>;

const jobId = z.string().min(1).max(100);

export const jobsOps = {
  /**
   * Starts a long operation in the worker; returns at once with its id. Refused with a
   * message naming the running job while another job works on this store.
   */
  'jobs.start': op(z.object({ op: z.enum(jobOps), input: z.unknown() }), z.object({ jobId: z.string() })),
  /** Where a job is: phase, done / total, whether it can still be cancelled, how it ended. */
  'jobs.status': op(z.object({ jobId }), JobView),
  /** The job running on this store now, if any (a reloaded page picks up its progress). */
  'jobs.current': op(z.object({}), JobView.nullable()),
  /** Asks a job to stop; only while nothing has been committed. */
  'jobs.cancel': op(z.object({ jobId }), z.object({ cancelled: z.boolean() })),
  /**
   * A finished job's output (the output of its operation). A failed job answers with its
   * error; a running one with "still running".
   */
  'jobs.result': op(z.object({ jobId }), z.unknown()),
};
