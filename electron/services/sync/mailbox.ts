import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';
import { KnowledgeSchema, knowledgeCovers } from '../../../shared/sync/knowledge.ts';
import type { Store } from '../../db/store.ts';
import { inspectBundle, isPartialWrite, type BundleHeader } from './bundleFile.ts';
import { exportBundle, importBundleBytes, type ImportOutcome } from './bundles.ts';
import { joinedRegion } from './identity.ts';
import { listPeers } from './knowledgeStore.ts';
import { existingFolder } from './places.ts';

/** The folder on a stick (or shared drive) that laptops use as a mailbox. */
export const MAILBOX_FOLDER = 'PamojaSync';
export const BUNDLE_EXTENSION = '.pamoja';

/**
 * One bundle per laptop in the mailbox, named by its device and replaced on every sync.
 * It carries everything any laptop this one has heard from is not known to hold (one
 * bundle for all rather than one per peer: the stick stays small and tidy, a laptop this
 * one has never heard of still finds everything it needs, and a well-synced peer just
 * sees those changes as already known).
 */
/**
 * Other laptops' bundles stay at least this long even when every laptop this one knows
 * has taken them: a laptop nobody has heard of yet may still need them.
 */
export const MAILBOX_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export const mailboxFileName = (deviceId: string): string => `from-${deviceId}${BUNDLE_EXTENSION}`;

export interface MailboxResult {
  folder: string;
  imported: ImportOutcome[];
  /** Bundles left alone: already taken, this laptop's own, another region's. */
  skipped: { file: string; reason: string }[];
  failed: { file: string; message: string; reason?: string; detail?: string }[];
  written: { file: string; changes: number; bytes: number } | null;
  /** Other laptops' bundles removed because every known laptop has taken them. */
  cleared: string[];
}

type Progress = (done: number, total: number, label?: string) => void;

/**
 * Sync through a folder: take every bundle there not taken yet, then write this laptop's
 * bundle (after the imports, so it relays what it just learned), then clear bundles
 * every known laptop already holds. A bundle that fails is reported and left in place;
 * the others still go in.
 */
export async function syncFolder(
  store: Store,
  dir: string,
  options: { passphrase?: string; progress?: Progress } = {},
): Promise<MailboxResult> {
  // The coach's folder must exist (a mistyped path or a stick not plugged in is refused,
  // never created); only PamojaSync inside it is made.
  await existingFolder(dir);
  const folder = join(dir, MAILBOX_FOLDER);
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    throw new PamojaError('unavailable', `Cannot use ${dir} for syncing: ${(e as Error).message}`);
  }
  const result: MailboxResult = { folder, imported: [], skipped: [], failed: [], written: null, cleared: [] };
  const own = mailboxFileName(store.deviceId);
  const files = (await readdir(folder))
    .filter((f) => f.endsWith(BUNDLE_EXTENSION) && !isPartialWrite(f))
    .sort();
  const total = files.length + 1;
  const taken = store.statements.get('SELECT 1 FROM sync_taken WHERE bundle_hash = ?');

  for (const [i, file] of files.entries()) {
    options.progress?.(i, total, `Taking ${file}`);
    if (file === own) {
      result.skipped.push({ file, reason: 'this laptop’s own bundle' });
      continue;
    }
    try {
      const bytes = await readFile(join(folder, file));
      const header: BundleHeader = inspectBundle(bytes);
      const region = joinedRegion(store);
      if (region && header.regionId !== region.regionId) {
        result.skipped.push({ file, reason: `another region (${header.regionId})` });
        continue;
      }
      if (header.senderDevice === store.deviceId) {
        result.skipped.push({ file, reason: 'this laptop’s own bundle' });
        continue;
      }
      if (taken.get(createHash('sha256').update(bytes).digest('hex'))) {
        result.skipped.push({ file, reason: 'already taken' });
        continue;
      }
      result.imported.push(importBundleBytes(store, bytes, { file, passphrase: options.passphrase }));
    } catch (e) {
      if (!(e instanceof PamojaError)) throw e;
      const { reason, detail } = e.toShape();
      result.failed.push({ file, message: e.message, ...(reason ? { reason, detail: detail ?? '' } : {}) });
    }
  }

  if (joinedRegion(store)) {
    options.progress?.(files.length, total, 'Writing this laptop’s bundle');
    const out = await exportBundle(store, { kind: 'peer' }, join(folder, own));
    result.written = { file: own, changes: out.changes, bytes: out.bytes };
  }
  result.cleared = await clearTaken(
    store,
    folder,
    files.filter((f) => f !== own),
  );
  options.progress?.(total, total, 'Sync done');
  return result;
}

/**
 * Removes other laptops' bundles that this laptop has taken, that every other laptop it
 * knows has declared holding (judged from the knowledge each bundle declared), and that
 * are older than MAILBOX_KEEP_MS. Safe: a sender keeps its changes and writes them again
 * while anyone it knows still lacks them.
 */
async function clearTaken(store: Store, folder: string, files: string[]): Promise<string[]> {
  const cleared: string[] = [];
  const peers = listPeers(store);
  const takenRow = store.statements.get(
    'SELECT sender_device, created_at, knowledge FROM sync_taken WHERE bundle_hash = ?',
  );
  const now = store.clock.now();
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(folder, file));
    } catch {
      continue;
    }
    const row = takenRow.get(createHash('sha256').update(bytes).digest('hex')) as
      { sender_device: string; created_at: string; knowledge: string } | undefined;
    if (!row || now - Date.parse(row.created_at) < MAILBOX_KEEP_MS) continue;
    const declared = KnowledgeSchema.parse(JSON.parse(row.knowledge));
    const everyoneHasIt = peers
      .filter((p) => p.deviceId !== row.sender_device)
      .every((p) => knowledgeCovers(p.knowledge, declared));
    if (!everyoneHasIt) continue;
    await unlink(join(folder, file)).catch(() => undefined);
    cleared.push(file);
  }
  return cleared;
}
