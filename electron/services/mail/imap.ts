import { isIP } from 'node:net';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { PamojaError } from '../../../shared/errors.ts';
import { classifyMailError, failureAdvice, type Failure } from '../../../shared/mail/failure.ts';
import type { MailSettings } from '../../../shared/mail/settings.ts';
import type { Store } from '../../db/store.ts';
import { PAMOJA_HEADER } from './message.ts';
import { MAX_EMAIL_BYTES, takeEmail, type Taken } from './receive.ts';
import { noJobControl, type JobControl } from './send.ts';
import { requireMailSettings } from './settings.ts';

/** Where fetched messages go once taken in. */
export const IMPORTED_FOLDER = ['Pamoja', 'Imported'];

export interface FetchedMessage {
  uid: number;
  messageId: string;
  from: string;
  subject: string;
  outcome: 'imported' | 'waiting' | 'known' | 'failed';
  /** Plain words: what went in, or why it stays in the inbox. */
  message: string;
  taken: Taken[];
  moved: boolean;
}

export interface FetchOutcome {
  folder: string;
  messages: FetchedMessage[];
}

function imapOptions(settings: MailSettings, password: string | undefined): ImapFlowOptions {
  const s = settings.imap!;
  return {
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    // Required when chosen: a server that stops offering it is refused, not used in clear.
    ...({
      doSTARTTLS: s.security === 'starttls' ? true : s.security === 'none' ? false : undefined,
    } as object),
    auth: { user: s.user, pass: password ?? '' },
    tls: {
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      ...(isIP(s.host) ? {} : { servername: s.host }),
      ...(settings.ca ? { ca: settings.ca } : {}),
    },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
    disableAutoIdle: true,
  };
}

/** An IMAP failure in the coach's words, with what went wrong underneath. */
export function imapError(e: unknown): { failure: Failure; error: PamojaError } {
  const f = classifyMailError(e);
  const advice =
    f.kind === 'auth'
      ? 'The mail server refused the user name or password for fetching mail: check them in Mail settings.'
      : failureAdvice[f.kind].replace(' Pamoja tries again later.', ' Try again later.');
  return { failure: f, error: new PamojaError('unavailable', `${advice} (${f.detail})`) };
}

async function connected(settings: MailSettings, password: string | undefined): Promise<ImapFlow> {
  const client = new ImapFlow(imapOptions(settings, password));
  client.on('error', () => undefined); // reported through the awaited calls
  try {
    await client.connect();
  } catch (e) {
    client.close();
    throw imapError(e).error;
  }
  return client;
}

