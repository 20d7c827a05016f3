import { createHash } from 'node:crypto';

/**
 * A UUID derived from its parts (name-based, like UUID v5 but with SHA-256). Used where
 * a row is identified by what it is about, e.g. one indicators row per school and term,
 * so that two laptops creating "the same" row produce the same id and merge.
 */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
