import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COUNTER_BITS,
  hlcCounter,
  hlcToIso,
  hlcWall,
  packHlc,
  receiveHlc,
  tickHlc,
} from '../../shared/clock.ts';

const ms = Date.UTC(2026, 2, 14, 9, 30); // a CoP meeting morning

describe('hybrid logical clock', () => {
  it('packs wall time and counter into one comparable number', () => {
    const h = packHlc(ms, 7);
    expect(hlcWall(h)).toBe(ms);
    expect(hlcCounter(h)).toBe(7);
    expect(packHlc(ms, 1)).toBeGreaterThan(packHlc(ms, 0));
    expect(packHlc(ms + 1, 0)).toBeGreaterThan(packHlc(ms, COUNTER_BITS - 1));
    expect(hlcToIso(h)).toBe('2026-03-14T09:30:00.000Z');
  });

  it('stays an exact integer for centuries', () => {
    const late = packHlc(Date.UTC(2240, 0, 1), COUNTER_BITS - 1);
    expect(Number.isSafeInteger(late)).toBe(true);
    expect(hlcCounter(late)).toBe(COUNTER_BITS - 1);
  });

  it('follows the wall clock when it moves forward', () => {
    expect(tickHlc(packHlc(ms, 5), ms + 10)).toBe(packHlc(ms + 10, 0));
    expect(tickHlc(0, ms + 0.7)).toBe(packHlc(ms, 0));
  });

  it('counts within one millisecond', () => {
    expect(tickHlc(packHlc(ms, 5), ms)).toBe(packHlc(ms, 6));
  });

  it('keeps going forward when the wall clock is set back', () => {
    expect(tickHlc(packHlc(ms, 5), ms - 60 * 60 * 1000)).toBe(packHlc(ms, 6));
  });

  it('borrows the next millisecond when the counter is full', () => {
    expect(tickHlc(packHlc(ms, COUNTER_BITS - 1), ms)).toBe(packHlc(ms + 1, 0));
  });

  it('orders local events after a timestamp received from another laptop', () => {
    const remote = packHlc(ms + 5000, 3);
    expect(receiveHlc(packHlc(ms, 0), remote, ms)).toBe(packHlc(ms + 5000, 4));
    // A remote stamp older than ours changes nothing but the tick.
    expect(receiveHlc(packHlc(ms, 9), packHlc(ms - 1, 0), ms)).toBe(packHlc(ms, 10));
  });

  it('never issues the same or an earlier timestamp, whatever the wall clock does', () => {
    const step = fc.oneof(
      fc.record({ now: fc.integer({ min: ms - 1e7, max: ms + 1e7 }) }),
      fc.record({
        now: fc.integer({ min: ms - 1e7, max: ms + 1e7 }),
        remote: fc.integer({ min: 0, max: 2 ** 20 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 200 }), (steps) => {
        let last = 0;
        for (const s of steps) {
          const remote = 'remote' in s ? packHlc(ms, 0) + s.remote : undefined;
          const next = remote === undefined ? tickHlc(last, s.now) : receiveHlc(last, remote, s.now);
          if (!(next > last)) return false;
          if (remote !== undefined && !(next > remote)) return false;
          if (hlcCounter(next) >= COUNTER_BITS) return false;
          last = next;
        }
        return true;
      }),
    );
  });
});
