import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/db/store.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { vocabulary } from '../../electron/services/practices/vocabulary.ts';
import {
  CHANGED_PRACTICE_ROWS,
  practiceIndex,
  warmPracticeIndex,
} from '../../electron/services/recommend/facts.ts';
import { warmUp } from '../../electron/services/recommend/warm.ts';
import { tempStore } from './helpers.ts';

/** The facts as plain data, for comparing two reads. */
const factsOf = (store: Store) =>
  practiceIndex(store)
    .all()
    .map((p) => JSON.stringify(p));

/** What a fresh connection reads from the same file, all at once. */
function freshRead(store: Store) {
  const other = openStore(store.db.name);
  try {
    return { facts: factsOf(other), words: vocabulary(other, practiceIndex(other)) };
  } finally {
    other.close();
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function demoStore(): Store {
  const store = tempStore();
  generateDemo(store, { seed: 9, scale: 'small' });
  return store;
}

describe('warming up the practice facts', () => {
  it('reads in slices exactly what one read gives, words included', async () => {
    const store = demoStore();
    await warmUp(store);
    const index = practiceIndex(store);
    const words = vocabulary(store, index);
    expect(vocabulary(store, index)).toBe(words); // kept, not read again
    const fresh = freshRead(store);
    expect(factsOf(store)).toEqual(fresh.facts);
    expect(words.terms).toEqual(fresh.words.terms);
    expect([...words.docs]).toEqual([...fresh.words.docs]);
  });

  it('catches up with writes made between its slices', async () => {
    const store = demoStore();
    const first = store.db.prepare('SELECT id FROM practices ORDER BY seq LIMIT 1').pluck().get() as string;
    const adoption = store.db
      .prepare('SELECT id FROM adoptions ORDER BY rowid LIMIT 1')
      .pluck()
      .get() as string;
    const warming = warmPracticeIndex(store, 5);
    let done = false;
    void warming.then(() => (done = true));
    // Rows already read change again and again while the rest is being read.
    let writes = 0;
    for (; !done; writes++) {
      store.write((w) => {
        w.update('practices', first, {
          started_on: new Date(Date.UTC(2020, 0, 1 + writes)).toISOString().slice(0, 10),
        });
        w.update('adoptions', adoption, { outcome: writes % 2 ? 'worse' : 'improved' });
      });
      await tick();
    }
    expect(writes).toBeGreaterThan(5);
    expect(await warming).not.toBeNull();
    expect(factsOf(store)).toEqual(freshRead(store).facts);
  });

  it('steps aside when a question reads the facts first', async () => {
    const store = demoStore();
    const warming = warmPracticeIndex(store, 5);
    const asked = practiceIndex(store);
    expect(await warming).toBeNull();
    expect(practiceIndex(store)).toBe(asked);
  });

  it('stops quietly when the store is closed', async () => {
    const store = demoStore();
    const warming = warmUp(store);
    store.close();
    await expect(warming).resolves.toBeUndefined();
  });
});

describe('keeping the practice facts current', () => {
  it('finds what changed by walking only the new part of the change log', () => {
    const store = tempStore();
    const plan = (
      store.db.prepare(`EXPLAIN QUERY PLAN ${CHANGED_PRACTICE_ROWS}`).all(1, 2, 3) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan[0]).toMatch(/SEARCH changes USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
  });

  it('reads again exactly the practices whose rows changed', () => {
    const store = demoStore();
    const before = practiceIndex(store);
    const [a, b] = store.db
      .prepare('SELECT id FROM practices ORDER BY seq LIMIT 2')
      .pluck()
      .all() as string[];
    const untouched = before.byId.get(b!);
    const adoption = store.db
      .prepare('SELECT id, practice_id FROM adoptions WHERE practice_id != ? LIMIT 1')
      .get(a) as { id: string; practice_id: string };
    store.write((w) => {
      w.update('practices', a!, { cost: 'high' });
      w.update('adoptions', adoption.id, { outcome: 'worse' });
    });
    const after = practiceIndex(store);
    expect(after).toBe(before); // brought up to date, not read again from scratch
    expect(after.byId.get(a!)!.cost).toBe('high');
    expect(after.byId.get(adoption.practice_id)!.adoptions.some((x) => x.outcome === 'worse')).toBe(true);
    if (adoption.practice_id !== b) expect(after.byId.get(b!)).toBe(untouched);
    expect(factsOf(store)).toEqual(freshRead(store).facts);
  });
});
