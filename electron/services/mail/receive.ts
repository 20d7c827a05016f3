import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { simpleParser } from 'mailparser';
import { PamojaError } from '../../../shared/errors.ts';
import type { Store } from '../../db/store.ts';
import { MAGIC } from '../sync/bundleHeader.ts';
import { importBundleBytes, type ImportOutcome } from '../sync/bundles.ts';
import { getPeer } from '../sync/knowledgeStore.ts';
import { inspectBundle } from '../sync/bundleFile.ts';
import { learnLaptopAddress } from './addressBook.ts';
import { queueReceipt, settleOutbox } from './outbox.ts';
import { describeMissing, isPart, joinParts, missingParts, readPart, type BundlePart } from './parts.ts';

/** A received email is never read past this (a bundle of the attachment limit fits many times). */
export const MAX_EMAIL_BYTES = 300 * 1024 * 1024;

/** What became of one bundle, part or email taken in. */
export interface Taken {
  name: string;
  outcome: 'imported' | 'waiting' | 'known' | 'failed';
  message: string;
  import?: ImportOutcome;
  /** The receipt queued back to the sender (outbox id). */
  receipt?: number;
  /** For a part: the hash of the bundle it belongs to. */
  bundle?: string;
}

export interface TakeOptions {
  passphrase?: string | undefined;
  /** The email the bundle came in: its sender gets a receipt, and its address is learnt. */
  from?: { email: string; name: string } | undefined;
  /** Where it came from, for the parts table (e.g. "imap", "file"). */
  source?: string;
  /** An email with no bundle or part is passed over (not an error): fetching finds other mail too. */
  skipWithoutBundle?: boolean;
  /** Called just before a bundle is imported (the job runner's before-import snapshot). */
  beforeImport?: () => Promise<void>;
}

export const isBundle = (b: Uint8Array): boolean =>
  b.length >= 5 && Buffer.from(b.subarray(0, 5)).equals(MAGIC.subarray(0, 5));

/** True when the bytes look like an email (headers first), not a bundle or a part. */
export function looksLikeEmail(b: Uint8Array): boolean {
  if (isBundle(b) || isPart(b)) return false;
  const head = Buffer.from(b.subarray(0, 4096)).toString('latin1');
  return /^[\x21-\x39\x3b-\x7e]+:/m.test(head) && /\r?\n\r?\n/.test(head);
}

/** Takes one file's bytes: an email, a bundle, or a part of a split bundle. */
export async function takeFile(
  store: Store,
  bytes: Uint8Array,
  name: string,
  options: TakeOptions = {},
): Promise<Taken[]> {
  if (isBundle(bytes)) return [await takeBundle(store, bytes, name, options)];
  if (isPart(bytes)) return [await takePart(store, bytes, name, options)];
  if (looksLikeEmail(bytes)) return takeEmail(store, bytes, name, options);
  throw new PamojaError(
    'invalid',
    `${name} is not a Pamoja bundle, a part of one, or an email carrying one.`,
  );
}

/** Takes a file by path (`pamoja import`, opening or dropping a file in the app). */
export async function takeFileAt(store: Store, path: string, options: TakeOptions = {}): Promise<Taken[]> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new PamojaError('not_found', `No file at ${path}.`);
  }
  if (size > MAX_EMAIL_BYTES)
    throw new PamojaError('invalid', `${basename(path)} is larger than any bundle, part or email may be.`);
  return takeFile(store, await readFile(path), basename(path), options);
}

/** Takes every bundle and part attached to an email (.eml). */
export async function takeEmail(
  store: Store,
  bytes: Uint8Array,
  name: string,
  options: TakeOptions = {},
): Promise<Taken[]> {
  if (bytes.length > MAX_EMAIL_BYTES)
    throw new PamojaError('invalid', `${name} is larger than any email carrying a bundle may be.`);
  let mail;
  try {
    mail = await simpleParser(Buffer.from(bytes), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
    });
  } catch (e) {
    throw new PamojaError('invalid', `${name} cannot be read as an email: ${(e as Error).message}`);
  }
  const sender = mail.from?.value.find((a) => a.address);
  const from = options.from ?? (sender?.address ? { email: sender.address, name: sender.name } : undefined);
  const carried = mail.attachments.filter((a) => isBundle(a.content) || isPart(a.content));
  if (carried.length === 0 && options.skipWithoutBundle) return [];
  if (carried.length === 0)
    throw new PamojaError(
      'invalid',
      `The email ${mail.subject ? `“${mail.subject}”` : name} carries no Pamoja bundle.`,
    );
  const out: Taken[] = [];
  for (const a of carried) {
    const label = a.filename || name;
    try {
      out.push(...(await takeFile(store, a.content, label, { ...options, from })));
    } catch (e) {
      if (!(e instanceof PamojaError)) throw e;
      out.push({ name: label, outcome: 'failed', message: e.message });
    }
  }
  return out;
}

