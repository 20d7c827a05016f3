import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEFAULT_ATTACHMENT_LIMIT } from '../../../shared/mail/settings.ts';
import type { Store } from '../../db/store.ts';
import { writeFileAtomic } from '../sync/atomicWrite.ts';
import { exportBundle } from '../sync/bundles.ts';
import type { Recipient } from './addressBook.ts';
import { composeMessages, messageBytes } from './message.ts';
import type { OutboxItem } from './outbox.ts';
import { readMailSettings } from './settings.ts';

/**
 * "Save as email draft": an .eml with the bundle attached and `X-Unsent: 1`, which Outlook
 * and Thunderbird open as a draft ready to send. The bundle is written beside it too, for
 * webmail ("Show the file": attach it by hand). A bundle over the attachment limit gives
 * one draft per part (`NAME-part-2-of-3.eml`).
 */
export async function saveDraft(
  store: Store,
  recipient: Recipient,
  out: string,
): Promise<{ file: string; files: string[]; bundle: string; parts: number; bytes: number }> {
  const base = out.replace(/\.eml$/i, '');
  const bundlePath = `${base}.pamoja`;
  const exported = await exportBundle(
    store,
    recipient.deviceId ? { kind: 'peer', forDevice: recipient.deviceId } : { kind: 'peer' },
    bundlePath,
  );
  const content = await readFile(bundlePath);
  const settings = readMailSettings(store);
  const at = new Date(store.clock.now()).toISOString();
  const item: OutboxItem = {
    id: 0,
    kind: 'bundle',
    toEmail: recipient.email,
    toName: recipient.name,
    toDevice: recipient.deviceId,
    fileName: bundlePath.slice(dirname(bundlePath).length + 1),
    bytes: content.length,
    changes: exported.changes,
    summary: '',
    status: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    partsTotal: 0,
    partsSent: 0,
    failure: '',
    lastError: '',
    queuedAt: at,
    sentAt: null,
    settledAt: null,
  };
  const messages = composeMessages(store, item, content, {
    from: settings?.from ?? '',
    fromName: settings?.fromName ?? '',
    attachmentLimit: settings?.attachmentLimit ?? DEFAULT_ATTACHMENT_LIMIT,
  });
  const files: string[] = [];
  let bytes = 0;
  for (const [i, m] of messages.entries()) {
    const file = messages.length > 1 ? `${base}-part-${i + 1}-of-${messages.length}.eml` : `${base}.eml`;
    const eml = await messageBytes(m, { draft: true });
    await writeFileAtomic(file, eml);
    files.push(file);
    bytes += eml.length;
  }
  return { file: files[0]!, files, bundle: bundlePath, parts: messages.length, bytes };
}
