import { describe, expect, it } from 'vitest';
import { tempStore } from './helpers.ts';
import { carry, payloadFor, seedRegion } from './syncHelpers.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { fieldHistory } from '../../electron/services/sync/fieldHistory.ts';
import { ownKnowledge } from '../../electron/services/sync/knowledgeStore.ts';

describe('sync engine', () => {
  it('a full payload sets up an empty store with the same digest', () => {
    const a = tempStore();
    const b = tempStore();
    seedRegion(a);
    const r = carry(a, b, { kind: 'full' });
    expect(r.new).toBeGreaterThan(0);
    expect(r.known).toBe(0);
    expect(storeDigest(b)).toEqual(storeDigest(a));
    const again = carry(a, b, { kind: 'full' });
    expect(again.new).toBe(0);
    expect(again.known).toBe(r.new);
  });

  it('conflicting notes: newest wins everywhere, the other version stays in history', () => {
    let t = 1_800_000_000_000;
    const now = () => t;
    const a = tempStore({ now });
    const b = tempStore({ now });
    const { session } = seedRegion(a);
    carry(a, b, { kind: 'full' });
    t += 1000;
    a.write((w) => w.update('sessions', session, { notes: 'notes from A' }));
    t += 1000;
    b.write((w) => w.update('sessions', session, { notes: 'notes from B' }));
    const toB = carry(a, b);
    expect(toB.superseded).toBe(1);
    carry(b, a);
    expect(storeDigest(a).digest).toBe(storeDigest(b).digest);
    const notes = (s: typeof a) =>
      (s.db.prepare('SELECT notes FROM sessions WHERE id = ?').get(session) as { notes: string }).notes;
    expect(notes(a)).toBe('notes from B');
    const history = fieldHistory(a, 'sessions', session, 'notes');
    expect(history.map((h) => h.value)).toEqual(['notes from B', 'notes from A', 'first notes']);
    expect(history[0]!.current).toBe(true);
  });
});

describe('the write path and received changes', () => {
  it('a local edit orders after a newer received value, even when this laptop’s clock is behind', () => {
    const slow = { t: 1_800_000_000_000 };
    const fast = { t: 1_800_000_000_000 + 3_600_000 }; // an hour ahead: within the allowance
    const a = tempStore({ now: () => slow.t });
    const b = tempStore({ now: () => fast.t });
    const { session } = seedRegion(a);
    carry(a, b, { kind: 'full' });
    b.write((w) => w.update('sessions', session, { notes: 'from the laptop an hour ahead' }));
    carry(b, a);
    // Another process's import: this store's in-memory clock never saw B's time.
    a.clock.last = 0;
    a.write((w) => w.update('sessions', session, { notes: 'typed here afterwards' }));
    const notes = (s: typeof a) =>
      (s.db.prepare('SELECT notes FROM sessions WHERE id = ?').get(session) as { notes: string }).notes;
    expect(notes(a)).toBe('typed here afterwards');
    carry(a, b);
    expect(notes(b)).toBe('typed here afterwards');
    expect(fieldHistory(b, 'sessions', session, 'notes')[0]!.value).toBe('typed here afterwards');
  });
});

describe('selective bundles', () => {
  it('carry the signed spans holding a cluster and what hangs off it, and teach no knowledge ranges', () => {
    const a = tempStore();
    const b = tempStore();
    const { clusters, session, region } = seedRegion(a);
    payloadFor(a, { kind: 'full' }); // signs the seeded region into spans
    const later = a.write((w) =>
      w.insert('clusters', {
        region_id: region,
        name: 'Later',
        place: 'Kilifi',
        lat: -3.7,
        lon: 39.9,
        coach_name: 'Amina',
        language: 'en',
      }),
    );
    const r = carry(a, b, { kind: 'selective', clusters: [clusters[0]!] });
    expect(r.new).toBeGreaterThan(0);
    const count = (s: typeof a, t: string) =>
      (s.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    // Spans travel whole (each is signed by its author as one): the seeded span holds both clusters.
    expect(count(b, 'clusters')).toBe(2);
    expect(b.db.prepare('SELECT 1 FROM clusters WHERE id = ?').get(later)).toBeUndefined();
    expect(count(b, 'regions')).toBe(1);
    expect(count(b, 'schools')).toBe(4);
    expect(b.db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(session)).toBeDefined();
    expect(ownKnowledge(b)[a.deviceId]).toBeUndefined();
    // A peer bundle afterwards still brings the rest.
    carry(b, a);
    carry(a, b);
    expect(storeDigest(b)).toEqual(storeDigest(a));
  });
});
