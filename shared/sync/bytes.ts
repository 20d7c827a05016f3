/**
 * Little binary helpers for the change payload: a growable writer and a bounds-checked
 * reader. Unsigned varints go up to 2^53 (packed clock values), so they use arithmetic,
 * not 32-bit bitwise operators.
 */
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.length++] = b;
  }

  uint(n: number): void {
    this.ensure(8);
    while (n >= 128) {
      this.buf[this.length++] = (n % 128) + 128;
      n = Math.floor(n / 128);
    }
    this.buf[this.length++] = n;
  }

  /** Signed integer, zigzag-coded; |n| must stay below 2^51. */
  int(n: number): void {
    this.uint(n >= 0 ? n * 2 : -n * 2 - 1);
  }

  f64(x: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, x, true);
    this.length += 8;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  string(s: string): void {
    const b = utf8Encoder.encode(s);
    this.uint(b.length);
    this.bytes(b);
  }

  /** Appends another writer's bytes. */
  append(w: ByteWriter): void {
    this.bytes(w.finish());
  }

  finish(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Thrown for any structural problem; the caller turns it into a message for people. */
export class PayloadFormatError extends Error {
  override name = 'PayloadFormatError';
}

export class ByteReader {
  private readonly buf: Uint8Array;
  private readonly view: DataView;
  pos = 0;
  constructor(buf: Uint8Array) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new PayloadFormatError('the change list ends too early');
  }

  byte(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  uint(): number {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      n += (b & 127) * scale;
      if (b < 128) {
        if (!Number.isSafeInteger(n)) break;
        return n;
      }
      scale *= 128;
    }
    throw new PayloadFormatError('a number in the change list is out of range');
  }

  /** An unsigned varint that must be below `limit` (an index into a table). */
  index(limit: number, what: string): number {
    const n = this.uint();
    if (n >= limit) throw new PayloadFormatError(`a reference to a missing ${what}`);
    return n;
  }

  int(): number {
    const z = this.uint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  f64(): number {
    this.need(8);
    const x = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return x;
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  string(maxBytes = 1 << 20): string {
    const n = this.uint();
    if (n > maxBytes) throw new PayloadFormatError('a text in the change list is too long');
    try {
      return utf8Decoder.decode(this.bytes(n));
    } catch (e) {
      if (e instanceof PayloadFormatError) throw e;
      throw new PayloadFormatError('a text in the change list is not valid UTF-8');
    }
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A lowercase canonical UUID, which round-trips exactly through 16 bytes. */
export const isCanonicalUuid = (s: string): boolean => s.length === 36 && CANONICAL_UUID.test(s);

export function uuidToBytes(id: string, out: Uint8Array, at: number): void {
  const hex = id.replaceAll('-', '');
  for (let i = 0; i < 16; i++) out[at + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
}

export function bytesToUuid(b: Uint8Array, at: number): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[b[at + i]!]!;
  }
  return s;
}
