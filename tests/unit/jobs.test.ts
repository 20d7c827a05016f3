import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackupFiles } from '../../electron/db/backupFiles.ts';
import { openStore, type Store } from '../../electron/db/store.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { createContext } from '../../electron/services/context.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { handlers } from '../../electron/services/index.ts';
import { JobCancelled } from '../../electron/services/jobs/hooks.ts';
import { jobLockFile } from '../../electron/services/jobs/lock.ts';
import { jobRegistry } from '../../electron/services/jobs/registry.ts';
import { JobRunner } from '../../electron/services/jobs/runner.ts';
import { exportBundle } from '../../electron/services/sync/bundles.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { joinSyncRegion } from '../../electron/services/sync/service.ts';
import type { JobProgress, JobView } from '../../shared/contract/jobs.ts';
import { tempDir } from './helpers.ts';
import { storeKeyOf } from '../../electron/services/secrets/vault.ts';

const PASSPHRASE = 'mango tree by the borehole';

/** A sender store holding a demo region, its full bundle, and an empty receiver. */
async function bundleAndReceiver(scale: 'small' | 'region' = 'small') {
  const dir = tempDir();
  const sender = openStore(join(dir, 'sender.sqlite'));
  joinSyncRegion(sender, { passphrase: PASSPHRASE, regionId: 'kilifi', regionName: 'Kilifi' });
  generateDemo(sender, { seed: 3, scale });
  const bundle = join(dir, 'full.pamoja');
  await exportBundle(sender, { kind: 'full' }, bundle);
  const senderDigest = storeDigest(sender).digest;
  sender.close();
  const receiverFile = join(dir, 'receiver', 'pamoja.sqlite');
  const receiver = openStore(receiverFile);
  return { dir, bundle, senderDigest, receiver, receiverFile };
}

function runnerFor(store: Store, updates: JobView[] = []): JobRunner {
  return new JobRunner({
    storeFile: store.file,
    dataDir: join(store.file, '..'),
    onUpdate: (v) => updates.push(structuredClone(v)),
    // As createContext does: the worker gets the store key the main thread unlocked.
    storeKey: () => storeKeyOf(store),
  });
}

