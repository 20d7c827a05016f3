import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import { contract, type Contract } from '../../../shared/contract/index.ts';
import type { JobOp, JobProgress, JobView } from '../../../shared/contract/jobs.ts';
import {
  fromZodError,
  PamojaError,
  PlaceError,
  type ErrorShape,
  type PlaceReason,
} from '../../../shared/errors.ts';
import { JobCancelled } from './hooks.ts';
import { acquireJobLock, releaseJobLock } from './lock.ts';
import { jobRegistry, type JobDefinition, type JobPrepareContext } from './registry.ts';
import type { PdfPrinter } from '../reports/chromium.ts';
import { pdfPrintOptions, sharedPrinter } from '../reports/pdf.ts';
import type { JobStart, RunnerMessage, SpareStart, WorkerMessage } from './worker.ts';

/**
 * Under Node (serve, CLI, tests) the worker is the TypeScript file itself (Node strips the
 * types); in the packaged app the main process is one esbuild bundle and the worker is
 * bundled beside it (scripts/build-electron.ts).
 */
function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./worker.ts', import.meta.url)
    : new URL('./job-worker.mjs', import.meta.url);
}

interface Job {
  view: JobView;
  input: unknown;
  /** The caller's context, for the definition's `finish`. */
  ctx: JobPrepareContext | undefined;
  readOnly: boolean;
  value: unknown;
  /** [0]: 1 once cancel was asked; [1]: 1 once the worker opens the store, 2 if stopped before. */
  cancelFlag: Int32Array;
  worker: Worker | null;
  /** Stopped before it opened the store (nothing to roll back, nothing to wait for). */
  stoppedEarly: boolean;
  finished: Promise<void>;
  /** Ends the job without a worker (cancelled while it waited for a reading slot). */
  end: (outcome: WorkerMessage) => void;
}

export interface RunnerOptions {
  storeFile: string;
  dataDir: string;
  /** Told when a job that writes starts (true) and ends (false). */
  onBusyChange?: (busy: boolean) => void;
  /** Every change of a job (progress, end), e.g. to push it to the window. */
  onUpdate?: (view: JobView) => void;
  workerUrl?: URL;
  /**
   * Prints reports' PDFs for the workers (the CLI's own for `--browser`); by default the
   * process's shared Chromium, kept warm between reports. Never chosen by the page.
   */
  printer?: PdfPrinter;
  /** The store key for the worker (memory only; electron/services/secrets/vault.ts); null when none is kept. */
  storeKey?: () => Uint8Array | null;
  /** A job given a passphrase finished well: the passphrase is the region's (the main thread may unlock with it). */
  onPassphraseProved?: (passphrase: string) => void;
  /** The store key a job's worker held at its end (it may have made or unlocked it): kept here too. */
  onStoreKey?: (key: Uint8Array) => void;
}

/** Finished jobs remembered for their result / status. */
const KEEP_FINISHED = 20;
/**
 * Reading jobs (reports, previews) at once per runner; more wait their turn. Each worker
 * holds its own copy of the services, so a page changing its report quickly must not
 * start a dozen.
 */
const MAX_READING = 2;
/** How long shutting down waits for running jobs to stop at their next check. */
const CLOSE_GRACE_MS = 3000;
/**
 * Young generation of a worker with a heap budget: small, so short-lived objects (a span's
 * changes) are collected often instead of filling a large nursery.
 */
const YOUNG_HEAP_MB = 16;
/** Stores with a job running in this process (two runners on one file share the rule). */
const runningHere = new Map<string, JobView>();

/**
 * Runs long jobs (electron/services/jobs/registry.ts) in a worker thread with its own
 * store connection. Jobs that write run one at a time per store; a second is refused with
 * a message naming the first. Jobs that only read run beside them. The page starts a job,
 * polls its status, may cancel it while nothing has been committed, and collects its
 * result.
 *
 * A worker is never terminated while it works (better-sqlite3 may abort the whole process
 * when a worker is torn down inside a call): cancel is a flag the job polls, and the
 * worker closes its connection before it ends.
 */
export class JobRunner {
  readonly #options: RunnerOptions;
  readonly #jobs = new Map<string, Job>();
  #current: Job | null = null;
  #reading = 0;
  /** A worker started ahead, its modules loaded, waiting for the next job (`keepWarm`). */
  #spare: Worker | null = null;
  #keepWarm = false;
  readonly #waiting: { job: Job; start: JobStart }[] = [];

  constructor(options: RunnerOptions) {
    // One spelling of the store's path, so every runner on it agrees on the lock.
    this.#options = { ...options, storeFile: resolve(options.storeFile) };
  }

