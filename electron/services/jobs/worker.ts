import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { JobOp } from '../../../shared/contract/jobs.ts';
import { PamojaError, type ErrorShape } from '../../../shared/errors.ts';
import { openStore } from '../../db/store.ts';
import { takeBackup } from '../backups/snapshot.ts';
import { holdStoreKey, openVault } from '../secrets/vault.ts';
import { JobCancelled, type JobHooks, type JobProgress } from './hooks.ts';
import { jobRegistry, preloadJobs, type JobDefinition } from './registry.ts';

/**
 * The job runner's worker: opens its own connection to the store (WAL lets the main
 * thread keep reading meanwhile), takes the snapshot the job asks for, runs the job and
 * posts progress and the outcome. One worker per job; it ends with the job.
 */
export interface JobStart {
  op: JobOp;
  input: unknown;
  storeFile: string;
  dataDir: string;
  /** Int32 [0]: 1 once the coach asked to cancel; [1]: the store claimed (1) or the worker stopped first (2). */
  cancelFlag: SharedArrayBuffer;
  /**
   * The store key the main thread unlocked (electron/services/secrets/vault.ts), so the job
   * can open and seal the region key and the signing key. Handed over in memory only.
   */
  storeKey?: Uint8Array;
}

export type WorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'print'; id: number; html: string; footer: string }
  | { type: 'done'; value: unknown; storeKey?: Uint8Array }
  | { type: 'failed'; error: ErrorShape; cancelled: boolean };

/** The runner's answer to a `print` message. */
export type RunnerMessage = { type: 'printed'; id: number; pdf?: Uint8Array; error?: ErrorShape };

/**
 * PDFs are printed on the runner's side (one warm browser for every job); a print waits
 * for its answer. The port listens only while a print is out, so the worker still ends
 * by itself when the job is done.
 */
function parentPrinter(port: MessagePort | NonNullable<typeof parentPort>) {
  let next = 1;
  const waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();
  const listen = (m: RunnerMessage): void => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (waiting.size === 0) port.off('message', listen);
    if (m.pdf) w.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
    else w.reject(toError(m.error ?? { code: 'internal', message: 'The PDF was not printed.' }));
  };
  return {
    print(html: string, footer: string): Promise<Buffer> {
      const id = next++;
      if (waiting.size === 0) port.on('message', listen);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        port.postMessage({ type: 'print', id, html, footer } satisfies WorkerMessage);
      });
    },
  };
}

function toError(shape: ErrorShape): PamojaError {
  return new PamojaError(shape.code, shape.message, shape.path);
}

/** Progress at most this often, besides every change of phase (the page polls a few times a second). */
const PROGRESS_EVERY_MS = 100;

function heldKey(store: ReturnType<typeof openStore>): Buffer | null {
  try {
    return openVault(store);
  } catch {
    return null; // locked here too: nothing to hand back
  }
}

async function main(
  start: JobStart,
  post: (m: WorkerMessage) => void,
  printer: { print(html: string, footer: string): Promise<Buffer> },
): Promise<void> {
  const flag = new Int32Array(start.cancelFlag);
  let lastPhase = '';
  let lastAt = 0;
  const hooks: JobHooks = {
    progress: (progress) => {
      const now = Date.now();
      if (progress.phase === lastPhase && now - lastAt < PROGRESS_EVERY_MS && progress.done < progress.total)
        return;
      lastPhase = progress.phase;
      lastAt = now;
      post({ type: 'progress', progress });
    },
    cancelled: () => Atomics.load(flag, 0) === 1,
  };
  const definition = jobRegistry[start.op] as JobDefinition<JobOp>;
  let store: ReturnType<typeof openStore> | undefined;
  try {
    // Claims the store: from here on the runner never tears this worker down (see
    // JobRunner.#stopIfNotStarted); a worker it already stopped opens nothing.
    if (Atomics.compareExchange(flag, 1, 0, 1) !== 0) throw new JobCancelled();
    store = openStore(start.storeFile);
    if (start.storeKey) holdStoreKey(store, start.storeKey);
    const opened = store;
    let backedUp = false;
    const backup = async (): Promise<void> => {
      if (backedUp) return;
      backedUp = true;
      await takeBackup(opened, 'before-import', hooks);
      if (hooks.cancelled()) throw new JobCancelled();
    };
    if (definition.backupBefore) await backup();
    if (hooks.cancelled()) throw new JobCancelled();
    const value = await definition.run(store, start.input as never, hooks, {
      dataDir: start.dataDir,
      backup,
      printPdf: (html, footer) => printer.print(html, footer),
    });
    // The store key this job unlocked or made (joining a region with a passphrase) goes back
    // with the answer, so the transport's thread need not derive it again (scrypt, ~0.2 s).
    const key = heldKey(store);
    post({ type: 'done', value, ...(key ? { storeKey: new Uint8Array(key) } : {}) });
  } catch (e) {
    if (e instanceof PamojaError) {
      post({ type: 'failed', error: e.toShape(), cancelled: e instanceof JobCancelled });
    } else {
      console.error(`[pamoja] job ${start.op} failed:`, e);
      post({
        type: 'failed',
        error: { code: 'internal', message: `Something went wrong in ${start.op}: ${(e as Error).message}` },
        cancelled: false,
      });
    }
  } finally {
    store?.close();
  }
}

/** A spare worker started ahead of time (modules loaded) is handed its job in a message. */
export type SpareStart = { type: 'start'; start: JobStart };

/**
 * Long work yields to the transport's thread: on Linux this thread alone is made "nicer"
 * by ten (a thread has its own id under /proc), so a busy laptop still answers the page at once.
 * Elsewhere the priority is per process, so it is left as it is.
 */
function yieldToThePage(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + NICER_BY));
  } catch {
    // No /proc here (a sandbox): the default priority it is.
  }
}
/** How much nicer than the process the worker's thread is (Unix niceness, 19 at most). */
const NICER_BY = 10;

if (parentPort) {
  const port = parentPort;
  yieldToThePage();
  const spare = (workerData as { spare?: true } | null)?.spare === true;
  // A spare loads every job's code while it waits; a worker started for one job loads its own.
  if (spare) void preloadJobs().catch(() => undefined);
  const start = spare
    ? await new Promise<JobStart>((resolve) => port.once('message', (m: SpareStart) => resolve(m.start)))
    : (workerData as JobStart);
  await main(start, (m) => port.postMessage(m), parentPrinter(port));
}
