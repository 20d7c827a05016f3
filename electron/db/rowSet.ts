/**
 * The rows an import has touched, exactly enough to skip the log for rows it meets the first
 * time: a set of 64-bit hashes of the row keys in typed arrays (8 bytes a row, growing as it
 * fills), not the keys themselves (tens of MB of strings at country scale). Two keys share a
 * hash about once in 10^19 pairs; a false "seen" only sends that row to the change log to be
 * checked, so it costs time, never correctness. "Not seen" is always true.
 */
export class RowSet {
  #hi = new Uint32Array(1 << 16);
  #lo = new Uint32Array(1 << 16);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds a key; returns true when it (or a key with its hash) was in the set already. */
  add(key: string): boolean {
    const [hi, lo] = hash64(key);
    if (this.#insert(hi, lo)) return true;
    if (++this.#size * 2 > this.#hi.length) this.#grow();
    return false;
  }

  has(key: string): boolean {
    const [hi, lo] = hash64(key);
    return this.#lo[this.#slot(hi, lo)] !== 0;
  }

  /** Puts a hash in its slot; true when it was there already. */
  #insert(hi: number, lo: number): boolean {
    const at = this.#slot(hi, lo);
    if (this.#lo[at] !== 0) return true;
    this.#hi[at] = hi;
    this.#lo[at] = lo;
    return false;
  }

  /** The slot holding this hash, or the empty slot where it would go (linear probing). */
  #slot(hi: number, lo: number): number {
    const mask = this.#hi.length - 1;
    let at = lo & mask;
    while (this.#lo[at] !== 0 && (this.#lo[at] !== lo || this.#hi[at] !== hi)) at = (at + 1) & mask;
    return at;
  }

  #grow(): void {
    const hi = this.#hi;
    const lo = this.#lo;
    this.#hi = new Uint32Array(hi.length * 2);
    this.#lo = new Uint32Array(lo.length * 2);
    for (let i = 0; i < hi.length; i++) if (lo[i] !== 0) this.#insert(hi[i]!, lo[i]!);
  }
}

/** Two independent 32-bit hashes of the key's UTF-16 units (FNV-1a and a murmur-style mix); lo is never 0, which marks an empty slot. */
export function hash64(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 15), 0xc2b2ae35);
  b ^= b >>> 16;
  return [b >>> 0, a >>> 0 || 1];
}
