import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/db/store.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { buildPayload } from '../../electron/services/sync/exportChanges.ts';
import { applyPayload } from '../../electron/services/sync/importChanges.ts';
import { tempDir } from './helpers.ts';
import { seedRegion, sourceOf } from './syncHelpers.ts';
import { rng } from './syncSim.ts';

const child = join(import.meta.dirname, 'syncImportChild.ts');

/** Runs the import in a child; kills it with SIGKILL `killAfterMs` after the store is open (never if undefined). */
function runChild(args: string[], killAfterMs?: number): Promise<{ finished: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let opened = 0;
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!opened && out.includes('opened')) {
        opened = Date.now();
        if (killAfterMs !== undefined) setTimeout(() => p.kill('SIGKILL'), killAfterMs);
      }
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${err}`));
      else resolve({ finished: out.includes('done'), ms: opened ? Date.now() - opened : 0 });
    });
  });
}

const digestOf = (file: string): string => {
  const s = openStore(file);
  try {
    expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
    return storeDigest(s).digest;
  } finally {
    s.close();
  }
};

describe('import killed midway', () => {
  it('SIGKILL at random moments leaves the before or after state, and a retry completes', async () => {
    const dir = tempDir();
    // The sender: a demo region; the receiver already holds a little of it (edited on its own).
    const sender = openStore(join(dir, 'sender.sqlite'));
    generateDemo(sender, { seed: 7, scale: 'region' });
    const base = openStore(join(dir, 'base.sqlite'));
    seedRegion(base);
    const payloadFile = join(dir, 'payload.bin');
    writeFileSync(payloadFile, buildPayload(sender, { kind: 'full' }).payload);
    const source = JSON.stringify(sourceOf(sender, 'full'));
    const before = storeDigest(base).digest;
    base.close();
    sender.close();

    // The after state, and how long a whole import takes.
    const full = join(dir, 'full.sqlite');
    copyFileSync(join(dir, 'base.sqlite'), full);
    const whole = await runChild([full, payloadFile, source]);
    expect(whole.finished).toBe(true);
    const after = digestOf(full);
    expect(after).not.toBe(before);

    const r = rng(20260);
    const outcomes = { before: 0, after: 0 };
    for (let run = 0; run < 20; run++) {
      const db = join(dir, `run${run}.sqlite`);
      copyFileSync(join(dir, 'base.sqlite'), db);
      const res = await runChild([db, payloadFile, source], Math.floor(r.next() * whole.ms * 1.1));
      const d = digestOf(db);
      expect([before, after]).toContain(d);
      outcomes[d === before ? 'before' : 'after']++;
      if (d === before) expect(res.finished).toBe(false);
      // A retry completes and reaches the after state.
      const store: Store = openStore(db);
      applyPayload(store, readFileSync(payloadFile), JSON.parse(source));
      expect(storeDigest(store).digest).toBe(after);
      store.close();
    }
    // Most kills land inside the import, so the store is seen in the before state.
    expect(outcomes.before).toBeGreaterThan(0);
  }, 300_000);
});
