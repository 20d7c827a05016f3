import { describe, expect, it } from 'vitest';
import { conflictingVersions } from '../../shared/sync/conflicts.ts';

const v = (deviceId: string, hlc: number, value: string, current = false) => ({
  deviceId,
  hlc,
  value,
  current,
});

describe('versions shown as "also edited on"', () => {
  it('shows the other laptop’s last value, not this laptop’s own earlier ones', () => {
    const shown = conflictingVersions([
      v('A', 1, 'demo note'),
      v('A', 5, 'typed on A'),
      v('B', 6, 'typed on B', true),
    ]);
    expect(shown.map((x) => x.value)).toEqual(['typed on A']);
  });

  it('shows nothing when only one laptop edited the field, or the others agree', () => {
    expect(conflictingVersions([v('A', 1, 'first'), v('A', 2, 'second', true)])).toEqual([]);
    expect(conflictingVersions([v('A', 1, 'same'), v('B', 2, 'same', true)])).toEqual([]);
    expect(conflictingVersions([])).toEqual([]);
  });

  it('lists several other laptops, newest first', () => {
    const shown = conflictingVersions([
      v('A', 3, 'from A'),
      v('C', 4, 'from C'),
      v('C', 2, 'older from C'),
      v('B', 9, 'from B', true),
    ]);
    expect(shown.map((x) => x.value)).toEqual(['from C', 'from A']);
  });
});
