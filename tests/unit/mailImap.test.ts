import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSettingsInput } from '../../shared/mail/settings.ts';
import { listBackupFiles } from '../../electron/db/backupFiles.ts';
import { openStore, type Store } from '../../electron/db/store.ts';
import { createContext, type ServiceContext } from '../../electron/services/context.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { handlers } from '../../electron/services/index.ts';
import { resolveRecipient } from '../../electron/services/mail/addressBook.ts';
import { fetchMail, testImap } from '../../electron/services/mail/imap.ts';
import { getOutboxItem, listOutbox, queueBundle } from '../../electron/services/mail/outbox.ts';
import { sendOutbox } from '../../electron/services/mail/send.ts';
import { saveMailSettings } from '../../electron/services/mail/settings.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { getPeer } from '../../electron/services/sync/knowledgeStore.ts';
import { tempDir } from './helpers.ts';
import { twoLaptops } from './mail/laptops.ts';
import {
  dovecotAvailable,
  makeCertificate,
  startDovecot,
  startSmtp,
  type TestCertificate,
  type TestImap,
  type TestSmtp,
} from './mail/servers.ts';

/**
 * Against Debian's dovecot on 127.0.0.1 (installed by .ci/run). The suite is skipped, with
 * this reason, only where dovecot is not installed: `apt-get install dovecot-imapd`.
 */
const skip = !dovecotAvailable() && !process.env.CI;
if (skip)
  console.warn(
    'mailImap.test.ts skipped: dovecot is not installed here (apt-get install dovecot-imapd); CI installs it.',
  );

let cert: TestCertificate;
let imap: TestImap;
let smtp: TestSmtp;
let serverDir = '';
beforeAll(async () => {
  if (skip) return;
  // Kept for the whole file (tempDir() is cleared after each test).
  serverDir = mkdtempSync(join(tmpdir(), 'pamoja-dovecot-'));
  chmodSync(serverDir, 0o755); // dovecot's helpers run as other users
  cert = makeCertificate(serverDir);
  imap = await startDovecot(join(serverDir, 'imap'), cert, { amina: 'amina-secret', juma: 'juma-secret' });
  smtp = await startSmtp({ cert });
});
afterAll(async () => {
  await imap?.close();
  await smtp?.close();
  if (serverDir) rmSync(serverDir, { recursive: true, force: true });
});

function settingsFor(user: 'amina' | 'juma'): MailSettingsInput {
  return {
    smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls', user: 'coach' },
    from: `${user}@example.org`,
    imap: { host: '127.0.0.1', port: imap.port, security: 'starttls', user, folder: 'INBOX' },
    ca: cert.ca,
  };
}
const password = (user: string) => `${user}-secret`;

/** Delivers what the SMTP server received into each recipient's IMAP inbox (the mail system's job). */
async function deliver(): Promise<void> {
  for (const m of smtp.received.splice(0)) {
    for (const to of m.to) {
      const user = to.split('@')[0]!;
      const client = new ImapFlow({
        host: '127.0.0.1',
        port: imap.port,
        secure: false,
        auth: { user, pass: password(user) },
        tls: { ca: cert.ca },
        logger: false,
      });
      await client.connect();
      await client.append('INBOX', m.raw);
      await client.logout();
    }
  }
}

async function folder(user: string, path: string): Promise<string[]> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: imap.port,
    secure: false,
    auth: { user, pass: password(user) },
    tls: { ca: cert.ca },
    logger: false,
  });
  await client.connect();
  try {
    const lock = await client.getMailboxLock(path);
    try {
      const subjects: string[] = [];
      for await (const m of client.fetch('1:*', { envelope: true })) subjects.push(m.envelope?.subject ?? '');
      return subjects;
    } finally {
      lock.release();
    }
  } catch {
    return [];
  } finally {
    await client.logout();
  }
}

async function append(user: string, raw: string | Buffer): Promise<void> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: imap.port,
    secure: false,
    auth: { user, pass: password(user) },
    tls: { ca: cert.ca },
    logger: false,
  });
  await client.connect();
  await client.append('INBOX', raw);
  await client.logout();
}