/** "Test the connection" for fetching: log in and open the folder. */
export async function testImap(
  settings: MailSettings,
  password: string | undefined,
): Promise<{ ok: boolean; failure: Failure | null }> {
  if (!settings.imap)
    return {
      ok: false,
      failure: { kind: 'settings', temporary: false, detail: 'No server for fetching mail is set.' },
    };
  const client = new ImapFlow(imapOptions(settings, password));
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.mailboxOpen(settings.imap.folder, { readOnly: true });
    return { ok: true, failure: null };
  } catch (e) {
    return { ok: false, failure: classifyMailError(e) };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * Fetches Pamoja messages from the IMAP folder: each message's bundles and parts are taken
 * in; a message whose every attachment went in (or was already here, or is a part kept
 * until the rest arrives) moves to Pamoja/Imported. A message that fails stays where it is,
 * and its reason is kept (`mail_inbox`, the sync log) and reported.
 */
export async function fetchMail(
  store: Store,
  input: {
    imapPassword?: string | undefined;
    passphrase?: string | undefined;
    /** Called before the first bundle is imported (the job runner's snapshot). */
    beforeImport?: () => Promise<void>;
  },
  control: JobControl = noJobControl,
): Promise<FetchOutcome> {
  const settings = requireMailSettings(store);
  if (!settings.imap)
    throw new PamojaError(
      'unavailable',
      'No server for fetching mail is set: add the IMAP server in Mail settings (or `pamoja mail config --imap-host …`).',
    );
  if (!input.imapPassword)
    throw new PamojaError(
      'invalid',
      'No password for fetching mail: set PAMOJA_IMAP_PASSWORD or enter it when asked.',
    );
  const client = await connected(settings, input.imapPassword);
  const folder = settings.imap.folder;
  const outcome: FetchOutcome = { folder, messages: [] };
  try {
    let target = IMPORTED_FOLDER.join('/');
    try {
      const created = await client.mailboxCreate(IMPORTED_FOLDER);
      target = created.path;
    } catch {
      // Already there: find its name with the server's own separator.
      const list = await client.list();
      target =
        list.find((m) => m.path.toLowerCase() === IMPORTED_FOLDER.join(m.delimiter || '/').toLowerCase())
          ?.path ?? target;
    }
    const lock = await client.getMailboxLock(folder);
    try {
      const found = await client.search(
        { or: [{ header: { [PAMOJA_HEADER]: '' } }, { subject: 'Pamoja' }] },
        { uid: true },
      );
      const uids = Array.isArray(found) ? found : [];
      for (const [i, uid] of uids.entries()) {
        if (control.cancelled()) break;
        control.progress({ phase: 'fetching', done: i, total: uids.length });
        const taken = await takeMessage(store, client, uid, target, input);
        if (taken) outcome.messages.push(taken);
      }
      control.progress({ phase: 'fetching', done: uids.length, total: uids.length });
    } finally {
      lock.release();
    }
  } catch (e) {
    if (e instanceof PamojaError) throw e;
    throw imapError(e).error;
  } finally {
    await client.logout().catch(() => client.close());
  }
  return outcome;
}

async function takeMessage(
  store: Store,
  client: ImapFlow,
  uid: number,
  target: string,
  { passphrase, beforeImport }: { passphrase?: string | undefined; beforeImport?: () => Promise<void> },
): Promise<FetchedMessage | null> {
  const meta = await client.fetchOne(
    String(uid),
    { envelope: true, size: true, headers: [PAMOJA_HEADER] },
    { uid: true },
  );
  const envelope = meta ? meta.envelope : undefined;
  const messageId = envelope?.messageId ?? `uid-${uid}`;
  const from = envelope?.from?.[0]?.address ?? '';
  const subject = envelope?.subject ?? '';
  const isPamoja = meta ? Boolean(meta.headers?.toString().toLowerCase().includes('x-pamoja:')) : false;
  let taken: Taken[];
  if (meta && (meta.size ?? 0) > MAX_EMAIL_BYTES)
    taken = [
      {
        name: subject,
        outcome: 'failed',
        message: 'This message is larger than any message carrying a bundle may be.',
      },
    ];
  else {
    const full = await client.fetchOne(String(uid), { source: true }, { uid: true });
    try {
      taken =
        full && full.source
          ? await takeEmail(store, full.source, subject || messageId, {
              passphrase,
              source: 'imap',
              skipWithoutBundle: !isPamoja,
              ...(beforeImport ? { beforeImport } : {}),
            })
          : [];
    } catch (e) {
      if (!(e instanceof PamojaError)) throw e;
      taken = [{ name: subject || messageId, outcome: 'failed', message: e.message }];
    }
  }
  if (taken.length === 0) return null;
  const failed = taken.filter((t) => t.outcome === 'failed');
  const outcome: FetchedMessage['outcome'] = failed.length
    ? 'failed'
    : taken.some((t) => t.outcome === 'imported')
      ? 'imported'
      : taken.some((t) => t.outcome === 'waiting')
        ? 'waiting'
        : 'known';
  const message = (failed.length ? failed : taken).map((t) => `${t.name}: ${t.message}`).join(' ');
  let moved = false;
  if (!failed.length) moved = (await client.messageMove(String(uid), target, { uid: true })) !== false;
  store.statements
    .get(
      `INSERT INTO mail_inbox (message_id, from_email, subject, outcome, message, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(message_id) DO UPDATE SET outcome = excluded.outcome, message = excluded.message, at = excluded.at`,
    )
    .run(messageId, from, subject, outcome, message, new Date(store.clock.now()).toISOString());
  return { uid, messageId, from, subject, outcome, message, taken, moved };
}