  /**
   * Starts a job and returns its view at once. `ctx` resolves the paths the input names
   * (the transports pass theirs; without one, paths are used as given, as in the CLI).
   */
  async start(op: JobOp, rawInput: unknown, ctx?: JobPrepareContext): Promise<JobView> {
    const parsed = contract[op].input.safeParse(rawInput);
    if (!parsed.success) throw fromZodError(parsed.error);
    const definition = jobRegistry[op] as JobDefinition<JobOp>;
    if (!definition.readOnly) this.#refuseIfBusy();
    const input =
      ctx && definition.prepare ? await definition.prepare(parsed.data as never, ctx) : parsed.data;
    return this.#launch(op, definition, input, ctx);
  }

  #refuseIfBusy(): void {
    const here = runningHere.get(this.#options.storeFile);
    if (here) throw busyError(jobRegistry[here.op].doing, here.startedAt);
  }

  #launch(op: JobOp, definition: JobDefinition<JobOp>, input: unknown, ctx?: JobPrepareContext): JobView {
    const readOnly = definition.readOnly === true;
    const storeFile = this.#options.storeFile;
    const startedAt = new Date().toISOString();
    if (!readOnly) {
      this.#refuseIfBusy(); // again: another call may have started one while `prepare` ran
      const lock = acquireJobLock(storeFile, { pid: process.pid, doing: definition.doing, startedAt });
      if (!lock.ok) throw busyError(lock.owner.doing, lock.owner.startedAt, lock.owner.pid);
    }

    const flag = new SharedArrayBuffer(8);
    const waits = readOnly && this.#reading >= MAX_READING;
    const view: JobView = {
      jobId: randomUUID(),
      op,
      state: 'running',
      progress: {
        phase: waits ? 'waiting' : definition.backupBefore ? 'backup' : 'starting',
        done: 0,
        total: 0,
      },
      cancellable: definition.cancellable,
      cancelRequested: false,
      startedAt,
      finishedAt: null,
      error: null,
    };
    // A job that only reads needs no secrets (and the vault's work stays off this thread).
    const storeKey = readOnly ? undefined : (this.#options.storeKey?.() ?? undefined);
    const start: JobStart = {
      op,
      input,
      storeFile,
      dataDir: this.#options.dataDir,
      cancelFlag: flag,
      // A copy in its own 32-byte buffer: a pooled Buffer would carry its whole pool across.
      ...(storeKey ? { storeKey: new Uint8Array(storeKey) } : {}),
    };
    const job: Job = {
      view,
      input,
      ctx,
      readOnly,
      value: undefined,
      cancelFlag: new Int32Array(flag),
      worker: null,
      stoppedEarly: false,
      finished: Promise.resolve(),
      end: () => undefined,
    };
    job.finished = new Promise<void>((resolve) => {
      job.end = (outcome) => {
        this.#finish(job, outcome);
        resolve();
      };
    });
    if (!readOnly) runningHere.set(storeFile, view);
    try {
      if (waits) this.#waiting.push({ job, start });
      else this.#spawn(job, start);
    } catch (e) {
      if (!readOnly) {
        runningHere.delete(storeFile);
        releaseJobLock(storeFile);
      }
      throw e;
    }
    this.#jobs.set(view.jobId, job);
    if (!readOnly) {
      this.#current = job;
      this.#options.onBusyChange?.(true);
    }
    this.#options.onUpdate?.(view);
    return { ...view };
  }

  /**
   * Keeps one worker started ahead of the next job (the app and serve): loading the
   * services in a new thread takes longer than most reports. An idle spare holds no store
   * connection and keeps no process alive.
   */
  keepWarm(): void {
    this.#keepWarm = true;
    this.#startSpare();
  }

  #startSpare(): void {
    if (!this.#keepWarm || this.#spare) return;
    const spare = new Worker(this.#options.workerUrl ?? defaultWorkerUrl(), { workerData: { spare: true } });
    spare.unref();
    spare.on('error', (e) => console.error('[pamoja] a spare job worker failed:', e));
    spare.on('exit', () => {
      if (this.#spare === spare) this.#spare = null;
    });
    this.#spare = spare;
  }

  /**
   * The spare worker with its job, or a new worker started for it. A job with a heap budget
   * gets a worker of its own made with it (a thread's heap limits are set when it starts).
   */
  #workerFor(start: JobStart, heapMb: number | undefined): Worker {
    if (heapMb !== undefined)
      return new Worker(this.#options.workerUrl ?? defaultWorkerUrl(), {
        workerData: start,
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_HEAP_MB },
      });
    const spare = this.#spare;
    if (spare) {
      this.#spare = null;
      spare.removeAllListeners('error'); // the job's own listeners take over
      spare.ref();
      spare.postMessage({ type: 'start', start } satisfies SpareStart);
      return spare;
    }
    return new Worker(this.#options.workerUrl ?? defaultWorkerUrl(), { workerData: start });
  }