async function emptyInbox(user: string): Promise<void> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: imap.port,
    secure: false,
    auth: { user, pass: password(user) },
    tls: { ca: cert.ca },
    logger: false,
  });
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  await client.messageDelete('1:*').catch(() => undefined);
  lock.release();
  await client.logout();
}

async function laptops(): Promise<{
  a: Store;
  b: Store;
  seeded: Awaited<ReturnType<typeof twoLaptops>>['seeded'];
}> {
  await emptyInbox('amina');
  await emptyInbox('juma');
  const l = await twoLaptops();
  await saveMailSettings(l.a, settingsFor('amina'));
  await saveMailSettings(l.b, settingsFor('juma'));
  return l;
}

describe.skipIf(skip)('fetching from IMAP (dovecot)', () => {
  it('two laptops converge by email alone: queue, send, fetch, import, receipt', async () => {
    const { a, b, seeded } = await laptops();
    // Both laptops work apart.
    a.write((w) => w.update('sessions', seeded.session, { notes: 'Amina: the reading circle worked' }));
    b.write((w) => w.update('schools', seeded.schools[1]!, { learners: 512 }));
    b.write((w) => w.update('sessions', seeded.session, { findings: 'Juma: attendance up' }));

    const fromA = await queueBundle(a, resolveRecipient(a, b.deviceId));
    await sendOutbox(a, { smtpPassword: 'secret', now: true });
    const fromB = await queueBundle(b, resolveRecipient(b, a.deviceId));
    await sendOutbox(b, { smtpPassword: 'secret', now: true });
    await deliver();

    const fetchedByB = await fetchMail(b, { imapPassword: password('juma') });
    expect(fetchedByB.messages).toHaveLength(1);
    expect(fetchedByB.messages[0]).toMatchObject({ outcome: 'imported', moved: true });
    expect(await folder('juma', 'Pamoja/Imported')).toHaveLength(1);
    expect(await folder('juma', 'INBOX')).toHaveLength(0);
    const fetchedByA = await fetchMail(a, { imapPassword: password('amina') });
    expect(fetchedByA.messages[0]).toMatchObject({ outcome: 'imported', moved: true });
    expect(storeDigest(a).digest).toBe(storeDigest(b).digest);

    // Each import queued a receipt; sending and fetching them settles both outboxes.
    const receiptsB = listOutbox(b).filter((i) => i.kind === 'receipt' && i.status === 'queued');
    expect(receiptsB).toHaveLength(1);
    await sendOutbox(a, { smtpPassword: 'secret', now: true });
    await sendOutbox(b, { smtpPassword: 'secret', now: true });
    await deliver();
    const before = getPeer(a, b.deviceId)!.knowledge;
    await fetchMail(a, { imapPassword: password('amina') });
    await fetchMail(b, { imapPassword: password('juma') });
    expect(getPeer(a, b.deviceId)!.knowledge[a.deviceId]).not.toEqual(before[a.deviceId]);
    expect(getOutboxItem(a, fromA.id).status).toBe('delivered');
    expect(getOutboxItem(b, fromB.id).status).toBe('delivered');
    // Receipts get no receipts back, and the next bundle carries nothing the other holds.
    expect(listOutbox(a).filter((i) => i.status === 'queued')).toHaveLength(0);
    const next = await queueBundle(a, resolveRecipient(a, b.deviceId));
    expect(next.changes).toBe(0);
    expect(storeDigest(a).digest).toBe(storeDigest(b).digest);
  });

  it('through the contract, Send now and Fetch run as jobs in the worker; the fetch snapshots only before it imports', async () => {
    const { a, b } = await laptops();
    // The phases the runner reports are the worker's: the work ran there.
    const phases: string[] = [];
    const ctxA = createContext(a, tempDir(), 'http', (p) => phases.push(p.label));
    const ctxB = createContext(b, tempDir(), 'http', (p) => phases.push(p.label));
    const call = async (ctx: ServiceContext, op: string, input: unknown) => {
      const r = await dispatch(handlers, ctx, op, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as Record<string, unknown>;
    };
    await call(ctxA, 'mail.queue', { to: b.deviceId });
    // The browser typed the password once: the transport's side keeps it and hands it to the worker.
    const sent = await call(ctxA, 'mail.send', { smtpPassword: 'secret' });
    expect(sent.sent).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    await deliver();

    // Nothing to take yet on A: no snapshot.
    await call(ctxA, 'mail.fetch', { imapPassword: password('amina') });
    expect(listBackupFiles(a.file)).toEqual([]);
    const before = storeDigest(b).digest;
    const fetched = await call(ctxB, 'mail.fetch', { imapPassword: password('juma') });
    expect(fetched.messages).toMatchObject([{ outcome: 'imported', moved: true }]);
    expect(storeDigest(b).digest).toBe(storeDigest(a).digest);
    const backups = listBackupFiles(b.file);
    expect(backups.map((x) => x.kind)).toEqual(['before-import']);
    const snapshot = openStore(backups[0]!.path, { readonly: true });
    expect(storeDigest(snapshot).digest).toBe(before);
    snapshot.close();
    expect(phases).toEqual(expect.arrayContaining(['sending', 'fetching', 'backup']));

    // While a job holds B, fetching is refused with a message naming it.
    const busy = await ctxB.jobs.start('sync.export', { kind: 'full', path: join(tempDir(), 'b.pamoja') });
    await expect(call(ctxB, 'mail.fetch', { imapPassword: password('juma') })).rejects.toThrow(
      /already writing a bundle on this store/,
    );
    await ctxB.jobs.wait(busy.jobId);
  });

  it('leaves a damaged message in the inbox with its reason, and moves the good one', async () => {
    const { a, b } = await laptops();
    await queueBundle(a, resolveRecipient(a, b.deviceId));
    await sendOutbox(a, { smtpPassword: 'secret', now: true });
    const good = smtp.received[0]!.raw.toString('latin1');
    await deliver();
    // The same message with its attachment cut short and mangled.
    const damaged = good
      .replace(/Subject: [^\r\n]*(\r\n[ \t][^\r\n]*)*/, 'Subject: Pamoja bundle (damaged on the way)')
      .replace(/Message-ID: [^\r\n]*/i, 'Message-ID: <damaged@example.org>')
      .replace(
        /(\r\n\r\n(?:[A-Za-z0-9+/]{76}\r\n){4})((?:[A-Za-z0-9+/]{76}\r\n){3})/,
        (_m, head: string, lines: string) => head + lines.replace(/[A-M]/g, 'Z'),
      );
    await append('juma', damaged);
    await append(
      'juma',
      'From: friend@example.org\r\nSubject: About Pamoja training\r\n\r\nSee you Monday.\r\n',
    );
    const r = await fetchMail(b, { imapPassword: password('juma') });
    const byOutcome = Object.fromEntries(r.messages.map((m) => [m.outcome, m]));
    expect(r.messages).toHaveLength(2); // the friend's note is not Pamoja's and is left alone
    expect(byOutcome.imported!.moved).toBe(true);
    expect(byOutcome.failed!.moved).toBe(false);
    expect(byOutcome.failed!.message).toMatch(/damaged/i);
    expect(await folder('juma', 'INBOX')).toEqual(
      expect.arrayContaining(['Pamoja bundle (damaged on the way)', 'About Pamoja training']),
    );
    expect(
      b.db
        .prepare("SELECT outcome, message FROM mail_inbox WHERE message_id = '<damaged@example.org>'")
        .get(),
    ).toMatchObject({ outcome: 'failed' });
    // Fetching again leaves it there still, with its reason.
    const again = await fetchMail(b, { imapPassword: password('juma') });
    expect(again.messages.map((m) => m.outcome)).toEqual(['failed']);
  });

  it('names a wrong IMAP password and tests the connection', async () => {
    const { b } = await laptops();
    await expect(fetchMail(b, { imapPassword: 'wrong' })).rejects.toThrow(/user name or password/);
    const s = await saveMailSettings(b, settingsFor('juma'));
    expect(await testImap(s, password('juma'))).toEqual({ ok: true, failure: null });
    expect((await testImap(s, 'wrong')).failure?.kind).toBe('auth');
    expect((await testImap({ ...s, ca: '' }, password('juma'))).failure?.kind).toBe('tls');
  });
});
