import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

/**
 * One long job per store, across processes too (the app, `serve` and the CLI may share a
 * store): a lock file beside the store naming who holds it. A lock left by a process that
 * no longer runs (killed mid-import) is taken over.
 */
export interface JobLockOwner {
  pid: number;
  doing: string;
  startedAt: string;
}

export const jobLockFile = (storeFile: string): string => `${storeFile}.job-lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): JobLockOwner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JobLockOwner;
  } catch {
    return null;
  }
}

/** A lock file being written this very moment by another process reads as empty. */
function justWritten(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 2000;
  } catch {
    return false;
  }
}

/** Takes the lock, or returns who holds it. */
export function acquireJobLock(
  storeFile: string,
  owner: JobLockOwner,
): { ok: true } | { ok: false; owner: JobLockOwner } {
  const file = jobLockFile(storeFile);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(owner));
      } finally {
        closeSync(fd);
      }
      return { ok: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readOwner(file);
      if (held && (held.pid === owner.pid || alive(held.pid))) return { ok: false, owner: held };
      if (!held && justWritten(file))
        return { ok: false, owner: { pid: 0, doing: 'another task', startedAt: '' } };
      rmSync(file, { force: true }); // left behind by a process that is gone
    }
  }
  const held = readOwner(file);
  return { ok: false, owner: held ?? { pid: 0, doing: 'another task', startedAt: '' } };
}

export function releaseJobLock(storeFile: string): void {
  const file = jobLockFile(storeFile);
  const held = readOwner(file);
  if (!held || held.pid === process.pid) rmSync(file, { force: true });
}
