/**
 * A small seeded random number generator (sfc32, seeded through splitmix32) so that the
 * demo and the simulated edits are the same for the same seed on every machine. Never
 * use Math.random() or the wall clock for demo content.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max] (both included). */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; `weights` line up with `items`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** `k` distinct items in random order (all of them if k >= length). */
  sample<T>(items: readonly T[], k: number): T[];
  shuffle<T>(items: T[]): T[];
  /** Roughly normal (sum of uniforms), mean 0, standard deviation 1. */
  normal(): number;
  /** A random (version 4 shaped) UUID drawn from this stream. */
  uuid(): string;
  /**
   * An independent stream for one part of the work, derived from the seed and the label
   * (not from this stream's position), so adding a draw in one part never shifts another.
   */
  fork(label: string): Rng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A 32-bit hash of a seed and a label (FNV-1a), for forked streams. */
export function mixSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  const text = `${seed}:${label}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next32(); // let the state mix before first use

  const rng: Rng = {
    next: () => next32() / 4294967296,
    int: (min, max) => min + Math.floor(rng.next() * (max - min + 1)),
    float: (min, max) => min + rng.next() * (max - min),
    chance: (p) => rng.next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(rng.next() * items.length)]!;
    },
    weighted: (items, weights) => {
      const total = weights.reduce((s, w) => s + w, 0);
      let r = rng.next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i]!;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
    sample: (items, k) => rng.shuffle([...items]).slice(0, Math.max(0, k)),
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
    normal: () => (rng.next() + rng.next() + rng.next() + rng.next() - 2) * Math.sqrt(3),
    uuid: () => {
      const bytes = [next32(), next32(), next32(), next32()].flatMap((w) => [
        w >>> 24,
        (w >>> 16) & 0xff,
        (w >>> 8) & 0xff,
        w & 0xff,
      ]);
      bytes[6] = (bytes[6]! & 0x0f) | 0x40;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const h = bytes.map((x) => HEX[x]!).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    fork: (label) => createRng(mixSeed(seed, label)),
  };
  return rng;
}
