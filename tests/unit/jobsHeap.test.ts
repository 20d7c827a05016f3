import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobRegistry } from '../../electron/services/jobs/registry.ts';
import { JobRunner } from '../../electron/services/jobs/runner.ts';
import type { JobView } from '../../shared/contract/jobs.ts';
import { tempDir } from './helpers.ts';

const hungryWorker = new URL('./fixtures/hungryWorker.ts', import.meta.url);

function runner(updates: JobView[]): JobRunner {
  const dir = tempDir();
  return new JobRunner({
    storeFile: join(dir, 'pamoja.sqlite'),
    dataDir: dir,
    workerUrl: hungryWorker,
    onUpdate: (v) => updates.push(structuredClone(v)),
  });
}

const heapLimitSaid = (updates: JobView[]) =>
  Number(updates.find((u) => u.progress.phase === 'heap')?.progress.detail);

describe('a job that streams its work runs in a worker with a heap budget', () => {
  it('imports, exports and folder syncs have one; a demo and reports do not', () => {
    expect(jobRegistry['sync.import'].heapMb).toBe(128);
    expect(jobRegistry['sync.export'].heapMb).toBe(128);
    expect(jobRegistry['sync.folder'].heapMb).toBe(128);
    expect(jobRegistry['region.loadDemo'].heapMb).toBeUndefined();
    expect(jobRegistry['reports.export'].heapMb).toBeUndefined();
  });

  it('an import that outgrows it stops with a message saying so, not a crash', async () => {
    const updates: JobView[] = [];
    const r = runner(updates);
    await expect(r.run('sync.import', { path: '/nowhere/full.pamoja' })).rejects.toThrow(
      /stopped importing a bundle: it needed more than the 128 MB of memory set aside for it/,
    );
    // The worker's heap limit is the budget (old generation) plus its small young generation.
    const limit = heapLimitSaid(updates);
    expect(limit).toBeGreaterThanOrEqual(128);
    expect(limit).toBeLessThan(128 + 64);
    const last = updates.at(-1)!;
    expect(last.state).toBe('failed');
    expect(last.error?.code).toBe('unavailable');
  });

  it('a job without a budget keeps V8’s own limit', async () => {
    const updates: JobView[] = [];
    await expect(runner(updates).run('region.loadDemo', { seed: 1 })).rejects.toThrow('not hungry');
    expect(heapLimitSaid(updates)).toBeGreaterThan(512);
  });
});
