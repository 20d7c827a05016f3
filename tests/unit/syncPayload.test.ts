import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadEncoder, decodePayload } from '../../shared/sync/payload.ts';
import { PayloadFormatError } from '../../shared/sync/bytes.ts';

const uuid = fc.uuid().map((u) => u.toLowerCase());
const value = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -900000, max: 900000 }).map((n) => n / 10_000),
  fc.string(),
  fc.constantFrom('rural', 'urban', '2026-T1'),
  uuid,
  fc.uuid(),
);
const change = fc.record({
  table: fc.constantFrom('schools', 'sessions', 'practices'),
  rowId: uuid,
  col: fc.constantFrom('name', 'notes', 'lat', 'cluster_id', '_deleted'),
  value,
  hlc: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  device: fc.constantFrom('d1', 'd2', 'd3'),
});

describe('change payload', () => {
  it('round-trips every change exactly (values, clocks, devices)', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        const enc = new PayloadEncoder();
        for (const c of changes) enc.add(c.table, c.rowId, c.col, c.value, c.hlc, c.device);
        const bytes = enc.finish({ knowledge: { d1: [[1, 5]] }, base: null }, (id) => `name of ${id}`);
        const decoded = decodePayload(bytes);
        const flat = decoded.groups.flatMap((g) =>
          g.cols.map((col, i) => ({
            table: g.table,
            rowId: g.rowId,
            col,
            value: g.values[i],
            hlc: g.hlc,
            device: decoded.meta.devices[g.device]!.id,
          })),
        );
        const key = (c: (typeof flat)[number]) => JSON.stringify([c.table, c.rowId, c.hlc, c.device, c.col]);
        const sortFn = (a: (typeof flat)[number], b: (typeof flat)[number]) => (key(a) < key(b) ? -1 : 1);
        // Object.is keeps -0 apart from 0.
        const expected = changes.map((c) => ({ ...c })).sort(sortFn);
        const got = flat.sort(sortFn);
        expect(got.length).toBe(expected.length);
        got.forEach((g, i) => {
          expect(key(g)).toBe(key(expected[i]!));
          expect(Object.is(g.value, expected[i]!.value)).toBe(true);
        });
        expect(decoded.changes).toBe(changes.length);
        expect(decoded.meta.devices.every((d) => d.name === `name of ${d.id}`)).toBe(true);
      }),
    );
  });

  it('rejects cut or garbled payloads with a format error, never a crash', () => {
    const enc = new PayloadEncoder();
    for (let i = 0; i < 50; i++)
      enc.add(
        'schools',
        '00000000-0000-4000-8000-0000000000' + String(i).padStart(2, '0'),
        'name',
        `School ${i}`,
        1000 + i,
        'd',
      );
    const bytes = enc.finish({ knowledge: {}, base: {} }, () => '');
    for (let cut = 0; cut < bytes.length; cut += 7) {
      expect(() => decodePayload(bytes.subarray(0, cut))).toThrow(PayloadFormatError);
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, x) => {
          const bad = bytes.slice();
          bad[at]! ^= x;
          try {
            decodePayload(bad);
          } catch (e) {
            expect(e).toBeInstanceOf(PayloadFormatError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
