import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PamojaError } from '../../../shared/errors.ts';

/**
 * A bundle too large for one email is cut into parts, each a file of its own:
 *
 *   "PAMOJA-PART 1\n" ‖ header JSON ‖ "\n" ‖ the part's bytes
 *
 * The header names the whole bundle by its SHA-256, the part's number and count, the
 * bundle's length and the part's own SHA-256, so parts can arrive in any order, by any
 * route (IMAP, saved attachments, a USB stick), and a part of another bundle, a damaged
 * part or a duplicate is told apart before anything is joined. The bundle itself is
 * opaque bytes here; joining checks the whole hash before the bundle reaches the import.
 */
export const PART_MAGIC = 'PAMOJA-PART 1\n';
export const PART_EXTENSION = '.pamoja-part';
const MAX_PART_HEADER = 4096;
export const MAX_PARTS = 10_000;

export const PartHeader = z
  .object({
    bundle: z.string().regex(/^[0-9a-f]{64}$/),
    part: z.number().int().min(1),
    parts: z.number().int().min(2).max(MAX_PARTS),
    bytes: z.number().int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** For messages about missing parts: who made the bundle, and when. */
    sender: z.string().max(200),
    createdAt: z.string().max(40),
  })
  .refine((h) => h.part <= h.parts, { message: 'part number beyond the count of parts' });
export type PartHeader = z.infer<typeof PartHeader>;

export interface BundlePart {
  header: PartHeader;
  data: Uint8Array;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export const bundleHash = sha256;

/** True when the bytes start like a part file. */
export function isPart(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, PART_MAGIC.length)).toString('latin1') === PART_MAGIC;
}

/** Cuts a bundle into parts of at most `limit` bytes each (header included); one part needs no cutting. */
export function splitBundle(
  bundle: Uint8Array,
  limit: number,
  about: { sender: string; createdAt: string },
): Uint8Array[] {
  if (bundle.length <= limit) return [bundle];
  const room = limit - MAX_PART_HEADER;
  if (room < 1024)
    throw new PamojaError('invalid', `An attachment limit of ${limit} bytes is too small to split into.`);
  const parts = Math.ceil(bundle.length / room);
  if (parts > MAX_PARTS)
    throw new PamojaError(
      'invalid',
      `This bundle would need more than ${MAX_PARTS} parts: raise the attachment limit.`,
    );
  const whole = sha256(bundle);
  const out: Uint8Array[] = [];
  for (let i = 0; i < parts; i++) {
    const data = bundle.subarray(i * room, Math.min(bundle.length, (i + 1) * room));
    const header: PartHeader = {
      bundle: whole,
      part: i + 1,
      parts,
      bytes: bundle.length,
      sha256: sha256(data),
      sender: about.sender.slice(0, 200),
      createdAt: about.createdAt.slice(0, 40),
    };
    out.push(
      Buffer.concat([Buffer.from(PART_MAGIC, 'latin1'), Buffer.from(`${JSON.stringify(header)}\n`), data]),
    );
  }
  return out;
}

/** Reads one part file, refusing a damaged one with a reason. */
export function readPart(bytes: Uint8Array, name: string): BundlePart {
  if (!isPart(bytes)) throw new PamojaError('invalid', `${name} is not a part of a Pamoja bundle.`);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const end = buf.indexOf(0x0a, PART_MAGIC.length);
  if (end < 0 || end - PART_MAGIC.length > MAX_PART_HEADER)
    throw new PamojaError('invalid', `${name} is damaged: its description cannot be read.`);
  let header: PartHeader;
  try {
    header = PartHeader.parse(JSON.parse(buf.subarray(PART_MAGIC.length, end).toString('utf8')));
  } catch {
    throw new PamojaError('invalid', `${name} is damaged: its description cannot be read.`);
  }
  const data = new Uint8Array(buf.subarray(end + 1));
  if (sha256(data) !== header.sha256)
    throw new PamojaError(
      'invalid',
      `${name} is damaged: part ${header.part} of ${header.parts} does not match its checksum. Ask for it to be sent again.`,
    );
  return { header, data };
}

/** Which part numbers of `parts` are missing. */
export function missingParts(parts: number, have: Iterable<number>): number[] {
  const got = new Set(have);
  const out: number[] = [];
  for (let i = 1; i <= parts; i++) if (!got.has(i)) out.push(i);
  return out;
}

/**
 * Joins every part of one bundle, in part order whatever order they came in. Parts must
 * agree on the bundle (hash, count, length); the joined bytes must hash to it.
 */
export function joinParts(parts: readonly BundlePart[]): Uint8Array {
  const first = parts[0];
  if (!first) throw new PamojaError('invalid', 'No parts to join.');
  const h = first.header;
  for (const p of parts)
    if (p.header.bundle !== h.bundle || p.header.parts !== h.parts || p.header.bytes !== h.bytes)
      throw new PamojaError('invalid', 'These parts belong to different bundles and are never joined.');
  const byNumber = new Map(parts.map((p) => [p.header.part, p]));
  const missing = missingParts(h.parts, byNumber.keys());
  if (missing.length) throw new PamojaError('invalid', describeMissing(h, missing));
  const joined = Buffer.concat([...Array(h.parts).keys()].map((i) => byNumber.get(i + 1)!.data));
  if (joined.length !== h.bytes || sha256(joined) !== h.bundle)
    throw new PamojaError(
      'invalid',
      `The ${h.parts} parts of the bundle from ${h.sender || 'another laptop'} do not join into it: ask for it to be sent again.`,
    );
  return joined;
}

/** "Part 2 of 3 of the bundle from Amina's laptop (made 2026-12-01 10:00) has not arrived yet." */
export function describeMissing(
  h: Pick<PartHeader, 'parts' | 'sender' | 'createdAt'>,
  missing: number[],
): string {
  const which =
    missing.length === 1
      ? `Part ${missing[0]}`
      : `Parts ${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  const made = h.createdAt ? ` (made ${h.createdAt.slice(0, 16).replace('T', ' ')})` : '';
  return `${which} of ${h.parts} of the bundle from ${h.sender || 'another laptop'}${made} ${missing.length === 1 ? 'has' : 'have'} not arrived yet; the parts that came are kept and it goes in when the rest arrives.`;
}