describe('the job runner', () => {
  it('imports a bundle in a worker with progress, taking a before-import snapshot first', async () => {
    const { bundle, senderDigest, receiver } = await bundleAndReceiver();
    const before = storeDigest(receiver).digest;
    const updates: JobView[] = [];
    const runner = runnerFor(receiver, updates);
    const seen: JobProgress[] = [];
    const result = await runner.run('sync.import', { path: bundle, passphrase: PASSPHRASE }, undefined, (p) =>
      seen.push(p),
    );
    expect(result.new).toBeGreaterThan(1000);
    expect(result.joined).toBe(true);
    // The main connection sees what the worker's connection wrote.
    expect(storeDigest(receiver).digest).toBe(senderDigest);
    const phases = new Set(updates.map((u) => u.progress.phase));
    expect(phases).toContain('backup');
    expect(phases).toContain('merging');
    expect(updates.at(-1)!.state).toBe('done');

    const backups = listBackupFiles(receiver.file);
    expect(backups.map((b) => b.kind)).toEqual(['before-import']);
    expect(statSync(backups[0]!.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(receiver.file, '..', 'backups')).mode & 0o777).toBe(0o700);
    const snapshot = openStore(backups[0]!.path, { readonly: true });
    expect(storeDigest(snapshot).digest).toBe(before);
    snapshot.close();
    receiver.close();
  });

  it('refuses a second job on the same store, naming the first, and lets the page keep reading', async () => {
    const { bundle, receiver } = await bundleAndReceiver();
    const runner = runnerFor(receiver);
    const first = await runner.start('sync.import', { path: bundle, passphrase: PASSPHRASE });
    await expect(runner.start('region.loadDemo', {})).rejects.toThrow(
      /already importing a bundle on this store since .* Wait for it to finish/,
    );
    // Another runner on the same file (as the CLI would be) is refused too.
    const other = runnerFor(receiver);
    await expect(other.start('sync.export', { kind: 'full' })).rejects.toThrow(/already importing a bundle/);
    // Reads go on meanwhile.
    expect(storeDigest(receiver).rows).toBeGreaterThanOrEqual(0);
    await runner.wait(first.jobId);
    expect(runner.status(first.jobId).state).toBe('done');
    // Once it ends the next job may start.
    const out = join(receiver.file, '..', 'out.pamoja');
    await expect(runner.run('sync.export', { kind: 'full', path: out })).resolves.toMatchObject({
      changes: expect.any(Number),
    });
    receiver.close();
  });

  it('says it is signing while a first export signs the store’s changes, span by span', async () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'pamoja.sqlite'));
    joinSyncRegion(store, { passphrase: PASSPHRASE, regionId: 'kilifi', regionName: 'Kilifi' });
    generateDemo(store, { seed: 3, scale: 'region' });
    // A term of enrolment updates on top: more changes than one span holds.
    const schools = store.db.prepare('SELECT id FROM schools').pluck().all() as string[];
    store.write((w) => {
      for (let round = 0; round < 250; round++)
        for (const id of schools) w.update('schools', id, { learners: 300 + round });
    });
    const updates: JobView[] = [];
    const exported = await runnerFor(store, updates).run('sync.export', {
      kind: 'full',
      path: join(dir, 'full.pamoja'),
    });
    const spans = store.db.prepare('SELECT count(*) FROM sync_spans').pluck().get() as number;
    expect(spans).toBeGreaterThan(1);
    const signing = updates.filter((u) => u.progress.phase === 'signing').map((u) => u.progress);
    expect(signing.length).toBeGreaterThan(0);
    expect(signing.every((p) => p.total === spans && p.done < p.total)).toBe(true);
    // Signed once: the next export has nothing left to sign.
    const again: JobView[] = [];
    await runnerFor(store, again).run('sync.export', { kind: 'full', path: join(dir, 'again.pamoja') });
    expect(again.some((u) => u.progress.phase === 'signing')).toBe(false);
    expect(exported.changes).toBeGreaterThan(32_768);
    store.close();
  });

  it.skipIf(process.platform !== 'linux')(
    'runs its worker at a lower priority than the transport’s thread, so the page is answered first',
    async () => {
      const { bundle, receiver } = await bundleAndReceiver('region');
      const runner = runnerFor(receiver);
      const niceness = (): number[] =>
        readdirSync('/proc/self/task').map((tid) => {
          try {
            // Field 19 of stat is the nice value; the command name in () may hold spaces.
            return Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
          } catch {
            return 0; // a thread that ended meanwhile
          }
        });
      const own = niceness()[0]!; // the main thread's (the test may itself run niced)
      const job = await runner.start('sync.import', { path: bundle, passphrase: PASSPHRASE });
      let seen = false;
      while (runner.status(job.jobId).state === 'running' && !seen) {
        seen = niceness().includes(Math.min(19, own + 10));
        await new Promise((r) => setTimeout(r, 5));
      }
      await runner.wait(job.jobId);
      expect(seen).toBe(true);
      expect(niceness()[0]).toBe(own); // the main thread keeps its own
      receiver.close();
    },
  );

  it('a job cancelled before it began leaves the store as it was and no snapshot behind', async () => {
    const { bundle, receiver } = await bundleAndReceiver();
    const before = storeDigest(receiver).digest;
    const runner = runnerFor(receiver);
    const job = await runner.start('sync.import', { path: bundle, passphrase: PASSPHRASE });
    expect(job.cancellable).toBe(true);
    expect(runner.cancel(job.jobId)).toBe(true);
    await expect(runner.wait(job.jobId)).rejects.toThrow(/Cancelled: nothing was changed/);
    const view = runner.status(job.jobId);
    expect(view.state).toBe('cancelled');
    expect(view.cancellable).toBe(false);
    expect(storeDigest(receiver).digest).toBe(before);
    expect(runner.cancel(job.jobId)).toBe(false);
    expect(listBackupFiles(receiver.file)).toEqual([]);
    receiver.close();
  });

  it('an import cancelled in the middle of merging rolls back to exactly the state before', async () => {
    const { bundle, receiver } = await bundleAndReceiver('region');
    const before = storeDigest(receiver).digest;
    let merged = 0;
    const hooks = {
      progress: (p: JobProgress) => {
        if (p.phase === 'merging' && p.done > 0) merged = p.done; // still inside the transaction
      },
      cancelled: () => merged > 0,
    };
    const run = jobRegistry['sync.import'].run(receiver, { path: bundle, passphrase: PASSPHRASE }, hooks, {
      dataDir: tempDir(),
      backup: async () => undefined,
    });
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    expect(merged).toBeGreaterThan(0);
    expect(storeDigest(receiver).digest).toBe(before);
    receiver.close();
  });

  it('does not offer cancel for work that commits in steps', async () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'pamoja.sqlite'));
    const runner = runnerFor(store);
    const job = await runner.start('region.loadDemo', { scale: 'small' });
    expect(job.cancellable).toBe(false);
    expect(runner.cancel(job.jobId)).toBe(false);
    await expect(runner.wait(job.jobId)).resolves.toMatchObject({ counts: { clusters: 4 } });
    store.close();
  });

  it('reports a job’s own error as it is and validates input before starting', async () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'pamoja.sqlite'));
    const runner = runnerFor(store);
    await expect(runner.run('sync.import', { path: join(dir, 'missing.pamoja') })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/No bundle at/),
    });
    await expect(runner.start('region.loadDemo', { seed: -4 })).rejects.toThrow(/seed/);
    await expect(runner.run('region.loadFile', { text: '{"format": "nope"}' })).rejects.toThrow(
      /not a Pamoja region file/,
    );
    store.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'pamoja.sqlite'));
    writeFileSync(
      jobLockFile(store.file),
      JSON.stringify({ pid: 2 ** 22 + 12345, doing: 'importing a bundle', startedAt: '' }),
    );
    const runner = runnerFor(store);
    await expect(runner.run('region.loadDemo', { scale: 'small' })).resolves.toBeTruthy();
    store.close();
  });
});

