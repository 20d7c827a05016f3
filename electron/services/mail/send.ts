import { backoffMs, classifyMailError, failure, type Failure } from '../../../shared/mail/failure.ts';
import type { MailSettings } from '../../../shared/mail/settings.ts';
import type { Store } from '../../db/store.ts';
import { noHooks, type JobHooks } from '../jobs/hooks.ts';
import { composeMessages } from './message.ts';
import { getOutboxItem, outboxContent, settleOutbox, type OutboxItem } from './outbox.ts';
import { requireMailSettings } from './settings.ts';
import { smtpSender } from './smtp.ts';

/** The job runner's hooks (electron/services/jobs/): progress reports, cancel polled between items. */
export type JobControl = JobHooks;
export const noJobControl: JobControl = noHooks;

export interface SendInput {
  smtpPassword?: string | undefined;
  /** "Send now": every waiting item, whatever its backoff says. Otherwise only those due. */
  now?: boolean;
  /** Send only these items. */
  ids?: number[];
}

export interface SendOutcome {
  sent: number[];
  /** Items that failed for now and wait for their next try. */
  retrying: { id: number; failure: Failure; nextAttemptAt: string }[];
  /** Items that failed for good: the coach has to act. */
  failed: { id: number; failure: Failure }[];
  /** Items not needed any more: the other laptop already holds what they carry. */
  settled: number[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Sends what waits in the outbox, one item at a time, each part of a split bundle in turn
 * (a retry resumes after the parts already sent). A temporary failure (no connection,
 * refused, timeout, a 4xx answer) puts the item back with backoff; a permanent one (a 5xx
 * answer, TLS, authentication) marks it failed with its reason and it is not tried again
 * until the coach says so. Nothing leaves the outbox: sent items stay listed.
 */
export async function sendOutbox(
  store: Store,
  input: SendInput,
  control: JobControl = noJobControl,
): Promise<SendOutcome> {
  const settings = requireMailSettings(store);
  const outcome: SendOutcome = { sent: [], retrying: [], failed: [], settled: settleOutbox(store) };
  // A send that was cut off (the app closed) left its item 'sending': it goes back in line.
  store.statements.get("UPDATE mail_outbox SET status = 'queued' WHERE status = 'sending'").run();
  const nowMs = store.clock.now();
  const due = (
    store.statements
      .get(
        `SELECT id FROM mail_outbox WHERE status = 'queued' AND removed_at IS NULL
           AND (? OR next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id`,
      )
      .all(input.now ? 1 : 0, iso(nowMs)) as { id: number }[]
  )
    .map((r) => r.id)
    .filter((id) => !input.ids || input.ids.includes(id));
  if (due.length === 0) return outcome;
  if (settings.smtp.user && !input.smtpPassword) {
    const f = failure('settings', 'No password for the mail server was given.');
    for (const id of due) markFailed(store, id, f, false, nowMs);
    outcome.failed.push(...due.map((id) => ({ id, failure: f })));
    return outcome;
  }

  const sender = smtpSender(settings, input.smtpPassword);
  try {
    for (const [i, id] of due.entries()) {
      if (control.cancelled()) break;
      control.progress({ phase: 'sending', done: i, total: due.length });
      const item = getOutboxItem(store, id);
      const r = await sendItem(store, item, settings, sender);
      if (r === null) outcome.sent.push(id);
      else if (r.temporary) {
        const next = markFailed(store, id, r, true, store.clock.now());
        outcome.retrying.push({ id, failure: r, nextAttemptAt: next });
        // The server cannot be reached: the next items would fail the same way.
        if (r.kind === 'dns' || r.kind === 'refused' || r.kind === 'timeout') {
          for (const rest of due.slice(i + 1)) {
            const n = markFailed(store, rest, r, true, store.clock.now());
            outcome.retrying.push({ id: rest, failure: r, nextAttemptAt: n });
          }
          break;
        }
      } else {
        markFailed(store, id, r, false, store.clock.now());
        outcome.failed.push({ id, failure: r });
      }
    }
    control.progress({ phase: 'sending', done: due.length, total: due.length });
  } finally {
    sender.close();
  }
  return outcome;
}

/** Sends every remaining part of one item; null when all went. */
async function sendItem(
  store: Store,
  item: OutboxItem,
  settings: MailSettings,
  sender: ReturnType<typeof smtpSender>,
): Promise<Failure | null> {
  const messages = composeMessages(store, item, outboxContent(store, item.id), settings);
  // A changed attachment limit changes the parts: start them over.
  const start = item.partsTotal === messages.length ? item.partsSent : 0;
  store.statements
    .get("UPDATE mail_outbox SET status = 'sending', parts_total = ?, parts_sent = ? WHERE id = ?")
    .run(messages.length, start, item.id);
  for (let p = start; p < messages.length; p++) {
    try {
      await sender.send(messages[p]!);
    } catch (e) {
      return classifyMailError(e);
    }
    store.statements.get('UPDATE mail_outbox SET parts_sent = ? WHERE id = ?').run(p + 1, item.id);
  }
  store.statements
    .get(
      "UPDATE mail_outbox SET status = 'sent', sent_at = ?, failure = '', last_error = '', next_attempt_at = NULL, attempts = attempts + 1 WHERE id = ?",
    )
    .run(iso(store.clock.now()), item.id);
  return null;
}

/** Records a failed try; returns when the next automatic try is due (temporary failures). */
function markFailed(store: Store, id: number, f: Failure, temporary: boolean, nowMs: number): string {
  const attempts =
    (store.statements.get('SELECT attempts FROM mail_outbox WHERE id = ?').get(id) as { attempts: number })
      .attempts + 1;
  const next = iso(nowMs + backoffMs(attempts));
  store.statements
    .get(
      'UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, failure = ?, last_error = ? WHERE id = ?',
    )
    .run(temporary ? 'queued' : 'failed', attempts, temporary ? next : null, f.kind, f.detail, id);
  return next;
}