  #spawn(job: Job, start: JobStart): void {
    const { view } = job;
    const op = view.op;
    const heapMb = jobRegistry[op].heapMb;
    const worker = this.#workerFor(start, heapMb);
    job.worker = worker;
    if (job.readOnly) this.#reading++;
    let outcome: WorkerMessage | null = null;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'print') this.#print(worker, m);
      else if (m.type === 'progress') {
        view.progress = m.progress;
        this.#options.onUpdate?.(view);
      } else outcome = m;
    });
    worker.on('error', (e) => {
      console.error(`[pamoja] job ${op} crashed:`, e);
      outcome ??= {
        type: 'failed',
        error:
          (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? outOfMemory(jobRegistry[op].doing, heapMb)
            : { code: 'internal', message: `Something went wrong in ${op}: ${e.message}` },
        cancelled: false,
      };
    });
    worker.on('exit', (code) => {
      if (job.readOnly) this.#reading--;
      job.end(
        outcome ??
          (job.stoppedEarly
            ? { type: 'failed', error: new JobCancelled().toShape(), cancelled: true }
            : {
                type: 'failed',
                error: { code: 'internal', message: `The worker for ${op} stopped (exit code ${code}).` },
                cancelled: false,
              }),
      );
      this.#nextReader();
      // The next spare starts once this job is over, not competing with it.
      this.#startSpare();
    });
  }

  /** Prints for a worker and answers it (a worker gone meanwhile gets nothing). */
  #print(worker: Worker, m: { id: number; html: string; footer: string }): void {
    const printer = this.#options.printer ?? sharedPrinter();
    const answer = (reply: RunnerMessage, transfer: ArrayBuffer[] = []): void => {
      try {
        worker.postMessage(reply, transfer);
      } catch {
        // The job ended (cancelled, crashed) before its PDF was ready.
      }
    };
    printer.print(m.html, pdfPrintOptions(m.footer)).then(
      (pdf) => {
        const bytes = new Uint8Array(pdf); // its own buffer, handed over without a copy
        answer({ type: 'printed', id: m.id, pdf: bytes }, [bytes.buffer]);
      },
      (e: unknown) =>
        answer({
          type: 'printed',
          id: m.id,
          error:
            e instanceof PamojaError
              ? e.toShape()
              : { code: 'internal', message: `Could not print the PDF: ${(e as Error).message}` },
        }),
    );
  }

  /** Starts the reading job that waited longest, if a slot is free. */
  #nextReader(): void {
    while (this.#reading < MAX_READING) {
      const next = this.#waiting.shift();
      if (!next) return;
      try {
        this.#spawn(next.job, next.start);
      } catch (e) {
        next.job.end({
          type: 'failed',
          error: {
            code: 'internal',
            message: `Could not start ${next.job.view.op}: ${(e as Error).message}`,
          },
          cancelled: false,
        });
      }
    }
  }

  #finish(job: Job, outcome: WorkerMessage): void {
    const view = job.view;
    view.finishedAt = new Date().toISOString();
    view.cancellable = false;
    if (outcome.type === 'done') {
      view.state = 'done';
      job.value = outcome.value;
      if (outcome.storeKey) this.#options.onStoreKey?.(outcome.storeKey);
      const passphrase = (job.input as { passphrase?: unknown } | null)?.passphrase;
      if (typeof passphrase === 'string' && passphrase !== '') this.#options.onPassphraseProved?.(passphrase);
    } else if (outcome.type === 'failed') {
      view.state = outcome.cancelled ? 'cancelled' : 'failed';
      view.error = outcome.error;
    }
    job.worker = null;
    if (!job.readOnly) {
      if (this.#current === job) this.#current = null;
      runningHere.delete(this.#options.storeFile);
      releaseJobLock(this.#options.storeFile);
    }
    this.#forgetOld();
    if (!job.readOnly) this.#options.onBusyChange?.(false);
    this.#options.onUpdate?.(view);
  }

  #forgetOld(): void {
    const finished = [...this.#jobs.values()].filter((j) => j.view.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.#jobs.delete(j.view.jobId);
  }

  #job(jobId: string): Job {
    const job = this.#jobs.get(jobId);
    if (!job) throw new PamojaError('not_found', 'No such task: it finished long ago or never started.');
    return job;
  }

  status(jobId: string): JobView {
    return { ...this.#job(jobId).view };
  }

  current(): JobView | null {
    return this.#current ? { ...this.#current.view } : null;
  }

  busy(): boolean {
    return this.#current !== null;
  }

  /** Asks the job to stop; false when it can no longer be cancelled or has ended. */
  cancel(jobId: string): boolean {
    const job = this.#job(jobId);
    if (job.view.state !== 'running' || !job.view.cancellable) return false;
    job.view.cancelRequested = true;
    Atomics.store(job.cancelFlag, 0, 1);
    const waiting = this.#waiting.findIndex((w) => w.job === job);
    if (waiting >= 0) {
      this.#waiting.splice(waiting, 1);
      job.end({ type: 'failed', error: new JobCancelled().toShape(), cancelled: true });
    } else {
      this.#stopIfNotStarted(job);
      this.#options.onUpdate?.(job.view);
    }
    return true;
  }

  /**
   * A worker still loading its code (it has not touched the store) is stopped at once
   * rather than left to load everything and then notice the cancel. Once it has claimed
   * the store it is never torn down: it stops itself at its next check.
   */
  #stopIfNotStarted(job: Job): void {
    if (!job.worker || Atomics.compareExchange(job.cancelFlag, 1, 0, 2) !== 0) return;
    job.stoppedEarly = true;
    void job.worker.terminate();
  }

  /** A finished job's output; its error if it failed or was cancelled. */
  result(jobId: string): unknown {
    const job = this.#job(jobId);
    if (job.view.state === 'running')
      throw new PamojaError('unavailable', 'This task is still running: wait for it to finish.');
    if (job.view.error) throw toError(job.view.error);
    const finish = (jobRegistry[job.view.op] as JobDefinition<JobOp>).finish;
    return finish && job.ctx ? finish(job.value as never, job.ctx) : job.value;
  }

  /** Waits for a job to end, then gives its result (or throws its error). */
  async wait(jobId: string): Promise<unknown> {
    await this.#job(jobId).finished;
    return this.result(jobId);
  }

  /** Starts a job and waits for it (the CLI, and contract calls that wait for their answer). */
  async run<K extends JobOp>(
    op: K,
    input: unknown,
    ctx?: JobPrepareContext,
    onProgress?: (p: JobProgress) => void,
  ): Promise<z.input<Contract[K]['output']>> {
    return (await this.#run(op, input, ctx, onProgress)) as z.input<Contract[K]['output']>;
  }

  async #run(
    op: JobOp,
    input: unknown,
    ctx?: JobPrepareContext,
    onProgress?: (p: JobProgress) => void,
  ): Promise<unknown> {
    const view = await this.start(op, input, ctx);
    const job = this.#job(view.jobId);
    if (onProgress) {
      const timer = setInterval(() => onProgress(job.view.progress), 200);
      try {
        return await this.wait(view.jobId);
      } finally {
        clearInterval(timer);
      }
    }
    return this.wait(view.jobId);
  }

  /** Stops every job (shutting down); what they had not committed is lost. */
  async close(): Promise<void> {
    this.#keepWarm = false;
    const spare = this.#spare;
    this.#spare = null;
    await spare?.terminate(); // idle: it has opened no store
    for (const { job } of this.#waiting.splice(0))
      job.end({ type: 'failed', error: new JobCancelled().toShape(), cancelled: true });
    const running = [...this.#jobs.values()].filter((j) => j.worker);
    for (const job of running) Atomics.store(job.cancelFlag, 0, 1);
    // A job that can stop does so at its next check; one that cannot is torn down.
    const stopped = Promise.all(running.map((job) => job.finished));
    const late = await Promise.race([
      stopped.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), CLOSE_GRACE_MS).unref()),
    ]);
    if (late) await Promise.all(running.map((job) => job.worker?.terminate()));
    await stopped;
  }
}

function busyError(doing: string, startedAt: string, pid?: number): PamojaError {
  const since = startedAt ? ` since ${startedAt.slice(11, 16)} UTC` : '';
  const who = pid && pid !== process.pid ? `Another Pamoja (process ${pid}) is` : 'Pamoja is';
  return new PamojaError(
    'conflict',
    `${who} already ${doing} on this store${since}. Wait for it to finish, then try again.`,
  );
}

/** The job's error as the worker described it, with what the page words itself (`reason`). */
function toError(shape: ErrorShape): PamojaError {
  if (shape.reason !== undefined && shape.detail !== undefined)
    return new PlaceError(shape.code, shape.reason as PlaceReason, shape.detail, shape.message);
  return new PamojaError(shape.code, shape.message, shape.path);
}

/** A job that outgrew its heap budget: its worker stopped before committing what it was on. */
function outOfMemory(doing: string, heapMb: number | undefined): ErrorShape {
  return {
    code: 'unavailable',
    message:
      `Pamoja stopped ${doing}: it needed more than the ${heapMb ?? ''} MB of memory set aside for it. ` +
      'What it was taking in when it stopped was not saved. Close other programs and try again; ' +
      'if it happens again, tell whoever looks after Pamoja.',
  };
}
