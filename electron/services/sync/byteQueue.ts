/**
 * Bytes pushed in pieces, taken in exact sizes. Taking within one piece is a view (no copy);
 * only a take that spans pieces copies, and only its own bytes, so a reader fed many small
 * pieces never concatenates its input over and over.
 */
export class ByteQueue {
  #pieces: Buffer[] = [];
  #offset = 0; // into #pieces[0]
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.#pieces.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    this.#length += bytes.length;
  }

  /** The first `n` bytes without consuming them (n ≤ length). */
  peek(n: number): Buffer {
    const head = this.#pieces[0];
    if (head && head.length - this.#offset >= n) return head.subarray(this.#offset, this.#offset + n);
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    let offset = this.#offset;
    for (const piece of this.#pieces) {
      if (filled === n) break;
      filled += piece.copy(out, filled, offset, Math.min(piece.length, offset + n - filled));
      offset = 0;
    }
    return out;
  }

  /** Removes and returns the first `n` bytes (n ≤ length). */
  take(n: number): Buffer {
    const out = this.peek(n);
    this.#length -= n;
    let left = n;
    while (left > 0) {
      const head = this.#pieces[0]!;
      const inHead = head.length - this.#offset;
      if (inHead > left) {
        this.#offset += left;
        left = 0;
      } else {
        left -= inHead;
        this.#pieces.shift();
        this.#offset = 0;
      }
    }
    return out;
  }

  /** Copies what is left into memory the queue owns, so the caller may reuse its buffers. */
  own(): void {
    if (this.#length === 0) {
      this.#pieces = [];
      this.#offset = 0;
      return;
    }
    this.#pieces = [Buffer.from(this.peek(this.#length))];
    this.#offset = 0;
  }
}
