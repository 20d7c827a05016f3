import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/services/context.ts';
import { handlers } from '../../electron/services/index.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { startHttpTransport } from '../../electron/transport/http.ts';
import type { JobView } from '../../shared/contract/jobs.ts';
import { LARGE_BUNDLE_PASSPHRASE, writeLargeBundle } from '../largeBundle.ts';
import { openStore } from '../../electron/db/store.ts';
import { tempDir } from './helpers.ts';

describe('the HTTP transport while a large import runs', () => {
  it('answers other calls all through the import, and its progress advances', async () => {
    const dir = tempDir();
    const file = join(dir, 'large.pamoja');
    const bundle = { file, digest: await writeLargeBundle(file, 30_000, dir) };
    const store = openStore(join(dir, 'receiver', 'pamoja.sqlite'));
    const ctx = createContext(store, join(dir, 'receiver'), 'http');
    const transport = await startHttpTransport({ handlers, ctx, staticDir: dir });
    const base = new URL(transport.url).origin;
    const post = async (op: string, input: unknown = {}) => {
      const r = await fetch(`${base}/api/${op}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${transport.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await r.json()) as { ok: boolean; value: never; error?: { message: string } };
    };
    try {
      const started = await post('jobs.start', {
        op: 'sync.import',
        input: { path: bundle.file, passphrase: LARGE_BUNDLE_PASSPHRASE },
      });
      expect(started.ok).toBe(true);
      const { jobId } = started.value as { jobId: string };
      const views: JobView[] = [];
      let answeredWhileRunning = 0;
      let longest = 0;
      for (;;) {
        const t0 = performance.now();
        const info = await post('app.info');
        const status = await post('jobs.status', { jobId });
        longest = Math.max(longest, performance.now() - t0);
        expect(info.ok).toBe(true);
        const view = status.value as JobView;
        views.push(view);
        if (view.state !== 'running') break;
        answeredWhileRunning++;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(views.at(-1)!.state).toBe('done');
      // Many answers came while the import was still running …
      expect(answeredWhileRunning).toBeGreaterThan(10);
      // … and they watched it advance: the snapshot first, then the merge counting up.
      const phases = views.map((v) => v.progress.phase);
      expect(phases.indexOf('backup')).toBeGreaterThanOrEqual(0);
      expect(phases.lastIndexOf('merging')).toBeGreaterThan(phases.indexOf('backup'));
      const merged = new Set(views.filter((v) => v.progress.phase === 'merging').map((v) => v.progress.done));
      expect(merged.size).toBeGreaterThan(2);
      const result = await post('jobs.result', { jobId });
      expect(result.ok).toBe(true);
      expect(storeDigest(ctx.store).digest).toBe(bundle.digest);
      console.log(
        `[jobs] ${answeredWhileRunning} round trips answered during the import; longest ${longest.toFixed(0)} ms`,
      );
    } finally {
      await transport.close();
      store.close();
    }
  }, 240_000);
});
