import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../electron/db/store.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { buildPayload } from '../../electron/services/sync/exportChanges.ts';
import { applyPayload } from '../../electron/services/sync/importChanges.ts';
import { tempStore } from './helpers.ts';
import { seedRegion, sourceOf } from './syncHelpers.ts';
import { changeKeys, randomEdits, rng } from './syncSim.ts';

interface Device {
  store: Store;
  clock: { t: number };
}

/** A bundle in flight: built now, delivered later (or never, or twice). */
interface Parcel {
  from: number;
  to: number;
  payload: Uint8Array;
  source: ReturnType<typeof sourceOf>;
}

function devices(n: number, seed: number): Device[] {
  const r = rng(seed);
  const base = 1_800_000_000_000;
  return Array.from({ length: n }, () => {
    // Clocks a little apart (within the hold-back allowance): order by clock is not order by time.
    const clock = { t: base + r.int(3_600_000) };
    return { store: tempStore({ now: () => clock.t }), clock };
  });
}

function send(ds: Device[], from: number, to: number, union: boolean): Parcel {
  const d = ds[from]!;
  const spec = union
    ? ({ kind: 'peer' } as const)
    : ({ kind: 'peer', forDevice: ds[to]!.store.deviceId } as const);
  return { from, to, payload: buildPayload(d.store, spec).payload, source: sourceOf(d.store, 'peer') };
}

function deliver(ds: Device[], p: Parcel): void {
  applyPayload(ds[p.to]!.store, p.payload, p.source);
}

describe('sync convergence', () => {
  it('devices seeded from one full bundle converge after random edits and lossy, reordered, duplicated exchanges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom('edit', 'edit', 'send', 'send', 'deliver'),
            a: fc.nat(),
            b: fc.nat(),
            fate: fc.constantFrom('deliver', 'deliver', 'lose', 'twice', 'delay'),
            union: fc.boolean(),
            // The stick reaches another laptop than the one the bundle was made for.
            strayTo: fc.option(fc.nat(), { nil: undefined }),
          }),
          { minLength: 5, maxLength: 40 },
        ),
        (n, seed, steps) => {
          const ds = devices(n, seed);
          const r = rng(seed);
          seedRegion(ds[0]!.store);
          const full = buildPayload(ds[0]!.store, { kind: 'full' }).payload;
          for (const d of ds.slice(1)) applyPayload(d.store, full, sourceOf(ds[0]!.store, 'full'));
          const created = new Set<string>();
          const delayed: Parcel[] = [];

          for (const [i, s] of steps.entries()) {
            for (const d of ds) d.clock.t += 1 + r.int(60_000);
            const a = s.a % n;
            const b = (a + 1 + (s.b % (n - 1))) % n;
            if (s.kind === 'edit') randomEdits(ds[a]!.store, r, 1 + r.int(4), `d${a}s${i}`);
            else if (s.kind === 'deliver' && delayed.length)
              deliver(ds, delayed.splice(r.int(delayed.length), 1)[0]!);
            else if (s.kind === 'send') {
              const p = send(ds, a, b, s.union);
              if (s.strayTo !== undefined && s.strayTo % n !== a) p.to = s.strayTo % n;
              if (s.fate === 'deliver') deliver(ds, p);
              else if (s.fate === 'twice') {
                deliver(ds, p);
                deliver(ds, p);
              } else if (s.fate === 'delay') delayed.push(p);
            }
          }
          for (const d of ds) for (const k of changeKeys(d.store)) created.add(k);
          // Late parcels arrive after everything else (stale, out of order).
          for (const p of delayed.reverse()) deliver(ds, p);

          // Everyone exchanges with everyone (twice, so relayed changes reach all).
          for (let round = 0; round < 2; round++)
            for (let x = 0; x < n; x++)
              for (let y = 0; y < n; y++) if (x !== y) deliver(ds, send(ds, x, y, round === 1));

          const digests = ds.map((d) => storeDigest(d.store).digest);
          expect(new Set(digests).size).toBe(1);
          for (const d of ds) {
            const held = changeKeys(d.store);
            for (const k of created) expect(held.has(k)).toBe(true);
            expect(d.store.db.pragma('foreign_key_check')).toEqual([]);
            // Once everyone has exchanged, a bundle for a peer carries nothing new.
          }
          const quiet = send(ds, 0, 1, false);
          const again = applyPayload(ds[1]!.store, quiet.payload, quiet.source);
          expect(again.new).toBe(0);
        },
      ),
      { numRuns: 25 },
    );
  });
});
