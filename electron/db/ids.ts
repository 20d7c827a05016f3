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

/*
 * Rows identified by what they are about get the same derived id however and wherever
 * they are entered (the app, a region file, the demo, another laptop), so they merge.
 */
export const indicatorsId = (schoolId: string, term: string): string =>
  derivedId('indicators', schoolId, term);
export const attendanceId = (sessionId: string, memberId: string): string =>
  derivedId('attendance', sessionId, memberId);
/** A neighbour link goes both ways, so the pair is stored once, in sorted order: [id, first, second]. */
export const neighbourPair = (a: string, b: string): [string, string, string] => {
  const [first, second] = a < b ? [a, b] : [b, a];
  return [derivedId('cluster_neighbours', first, second), first, second];
};