describe('jobs through the contract', () => {
  it('start, status, result; the old calls run through the runner too', async () => {
    const { bundle, senderDigest, receiver, receiverFile } = await bundleAndReceiver();
    const ctx = createContext(receiver, join(receiverFile, '..'), 'http');
    const started = await dispatch(handlers, ctx, 'jobs.start', {
      op: 'sync.import',
      input: { path: bundle, passphrase: PASSPHRASE },
    });
    expect(started.ok).toBe(true);
    const { jobId } = (started as { value: { jobId: string } }).value;
    const current = await dispatch(handlers, ctx, 'jobs.current', {});
    expect(current.ok && (current.value as JobView).jobId).toBe(jobId);
    const busy = await dispatch(handlers, ctx, 'sync.export', { kind: 'full' });
    expect(busy.ok === false && busy.error.message).toMatch(/already importing a bundle/);
    const early = await dispatch(handlers, ctx, 'jobs.result', { jobId });
    expect(early.ok === false && early.error.message).toMatch(/still running/);
    await ctx.jobs.wait(jobId).catch(() => undefined);
    const status = await dispatch(handlers, ctx, 'jobs.status', { jobId });
    expect(status.ok && (status.value as JobView).state).toBe('done');
    const result = await dispatch(handlers, ctx, 'jobs.result', { jobId });
    expect(result.ok && (result.value as { joined: boolean }).joined).toBe(true);
    expect(storeDigest(receiver).digest).toBe(senderDigest);

    const bad = await dispatch(handlers, ctx, 'jobs.start', { op: 'sync.import', input: { path: '' } });
    expect(bad.ok === false && bad.error.path).toBe('path');
    const exported = await dispatch(handlers, ctx, 'sync.export', {
      kind: 'full',
      path: join(receiverFile, '..', 'out.pamoja'),
    });
    expect(exported.ok).toBe(true);
    receiver.close();
  });
});
