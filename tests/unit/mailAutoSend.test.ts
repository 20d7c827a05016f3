import { afterEach, describe, expect, it } from 'vitest';
import { resolveRecipient } from '../../electron/services/mail/addressBook.ts';
import { startMailAutoSend } from '../../electron/services/mail/autoSend.ts';
import { getOutboxItem, queueBundle } from '../../electron/services/mail/outbox.ts';
import { sendOutbox } from '../../electron/services/mail/send.ts';
import { saveMailSettings } from '../../electron/services/mail/settings.ts';
import { createContext } from '../../electron/services/context.ts';
import { tempDir } from './helpers.ts';
import { twoLaptops } from './mail/laptops.ts';
import { freePort, makeCertificate, startSmtp, type TestSmtp } from './mail/servers.ts';

const stops: (() => void)[] = [];
let smtp: TestSmtp | undefined;
afterEach(async () => {
  while (stops.length) stops.pop()!();
  await smtp?.close();
  smtp = undefined;
});

const until = async (check: () => boolean, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('sending in the background while the app runs', () => {
  it('retries a waiting item once its backoff has passed, and never fails one for want of a password', async () => {
    const { a, b } = await twoLaptops();
    const cert = makeCertificate(tempDir());
    const port = await freePort();
    await saveMailSettings(a, {
      smtp: { host: '127.0.0.1', port, security: 'starttls', user: 'coach' },
      from: 'amina@example.org',
      ca: cert.ca,
    });
    const item = await queueBundle(a, resolveRecipient(a, b.deviceId));
    const ctx = createContext(a, tempDir(), 'http');

    // No password at hand: the item waits untouched.
    stops.push(startMailAutoSend(ctx, () => Promise.resolve(undefined), 30));
    await new Promise((r) => setTimeout(r, 200));
    expect(getOutboxItem(a, item.id)).toMatchObject({ status: 'queued', attempts: 0, failure: '' });
    stops.pop()!();

    // The server is down: a first try fails for now, with backoff.
    await sendOutbox(a, { smtpPassword: 'secret', now: true });
    expect(getOutboxItem(a, item.id)).toMatchObject({ status: 'queued', failure: 'refused', attempts: 1 });
    smtp = await startSmtp({ cert, port });
    stops.push(startMailAutoSend(ctx, () => Promise.resolve('secret'), 30));
    await new Promise((r) => setTimeout(r, 200));
    expect(getOutboxItem(a, item.id).status).toBe('queued'); // not due yet: the backoff holds
    a.db
      .prepare("UPDATE mail_outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE id = ?")
      .run(item.id);
    await until(() => getOutboxItem(a, item.id).status === 'sent');
    expect(smtp.received).toHaveLength(1);
  });
});
