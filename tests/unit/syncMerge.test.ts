import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DELETED,
  compareStamps,
  fieldVersions,
  mergeRow,
  type FieldChange,
} from '../../shared/sync/merge.ts';
import {
  complement,
  covers,
  intersectKnowledge,
  knowledgeCovers,
  normalise,
  subtract,
  union,
  withoutSpans,
  type Range,
} from '../../shared/sync/knowledge.ts';
import { isTooFarAhead, MAX_CLOCK_AHEAD_MS } from '../../shared/sync/clockGuard.ts';
import { packHlc } from '../../shared/clock.ts';

const cols = ['name', 'notes'] as const;
const change = fc.record({
  col: fc.constantFrom<string>('name', 'notes', DELETED),
  value: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)),
  hlc: fc.integer({ min: 1, max: 50 }),
  device: fc.constantFrom('dev-a', 'dev-b', 'dev-c'),
});
// A device never issues two different changes of one field at the same time.
const changeSet = fc
  .array(change, { maxLength: 30 })
  .map((cs) => [
    ...new Map(
      cs.map((c) => [`${c.col}|${c.hlc}|${c.device}`, c.col === DELETED ? { ...c, value: 1 } : c]),
    ).values(),
  ]);

describe('merge rule', () => {
  it('does not depend on the order changes arrive in, nor on duplicates', () => {
    fc.assert(
      fc.property(changeSet, fc.integer(), (cs, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        expect(mergeRow(cols, [...shuffled, ...cs.slice(0, 3)])).toEqual(mergeRow(cols, cs));
      }),
    );
  });

  it('the newest value of each field wins, ties go to the larger device id', () => {
    const cs: FieldChange[] = [
      { col: 'name', value: 'old', hlc: 1, device: 'b' },
      { col: 'notes', value: 'x', hlc: 1, device: 'b' },
      { col: 'name', value: 'from a', hlc: 5, device: 'a' },
      { col: 'name', value: 'from b', hlc: 5, device: 'b' },
    ];
    const state = mergeRow(cols, cs);
    expect(state).toMatchObject({ kind: 'live', values: { name: 'from b', notes: 'x' } });
  });

  it('a tombstone removes the row unless an edit is newer; a missing field leaves it incomplete', () => {
    const insert: FieldChange[] = [
      { col: 'name', value: 'n', hlc: 1, device: 'a' },
      { col: 'notes', value: '', hlc: 1, device: 'a' },
    ];
    const del: FieldChange = { col: DELETED, value: 1, hlc: 3, device: 'b' };
    expect(mergeRow(cols, [...insert, del]).kind).toBe('deleted');
    expect(
      mergeRow(cols, [...insert, del, { col: 'notes', value: 'older edit', hlc: 2, device: 'a' }]).kind,
    ).toBe('deleted');
    expect(
      mergeRow(cols, [...insert, del, { col: 'notes', value: 'later', hlc: 4, device: 'a' }]),
    ).toMatchObject({
      kind: 'live',
      values: { notes: 'later' },
    });
    expect(mergeRow(cols, [{ col: 'notes', value: 'update first', hlc: 2, device: 'a' }])).toEqual({
      kind: 'incomplete',
      missing: ['name'],
    });
  });

  it('a revival newer than the tombstone brings the row back with each field’s newest value', () => {
    const insert: FieldChange[] = [
      { col: 'name', value: 'n', hlc: 1, device: 'a' },
      { col: 'notes', value: '', hlc: 1, device: 'a' },
    ];
    const del: FieldChange = { col: DELETED, value: 1, hlc: 3, device: 'b' };
    const revive: FieldChange = { col: DELETED, value: 0, hlc: 5, device: 'c' };
    const editMeanwhile: FieldChange = { col: 'notes', value: 'edited elsewhere', hlc: 2, device: 'd' };
    const all = [...insert, del, revive, editMeanwhile];
    expect(mergeRow(cols, all)).toMatchObject({
      kind: 'live',
      values: { name: 'n', notes: 'edited elsewhere' },
    });
    // The set decides, not the order; a newer removal wins over the revival.
    expect(mergeRow(cols, [...all].reverse())).toEqual(mergeRow(cols, all));
    expect(mergeRow(cols, [...all, { col: DELETED, value: 1, hlc: 7, device: 'b' }]).kind).toBe('deleted');
    // An older revival does not undo a newer tombstone.
    expect(mergeRow(cols, [...insert, { ...revive, hlc: 2 }, del]).kind).toBe('deleted');
  });

  it('a column added later takes its default when the log predates it', () => {
    const old: FieldChange[] = [
      { col: 'name', value: 'n', hlc: 1, device: 'a' },
      { col: 'notes', value: '', hlc: 1, device: 'a' },
    ];
    const withCode = [...cols, 'code'];
    expect(mergeRow(withCode, old).kind).toBe('incomplete');
    expect(mergeRow(withCode, old, { code: '' })).toMatchObject({ kind: 'live', values: { code: '' } });
    expect(
      mergeRow(withCode, [...old, { col: 'code', value: 'K-1', hlc: 2, device: 'b' }], { code: '' }),
    ).toMatchObject({ values: { code: 'K-1' } });
  });

  it('field versions list every distinct version, newest first', () => {
    const v = fieldVersions([
      { value: 'a', hlc: 1, device: 'x' },
      { value: 'b', hlc: 2, device: 'y' },
      { value: 'b', hlc: 2, device: 'y' },
    ]);
    expect(v.map((x) => [x.value, x.current])).toEqual([
      ['b', true],
      ['a', false],
    ]);
    expect(compareStamps({ hlc: 1, device: 'b' }, { hlc: 1, device: 'a' })).toBeGreaterThan(0);
  });
});

