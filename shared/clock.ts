/**
 * Hybrid logical clock, packed into one integer so it sorts and compares as a number and
 * stores compactly: `wall milliseconds * 1024 + counter`. 2^53 / 1024 ms reaches the
 * year 2248, so the packed value stays an exact JS number.
 *
 * A device's clock never goes backwards, even if the laptop's time is set back; when
 * the counter would overflow within one millisecond we borrow the next millisecond.
 */
export type Hlc = number;

export const COUNTER_BITS = 1024;

export function packHlc(wallMs: number, counter: number): Hlc {
  return wallMs * COUNTER_BITS + counter;
}

export function hlcWall(hlc: Hlc): number {
  return Math.floor(hlc / COUNTER_BITS);
}

export function hlcCounter(hlc: Hlc): number {
  return hlc % COUNTER_BITS;
}

/** The next timestamp for a local event, given the last one issued and the wall clock. */
export function tickHlc(last: Hlc, nowMs: number): Hlc {
  const wall = Math.max(hlcWall(last), Math.floor(nowMs));
  const counter = wall === hlcWall(last) ? hlcCounter(last) + 1 : 0;
  return counter >= COUNTER_BITS ? packHlc(wall + 1, 0) : packHlc(wall, counter);
}

/**
 * Advance the local clock past a timestamp received from another device, so later local
 * edits order after what we have seen. Callers must first hold back timestamps that are
 * implausibly far ahead (see sync), or one bad clock would drag every laptop forward.
 */
export function receiveHlc(last: Hlc, remote: Hlc, nowMs: number): Hlc {
  return tickHlc(Math.max(last, remote), nowMs);
}

/** ISO date-time of a timestamp, for people. */
export function hlcToIso(hlc: Hlc): string {
  return new Date(hlcWall(hlc)).toISOString();
}
