import { parentPort, workerData } from 'node:worker_threads';
import type { JobOp } from '../../../shared/contract/jobs.ts';
import { PamojaError, type ErrorShape } from '../../../shared/errors.ts';
import { openStore } from '../../db/store.ts';
import { takeBackup } from '../backups/snapshot.ts';
import { holdStoreKey } from '../secrets/vault.ts';
import { JobCancelled, type JobHooks, type JobProgress } from './hooks.ts';
import { jobRegistry, type JobDefinition } from './registry.ts';

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
  /** Int32 [0]: 1 once the coach asked to cancel. */
  cancelFlag: SharedArrayBuffer;
  browser?: string;
  /**
   * The store key the main thread unlocked (electron/services/secrets/vault.ts), so the job
   * can open and seal the region key and the signing key. Handed over in memory only.
   */
  storeKey?: Uint8Array;
}

export type WorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: ErrorShape; cancelled: boolean };

/** Progress at most this often, besides every change of phase (the page polls a few times a second). */
const PROGRESS_EVERY_MS = 100;

async function main(start: JobStart, post: (m: WorkerMessage) => void): Promise<void> {
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
      ...(start.browser ? { browser: start.browser } : {}),
    });
    post({ type: 'done', value });
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

if (parentPort) {
  const port = parentPort;
  await main(workerData as JobStart, (m) => port.postMessage(m));
}
