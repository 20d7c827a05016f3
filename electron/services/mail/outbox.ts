import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';
import type { FailureKind } from '../../../shared/mail/failure.ts';
import { KnowledgeSchema, knowledgeCovers } from '../../../shared/sync/knowledge.ts';
import type { Store } from '../../db/store.ts';
import { exportBundle } from '../sync/bundles.ts';
import type { ExportSpec } from '../sync/exportChanges.ts';
import { getPeer, ownKnowledge } from '../sync/knowledgeStore.ts';
import { bundleHash } from './parts.ts';
import type { Recipient } from './addressBook.ts';

export type OutboxKind = 'bundle' | 'report' | 'receipt';
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'delivered';

/** One thing waiting to go, going, or gone, to one recipient. */
export interface OutboxItem {
  id: number;
  kind: OutboxKind;
  toEmail: string;
  toName: string;
  toDevice: string | null;
  fileName: string;
  bytes: number;
  changes: number;
  summary: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  partsTotal: number;
  partsSent: number;
  failure: FailureKind | '';
  lastError: string;
  queuedAt: string;
  sentAt: string | null;
  settledAt: string | null;
}

interface OutboxRow {
  id: number;
  kind: OutboxKind;
  to_email: string;
  to_name: string;
  to_device: string | null;
  file_name: string;
  bytes: number;
  changes: number;
  summary: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string | null;
  parts_total: number;
  parts_sent: number;
  failure: FailureKind | '';
  last_error: string;
  queued_at: string;
  sent_at: string | null;
  settled_at: string | null;
}

const COLUMNS = `id, kind, to_email, to_name, to_device, file_name, bytes, changes, summary, status, attempts,
  next_attempt_at, parts_total, parts_sent, failure, last_error, queued_at, sent_at, settled_at`;

const toItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  kind: r.kind,
  toEmail: r.to_email,
  toName: r.to_name,
  toDevice: r.to_device,
  fileName: r.file_name,
  bytes: r.bytes,
  changes: r.changes,
  summary: r.summary,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  partsTotal: r.parts_total,
  partsSent: r.parts_sent,
  failure: r.failure,
  lastError: r.last_error,
  queuedAt: r.queued_at,
  sentAt: r.sent_at,
  settledAt: r.settled_at,
});

const nowIso = (store: Store): string => new Date(store.clock.now()).toISOString();

/** Every item not removed, newest first. */
export function listOutbox(store: Store): OutboxItem[] {
  return (
    store.statements
      .get(`SELECT ${COLUMNS} FROM mail_outbox WHERE removed_at IS NULL ORDER BY id DESC`)
      .all() as OutboxRow[]
  ).map(toItem);
}

export function getOutboxItem(store: Store, id: number): OutboxItem {
  const r = store.statements
    .get(`SELECT ${COLUMNS} FROM mail_outbox WHERE id = ? AND removed_at IS NULL`)
    .get(id) as OutboxRow | undefined;
  if (!r) throw new PamojaError('not_found', 'That outbox item is no longer there.');
  return toItem(r);
}

/** The attachment bytes of an item. */
export function outboxContent(store: Store, id: number): Buffer {
  const r = store.statements.get('SELECT content FROM mail_outbox WHERE id = ?').get(id) as
    { content: Buffer } | undefined;
  if (!r) throw new PamojaError('not_found', 'That outbox item is no longer there.');
  return r.content;
}

/** How many items wait to be sent (queued or failed): the badge on the Sync screen. */
export function waitingCount(store: Store): { queued: number; failed: number } {
  const rows = store.statements
    .get(
      "SELECT status, count(*) AS n FROM mail_outbox WHERE removed_at IS NULL AND status IN ('queued', 'sending', 'failed') GROUP BY status",
    )
    .all() as { status: OutboxStatus; n: number }[];
  const n = (s: OutboxStatus) => rows.find((r) => r.status === s)?.n ?? 0;
  return { queued: n('queued') + n('sending'), failed: n('failed') };
}

interface NewItem {
  kind: OutboxKind;
  recipient: Recipient;
  fileName: string;
  content: Uint8Array;
  changes: number;
  knowledge: string | null;
  summary: string;
}

function insertItem(store: Store, item: NewItem): OutboxItem {
  const r = store.statements
    .get(
      `INSERT INTO mail_outbox (kind, to_email, to_name, to_device, file_name, content, bytes, content_hash, changes,
         knowledge, summary, status, queued_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)`,
    )
    .run(
      item.kind,
      item.recipient.email,
      item.recipient.name,
      item.recipient.deviceId,
      item.fileName,
      Buffer.from(item.content),
      item.content.length,
      bundleHash(item.content),
      item.changes,
      item.knowledge,
      item.summary,
      nowIso(store),
    );
  return getOutboxItem(store, Number(r.lastInsertRowid));
}

