import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyMailError } from '../../shared/mail/failure.ts';
import type { MailSettingsInput } from '../../shared/mail/settings.ts';
import type { Store } from '../../electron/db/store.ts';
import { resolveRecipient } from '../../electron/services/mail/addressBook.ts';
import {
  getOutboxItem,
  outboxContent,
  queueBundle,
  retryOutboxItem,
  waitingCount,
} from '../../electron/services/mail/outbox.ts';
import { takeEmail } from '../../electron/services/mail/receive.ts';
import { sendOutbox } from '../../electron/services/mail/send.ts';
import { saveMailSettings } from '../../electron/services/mail/settings.ts';
import { testSmtp } from '../../electron/services/mail/smtp.ts';
import { tempDir } from './helpers.ts';
import { bulkSessions, twoLaptops } from './mail/laptops.ts';
import { freePort, makeCertificate, startSmtp, type TestCertificate, type TestSmtp } from './mail/servers.ts';

let cert: TestCertificate;
beforeAll(() => {
  cert = makeCertificate(tempDir());
});
const servers: TestSmtp[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});
async function server(options: Parameters<typeof startSmtp>[0]): Promise<TestSmtp> {
  const s = await startSmtp(options);
  servers.push(s);
  return s;
}

function settings(port: number, extra: Partial<MailSettingsInput> = {}): MailSettingsInput {
  return {
    smtp: { host: '127.0.0.1', port, security: 'starttls', user: 'coach' },
    from: 'amina@example.org',
    fromName: 'Amina',
    ca: cert.ca,
    ...extra,
  };
}

async function queuedFor(a: Store, b: Store) {
  return queueBundle(a, resolveRecipient(a, b.deviceId));
}

