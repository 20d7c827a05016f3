import { PamojaError } from '../../../shared/errors.ts';
import type { JobProgress } from '../../../shared/contract/jobs.ts';

export type { JobProgress };

/**
 * What the runner gives a long job besides the store and its input: report progress, and
 * poll `cancelled()` between chunks (throw `new JobCancelled()` when it says so, and only
 * before anything is committed — or roll back what the chunk did).
 */
export interface JobHooks {
  progress(p: JobProgress): void;
  cancelled(): boolean;
}

/** Thrown by a job that stopped because the coach cancelled it; the store is as it was. */
export class JobCancelled extends PamojaError {
  constructor() {
    super('conflict', 'Cancelled: nothing was changed.');
    this.name = 'JobCancelled';
  }
}

/** Hooks for work run outside the runner (tests, scripts): progress ignored, never cancelled. */
export const noHooks: JobHooks = { progress: () => undefined, cancelled: () => false };

/** Phases for the older `(done, total, label)` progress callbacks of the services. */
const LEGACY_PHASES: [RegExp, string][] = [
  [/^Opening the bundle/, 'opening'],
  [/^Merging changes/, 'merging'],
  [/^Collecting changes/, 'collecting'],
  [/^Signing this laptop/, 'signing'],
  [/^Taking (.+)$/, 'taking'],
  [/^Writing this laptop/, 'writing'],
  [/^Sync done/, 'done'],
  [/^demo: (.+)$/, 'demo'],
];

/**
 * Adapts a service that still reports `(done, total, label)` to the hooks: the label
 * becomes a phase (with its detail), and when `checkCancel` is set the report is also
 * the cancellation point — the service must call it only where throwing leaves the
 * store as it was (inside its one transaction, or before writing).
 */
export function legacyProgress(
  hooks: JobHooks,
  checkCancel: boolean,
): (done: number, total: number, label?: string) => void {
  return (done, total, label = '') => {
    let phase = label || 'working';
    let detail: string | undefined;
    for (const [pattern, name] of LEGACY_PHASES) {
      const m = pattern.exec(label);
      if (m) {
        phase = name;
        detail = m[1];
        break;
      }
    }
    hooks.progress(detail === undefined ? { phase, done, total } : { phase, detail, done, total });
    if (checkCancel && hooks.cancelled()) throw new JobCancelled();
  };
}