async function takeBundle(
  store: Store,
  bytes: Uint8Array,
  name: string,
  options: TakeOptions,
): Promise<Taken> {
  let header;
  try {
    header = inspectBundle(bytes);
  } catch (e) {
    if (e instanceof PamojaError) return { name, outcome: 'failed', message: e.message };
    throw e;
  }
  if (header.senderDevice === store.deviceId)
    return { name, outcome: 'known', message: 'This is this laptop’s own bundle.' };
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (store.statements.get('SELECT 1 FROM sync_taken WHERE bundle_hash = ?').get(hash))
    return {
      name,
      outcome: 'known',
      message: `The bundle from ${getPeer(store, header.senderDevice)?.name || 'another laptop'} was taken in already.`,
    };
  await options.beforeImport?.();
  let result: ImportOutcome;
  try {
    result = importBundleBytes(store, bytes, {
      file: name,
      ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    });
  } catch (e) {
    if (e instanceof PamojaError) return { name, outcome: 'failed', message: e.message };
    throw e;
  }
  settleOutbox(store);
  const taken: Taken = {
    name,
    outcome: 'imported',
    message: `${result.new} new of ${result.changes} changes from ${result.header.senderName || 'another laptop'}.`,
    import: result,
  };
  if (options.from) {
    learnLaptopAddress(store, header.senderDevice, result.header.senderName, options.from.email);
    // A bundle with changes gets a receipt; a receipt (no changes) never does, so they do not echo.
    if (result.changes > 0) {
      const receipt = await queueReceipt(store, {
        email: options.from.email.toLowerCase(),
        name: result.header.senderName || options.from.name,
        deviceId: header.senderDevice,
      });
      taken.receipt = receipt.id;
    }
  }
  return taken;
}

/**
 * Keeps a part until its bundle is complete, then joins and imports it. Parts are keyed by
 * their bundle's hash, so parts of different bundles never mix; a part that disagrees with
 * the ones already kept for its bundle is refused.
 */
async function takePart(store: Store, bytes: Uint8Array, name: string, options: TakeOptions): Promise<Taken> {
  let part: BundlePart;
  try {
    part = readPart(bytes, name);
  } catch (e) {
    if (e instanceof PamojaError) return { name, outcome: 'failed', message: e.message };
    throw e;
  }
  const h = part.header;
  const st = store.statements;
  const kept = st
    .get('SELECT part, parts, bytes, data FROM mail_parts WHERE bundle_hash = ?')
    .all(h.bundle) as {
    part: number;
    parts: number;
    bytes: number;
    data: Buffer;
  }[];
  if (kept.some((k) => k.parts !== h.parts || k.bytes !== h.bytes))
    return {
      name,
      outcome: 'failed',
      message: `${name} does not fit the other parts kept for its bundle; it is left out.`,
    };
  if (store.statements.get('SELECT 1 FROM sync_taken WHERE bundle_hash = ?').get(h.bundle))
    return { name, outcome: 'known', message: `The bundle this part belongs to was taken in already.` };
  st.get(
    `INSERT OR IGNORE INTO mail_parts (bundle_hash, part, parts, bytes, sender, created_at, data, source, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    h.bundle,
    h.part,
    h.parts,
    h.bytes,
    h.sender,
    h.createdAt,
    Buffer.from(part.data),
    options.source ?? 'file',
    new Date(store.clock.now()).toISOString(),
  );
  const all = st.get('SELECT part, data FROM mail_parts WHERE bundle_hash = ?').all(h.bundle) as {
    part: number;
    data: Buffer;
  }[];
  const missing = missingParts(
    h.parts,
    all.map((p) => p.part),
  );
  if (missing.length)
    return { name, outcome: 'waiting', message: describeMissing(h, missing), bundle: h.bundle };
  let joined: Uint8Array;
  try {
    joined = joinParts(all.map((p) => ({ header: { ...h, part: p.part }, data: p.data })));
  } catch (e) {
    if (e instanceof PamojaError) return { name, outcome: 'failed', message: e.message };
    throw e;
  }
  const taken = await takeBundle(
    store,
    joined,
    name.replace(/-part-\d+-of-\d+\.pamoja-part$/, '.pamoja'),
    options,
  );
  if (taken.outcome !== 'failed') st.get('DELETE FROM mail_parts WHERE bundle_hash = ?').run(h.bundle);
  return { ...taken, bundle: h.bundle };
}

/** Bundles still waiting for parts, with the parts missing named. */
export function waitingBundles(
  store: Store,
): { bundle: string; message: string; have: number; parts: number }[] {
  const rows = store.statements
    .get(
      'SELECT bundle_hash, parts, sender, created_at, group_concat(part) AS have, count(*) AS n FROM mail_parts GROUP BY bundle_hash ORDER BY min(received_at)',
    )
    .all() as {
    bundle_hash: string;
    parts: number;
    sender: string;
    created_at: string;
    have: string;
    n: number;
  }[];
  return rows.map((r) => ({
    bundle: r.bundle_hash,
    have: r.n,
    parts: r.parts,
    message: describeMissing(
      { parts: r.parts, sender: r.sender, createdAt: r.created_at },
      missingParts(r.parts, r.have.split(',').map(Number)),
    ),
  }));
}