const range = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20 }))
  .map(([lo, len]): Range => [lo, lo + len]);
const ranges = fc.array(range, { maxLength: 6 });
const points = (rs: readonly Range[]) =>
  new Set(rs.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)));

describe('knowledge ranges', () => {
  it('union, subtract and covers agree with sets of points', () => {
    fc.assert(
      fc.property(ranges, ranges, (a, b) => {
        const pa = points(a);
        const pb = points(b);
        expect(points(union(a, b))).toEqual(new Set([...pa, ...pb]));
        expect(points(subtract(a, b))).toEqual(new Set([...pa].filter((x) => !pb.has(x))));
        expect(covers(a, b)).toBe([...pb].every((x) => pa.has(x)));
        const n = normalise(a);
        n.slice(1).forEach((r, i) => expect(r[0]).toBeGreaterThan(n[i]![1] + 1));
      }),
    );
  });

  it('a gap stays a gap: a later bundle received first does not cover the lost one', () => {
    const known = union([[0, 100]], [[201, 300]]);
    expect(covers(known, [[0, 300]])).toBe(false);
    expect(complement(known)[0]).toEqual([101, 200]);
    expect(knowledgeCovers({ a: known }, { a: [[150, 160]] })).toBe(false);
    expect(intersectKnowledge([{ a: [[0, 100]], b: [[0, 5]] }, { a: [[50, 300]] }])).toEqual({
      a: [[50, 100]],
    });
    expect(withoutSpans({ a: [[0, 100]] }, new Map([['a', [40, 60] as Range]]))).toEqual({
      a: [
        [0, 39],
        [61, 100],
      ],
    });
  });
});

describe('clock guard', () => {
  it('holds back times beyond the allowance ahead of the local clock or of the bundle', () => {
    const now = 1_800_000_000_000;
    expect(isTooFarAhead(packHlc(now + MAX_CLOCK_AHEAD_MS - 1, 0), now)).toBe(false);
    expect(isTooFarAhead(packHlc(now + MAX_CLOCK_AHEAD_MS + 1, 0), now)).toBe(true);
    expect(isTooFarAhead(packHlc(now, 0), now + 10 * MAX_CLOCK_AHEAD_MS, now - 2 * MAX_CLOCK_AHEAD_MS)).toBe(
      true,
    );
  });
});
