import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import type { Contract } from '../../shared/contract/index.ts';
import type { JobOp } from '../../shared/contract/jobs.ts';
import { JobRunner } from '../services/jobs/runner.ts';
import type { CliIo } from './command.ts';

/**
 * Runs long work through the same job runner as the app and `serve` (a worker with its
 * own connection, the before-import snapshot, one job per store across processes),
 * showing its progress on stderr.
 */
export function runCliJob<K extends JobOp>(
  db: string,
  op: K,
  input: z.input<Contract[K]['input']>,
  io: CliIo,
  options: { browser?: string } = {},
): Promise<z.input<Contract[K]['output']>> {
  const storeFile = resolve(db);
  const runner = new JobRunner({ storeFile, dataDir: dirname(storeFile), ...options });
  return runner.run(op, input, undefined, (p) =>
    io.progress(p.done, p.total, p.detail ? `${p.phase} ${p.detail}` : p.phase),
  );
}
