import { hlcWall } from '../clock.ts';

/**
 * How far ahead a received timestamp may be before it is held back. Laptops here often
 * have wrong clocks; a change stamped months ahead would otherwise win every later
 * conflict and drag every other laptop's clock forward.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * True when a received change must be held back: its time is more than the allowance
 * ahead of the local clock, or of the bundle's own creation time (which catches a
 * laptop forwarding another's bad timestamps).
 */
export function isTooFarAhead(hlc: number, localNowMs: number, bundleCreatedMs?: number): boolean {
  const wall = hlcWall(hlc);
  if (wall > localNowMs + MAX_CLOCK_AHEAD_MS) return true;
  return bundleCreatedMs !== undefined && wall > bundleCreatedMs + MAX_CLOCK_AHEAD_MS;
}

/** A bundle made "in the future" by more than the allowance says its sender's clock is wrong. */
export function senderClockAheadMs(bundleCreatedMs: number, localNowMs: number): number | null {
  const ahead = bundleCreatedMs - localNowMs;
  return ahead > MAX_CLOCK_AHEAD_MS ? ahead : null;
}