describe('sending bundles by SMTP', () => {
  it('sends over STARTTLS with the CA trusted explicitly; the attachment survives byte for byte', async () => {
    const { a, b } = await twoLaptops();
    const smtp = await server({ cert });
    await saveMailSettings(a, settings(smtp.port));
    const item = await queuedFor(a, b);
    expect(item.status).toBe('queued');
    expect(waitingCount(a).queued).toBe(1);
    const r = await sendOutbox(a, { smtpPassword: 'secret', now: true });
    expect(r.sent).toEqual([item.id]);
    expect(getOutboxItem(a, item.id).status).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['juma@example.org']);
    const mail = await simpleParser(smtp.received[0]!.raw);
    expect(mail.headers.get('x-pamoja')).toBe('bundle');
    expect(mail.subject).toMatch(/Pamoja bundle from Amina’s laptop for Juma/);
    expect(mail.text).toMatch(/This email carries a Pamoja sync bundle/);
    expect(mail.text).toMatch(/Barua pepe hii ina kifurushi/);
    expect(mail.attachments).toHaveLength(1);
    expect(Buffer.compare(mail.attachments[0]!.content, outboxContent(a, item.id))).toBe(0);
    expect(waitingCount(a).queued).toBe(0);
  });

  it('sends plain to a LAN server only when the coach chose no encryption', async () => {
    const { a, b } = await twoLaptops();
    const smtp = await server({});
    await expect(
      saveMailSettings(
        a,
        settings(smtp.port, {
          smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'coach' },
        }),
      ),
    ).rejects.toThrow(/explicitly/);
    await saveMailSettings(
      a,
      settings(smtp.port, {
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'coach' },
        allowUnencrypted: true,
      }),
    );
    const item = await queuedFor(a, b);
    expect((await sendOutbox(a, { smtpPassword: 'secret', now: true })).sent).toEqual([item.id]);
    const mail = await simpleParser(smtp.received[0]!.raw);
    expect(Buffer.compare(mail.attachments[0]!.content, outboxContent(a, item.id))).toBe(0);
  });

  it('refuses a certificate it cannot verify, for good, and says it is TLS', async () => {
    const { a, b } = await twoLaptops();
    const smtp = await server({ cert });
    await saveMailSettings(a, settings(smtp.port, { ca: '' }));
    const item = await queuedFor(a, b);
    const r = await sendOutbox(a, { smtpPassword: 'secret', now: true });
    expect(r.failed.map((f) => f.failure.kind)).toEqual(['tls']);
    expect(getOutboxItem(a, item.id)).toMatchObject({ status: 'failed', failure: 'tls' });
    expect(smtp.received).toHaveLength(0);
  });

  it('an authentication failure stops, is not retried by itself, and names the password', async () => {
    const { a, b } = await twoLaptops();
    const smtp = await server({ cert });
    await saveMailSettings(a, settings(smtp.port));
    const item = await queuedFor(a, b);
    const r = await sendOutbox(a, { smtpPassword: 'wrong', now: true });
    expect(r.failed).toEqual([
      { id: item.id, failure: expect.objectContaining({ kind: 'auth', temporary: false }) },
    ]);
    expect((await sendOutbox(a, { smtpPassword: 'secret', now: true })).sent).toEqual([]);
    expect(getOutboxItem(a, item.id).status).toBe('failed');
    expect(waitingCount(a).failed).toBe(1);
  });

  it('a server that is down leaves the item queued, and the next send delivers it', async () => {
    const { a, b } = await twoLaptops();
    const port = await freePort();
    await saveMailSettings(a, settings(port));
    const item = await queuedFor(a, b);
    const first = await sendOutbox(a, { smtpPassword: 'secret', now: true });
    expect(first.retrying.map((f) => f.failure.kind)).toEqual(['refused']);
    const waiting = getOutboxItem(a, item.id);
    expect(waiting).toMatchObject({ status: 'queued', failure: 'refused', attempts: 1 });
    expect(Date.parse(waiting.nextAttemptAt!)).toBeGreaterThan(Date.now());
    // Not due yet: an automatic send leaves it; "Send now" tries it.
    expect((await sendOutbox(a, { smtpPassword: 'secret' })).sent).toEqual([]);
    const smtp = await server({ cert, port });
    expect((await sendOutbox(a, { smtpPassword: 'secret', now: true })).sent).toEqual([item.id]);
    expect(getOutboxItem(a, item.id)).toMatchObject({ status: 'sent', failure: '', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  it('a 421 is retried; a 552 is not, and after a lower limit the bundle goes in parts that join again', async () => {
    const { a, b, seeded } = await twoLaptops();
    bulkSessions(a, seeded.clusters[0]!, 300);
    const smtp = await server({ cert });
    await saveMailSettings(a, settings(smtp.port));
    const item = await queuedFor(a, b);
    smtp.refuseWith(421, 'Try again later');
    const r421 = await sendOutbox(a, { smtpPassword: 'secret', now: true });
    expect(r421.retrying.map((f) => f.failure.kind)).toEqual(['temporary']);
    expect(getOutboxItem(a, item.id).status).toBe('queued');

    smtp.refuseWith(552, 'Message exceeds fixed maximum message size');
    const r552 = await sendOutbox(a, { smtpPassword: 'secret', now: true });
    expect(r552.failed.map((f) => f.failure.kind)).toEqual(['size']);
    expect(getOutboxItem(a, item.id)).toMatchObject({ status: 'failed', failure: 'size' });
    smtp.refuseWith(null);
    expect((await sendOutbox(a, { smtpPassword: 'secret', now: true })).sent).toEqual([]); // not retried

    // The coach lowers the limit below the bundle's size and presses Retry.
    const size = outboxContent(a, item.id).length;
    expect(size).toBeGreaterThan(200 * 1024);
    await saveMailSettings(a, settings(smtp.port, { attachmentLimit: 64 * 1024 }));
    retryOutboxItem(a, item.id);
    expect((await sendOutbox(a, { smtpPassword: 'secret', now: true })).sent).toEqual([item.id]);
    const sent = getOutboxItem(a, item.id);
    expect(sent.partsTotal).toBe(Math.ceil(size / (64 * 1024 - 4096)));
    expect(sent.partsSent).toBe(sent.partsTotal);
    expect(smtp.received).toHaveLength(sent.partsTotal);
    for (const m of smtp.received)
      expect((await simpleParser(m.raw)).attachments[0]!.size).toBeLessThanOrEqual(64 * 1024);
    // Juma's laptop takes the parts in reverse order: it waits, naming what is missing, then joins.
    const taken = [];
    for (const m of [...smtp.received].reverse()) taken.push(...(await takeEmail(b, m.raw, 'mail')));
    expect(taken[0]).toMatchObject({
      outcome: 'waiting',
      message: expect.stringMatching(/^Parts 1, 2, 3 .* of the bundle from Amina’s laptop/),
    });
    expect(taken.at(-1)!.outcome).toBe('imported');
    expect(taken.at(-1)!.import!.new).toBeGreaterThan(20);
  });

  it('"Test the connection" names refused, TLS, authentication and size', async () => {
    const { a } = await twoLaptops();
    const smtp = await server({ cert, size: 1024 * 1024 });
    const check = async (input: MailSettingsInput, password: string) =>
      testSmtp(await saveMailSettings(a, input), password);
    expect(await check(settings(smtp.port), 'secret')).toMatchObject({
      ok: false,
      failure: { kind: 'size' },
      maxMessageBytes: 1024 * 1024,
    });
    expect(await check(settings(smtp.port, { attachmentLimit: 512 * 1024 }), 'secret')).toMatchObject({
      ok: true,
    });
    expect((await check(settings(smtp.port, { attachmentLimit: 512 * 1024 }), 'nope')).failure?.kind).toBe(
      'auth',
    );
    expect((await check(settings(smtp.port, { ca: '' }), 'secret')).failure?.kind).toBe('tls');
    expect((await check(settings(await freePort()), 'secret')).failure?.kind).toBe('refused');
  });
});

describe('failure kinds', () => {
  it('tells temporary from permanent failures as nodemailer reports them', () => {
    const kind = (e: object) => classifyMailError(e);
    expect(kind({ code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.example.org' })).toMatchObject({
      kind: 'dns',
      temporary: true,
    });
    expect(kind({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toMatchObject({
      kind: 'refused',
      temporary: true,
    });
    expect(kind({ code: 'ETIMEDOUT', message: 'Connection timeout' })).toMatchObject({
      kind: 'timeout',
      temporary: true,
    });
    expect(kind({ code: 'EENVELOPE', responseCode: 450, message: 'Mailbox busy' })).toMatchObject({
      kind: 'temporary',
      temporary: true,
    });
    expect(kind({ code: 'EENVELOPE', responseCode: 550, message: 'No such user' })).toMatchObject({
      kind: 'rejected',
      temporary: false,
    });
    expect(kind({ code: 'EMESSAGE', responseCode: 552, message: 'Too big' })).toMatchObject({
      kind: 'size',
      temporary: false,
    });
    expect(kind({ code: 'EAUTH', responseCode: 535, message: 'Invalid login' })).toMatchObject({
      kind: 'auth',
      temporary: false,
    });
    expect(kind({ code: 'ESOCKET', message: 'self-signed certificate in certificate chain' })).toMatchObject({
      kind: 'tls',
      temporary: false,
    });
  });
});