/** Makes a bundle with the existing export and returns its bytes (the bundle is opaque here). */
async function bundleBytes(store: Store, spec: ExportSpec, name: string) {
  const dir = await mkdtemp(join(tmpdir(), 'pamoja-mail-'));
  try {
    const out = await exportBundle(store, spec, join(dir, name));
    return { bytes: await readFile(out.file), changes: out.changes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const stamp = (store: Store) => nowIso(store).slice(0, 16).replace(':', '').replace('T', '-');

/**
 * Queues a bundle for a recipient: for a laptop, everything that laptop is not known to
 * hold (as for the USB mailbox); for any other address, what any laptop this one knows of
 * may lack. Needs no connection.
 */
export async function queueBundle(store: Store, recipient: Recipient): Promise<OutboxItem> {
  const spec: ExportSpec = recipient.deviceId
    ? { kind: 'peer', forDevice: recipient.deviceId }
    : { kind: 'peer' };
  const fileName = `pamoja-${stamp(store)}.pamoja`;
  const { bytes, changes } = await bundleBytes(store, spec, fileName);
  const peerName = recipient.deviceId ? (getPeer(store, recipient.deviceId)?.name ?? '') : '';
  return insertItem(store, {
    kind: 'bundle',
    recipient: { ...recipient, name: recipient.name || peerName },
    fileName,
    content: bytes,
    changes,
    // Taken after the export: it covers at least what the bundle carries.
    knowledge: JSON.stringify(ownKnowledge(store)),
    summary: `${changes} changes`,
  });
}

/** Queues a report file (HTML, CSV, PDF …) for an official or a coach. */
export function queueReport(
  store: Store,
  recipient: Recipient,
  report: { fileName: string; content: Uint8Array; title: string },
): OutboxItem {
  return insertItem(store, {
    kind: 'report',
    recipient,
    fileName: report.fileName,
    content: report.content,
    changes: 0,
    knowledge: null,
    summary: report.title,
  });
}

/**
 * Queues a receipt to a laptop whose bundle arrived: a tiny bundle with no changes whose
 * signed knowledge tells the sender what this laptop now holds. Receipts not sent yet to
 * the same laptop are replaced (knowledge only grows, the newest says it all).
 */
export async function queueReceipt(
  store: Store,
  recipient: Recipient & { deviceId: string },
): Promise<OutboxItem> {
  const fileName = `pamoja-receipt-${stamp(store)}.pamoja`;
  const { bytes } = await bundleBytes(store, { kind: 'selective', receipt: true }, fileName);
  return store.db.transaction(() => {
    store.statements
      .get(
        `UPDATE mail_outbox SET removed_at = ? WHERE kind = 'receipt' AND to_device = ? AND status IN ('queued', 'failed') AND removed_at IS NULL`,
      )
      .run(nowIso(store), recipient.deviceId);
    return insertItem(store, {
      kind: 'receipt',
      recipient,
      fileName,
      content: bytes,
      changes: 0,
      knowledge: null,
      summary: 'receipt',
    });
  })();
}

/** Removes an item from the outbox (kept for Undo: `restoreOutboxItem`). */
export function removeOutboxItem(store: Store, id: number): OutboxItem {
  const item = getOutboxItem(store, id);
  if (item.status === 'sending')
    throw new PamojaError('conflict', 'This item is being sent right now; wait a moment.');
  store.statements.get('UPDATE mail_outbox SET removed_at = ? WHERE id = ?').run(nowIso(store), id);
  return item;
}

export function restoreOutboxItem(store: Store, id: number): OutboxItem {
  const r = store.statements
    .get('UPDATE mail_outbox SET removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL')
    .run(id);
  if (r.changes === 0) throw new PamojaError('not_found', 'That outbox item cannot be brought back.');
  return getOutboxItem(store, id);
}

/** A failed item goes back in the queue, to be tried at the next send (after the coach fixed the cause). */
export function retryOutboxItem(store: Store, id: number): OutboxItem {
  const item = getOutboxItem(store, id);
  if (item.status !== 'failed' && item.status !== 'queued')
    throw new PamojaError(
      'conflict',
      `This item is ${item.status}; only a failed or waiting item can be tried again.`,
    );
  store.statements
    .get("UPDATE mail_outbox SET status = 'queued', next_attempt_at = NULL WHERE id = ?")
    .run(id);
  return getOutboxItem(store, id);
}

/**
 * After a receipt (or any bundle) told this laptop what a peer holds: bundle items for that
 * peer whose content it already holds are settled — marked delivered, never just dropped —
 * and are not sent (again). Returns the items settled.
 */
export function settleOutbox(store: Store): number[] {
  const rows = store.statements
    .get(
      `SELECT id, to_device, knowledge, status FROM mail_outbox
       WHERE kind = 'bundle' AND to_device IS NOT NULL AND knowledge IS NOT NULL AND removed_at IS NULL
         AND status IN ('queued', 'sent', 'failed')`,
    )
    .all() as { id: number; to_device: string; knowledge: string; status: OutboxStatus }[];
  const settled: number[] = [];
  const at = nowIso(store);
  for (const r of rows) {
    const peer = getPeer(store, r.to_device);
    if (!peer) continue;
    const carried = KnowledgeSchema.parse(JSON.parse(r.knowledge));
    if (!knowledgeCovers(peer.knowledge, carried)) continue;
    store.statements
      .get(
        // sent_at stays empty for an item that was never sent: it came another way.
        "UPDATE mail_outbox SET status = 'delivered', settled_at = ?, failure = '', last_error = '', next_attempt_at = NULL WHERE id = ?",
      )
      .run(at, r.id);
    settled.push(r.id);
  }
  return settled;
}
