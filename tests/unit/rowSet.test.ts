import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash64, RowSet } from '../../electron/db/rowSet.ts';

describe('RowSet (rows an import has touched)', () => {
  it('says a key was seen exactly when it was added before, whatever the keys and their order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 400 }), (keys) => {
        const set = new RowSet();
        const seen = new Set<string>();
        for (const key of keys) {
          expect(set.add(key)).toBe(seen.has(key));
          seen.add(key);
        }
        expect(set.size).toBe(seen.size);
        for (const key of keys) expect(set.has(key)).toBe(true);
        expect(set.has('\u0000never added')).toBe(seen.has('\u0000never added'));
      }),
    );
  });

  it('grows past its first table: 300,000 row keys, every one found, none seen twice', () => {
    const set = new RowSet();
    const key = (i: number) => `schools\u0000${i.toString(16).padStart(8, '0')}-4b1e-8c2d-${i}`;
    for (let i = 0; i < 300_000; i++) expect(set.add(key(i))).toBe(false);
    expect(set.size).toBe(300_000);
    let found = 0;
    for (let i = 0; i < 300_000; i++) if (set.has(key(i))) found++;
    expect(found).toBe(300_000);
    let strays = 0;
    for (let i = 300_000; i < 400_000; i++) if (set.has(key(i))) strays++;
    expect(strays).toBe(0);
  });

  it('never gives the empty-slot mark as a hash', () => {
    fc.assert(fc.property(fc.string(), (s) => hash64(s)[1] !== 0));
  });
});
