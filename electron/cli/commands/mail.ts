import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';
import { failureAdvice } from '../../../shared/mail/failure.ts';
import { MailSecurity, type MailSettingsInput } from '../../../shared/mail/settings.ts';
import { languages, type Lang } from '../../../shared/i18n.ts';
import { Term } from '../../../shared/schema/enums.ts';
import { termOf } from '../../../shared/sessions/completion.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';
import { resolveRecipient, saveAddress } from '../../services/mail/addressBook.ts';
import { listOutbox, queueBundle, queueReport, type OutboxItem } from '../../services/mail/outbox.ts';
import { waitingBundles } from '../../services/mail/receive.ts';
import { readMailSettings, saveMailSettings } from '../../services/mail/settings.ts';
import { testSmtp } from '../../services/mail/smtp.ts';
import { buildReportFile } from '../../services/reports/build.ts';
import { joinedRegion } from '../../services/sync/identity.ts';
import {
  EXIT_BAD_INPUT,
  EXIT_OK,
  intFlag,
  parseFlags,
  readPassphrase,
  required,
  UsageError,
  type CliIo,
  type Command,
} from '../command.ts';
import { runCliJob } from '../jobs.ts';
import { openExistingStore, unlockStore } from '../openExisting.ts';

const USAGE = [
  'pamoja mail config --db FILE --smtp-host H --smtp-port N [--tls starttls|tls|none] [--user U] --from ADDR',
  '                   [--from-name NAME] [--imap-host H --imap-port N [--imap-tls tls|starttls|none] [--imap-user U] [--imap-folder F]]',
  '                   [--attachment-limit MB] [--ca FILE.pem] [--test]',
  'pamoja mail queue  --db FILE --to ADDR|DEVICE [--report TERM [--format html|csv] [--lang en|sw]] [--name NAME]',
  'pamoja mail send   --db FILE [--json]',
  'pamoja mail status --db FILE [--json]',
  'pamoja mail fetch  --db FILE [--json]',
  'pamoja mail draft  --db FILE --to ADDR|DEVICE --out FILE.eml',
  'pamoja mail address --db FILE --email ADDR [--device ID] [--name NAME] [--kind laptop|coach|official]',
  '  Passwords come from PAMOJA_SMTP_PASSWORD / PAMOJA_IMAP_PASSWORD or a prompt, never the command line.',
  '  --tls none (no encryption) is for a server on your own office network only.',
].join('\n');

async function readSecret(io: CliIo, variable: string, question: string): Promise<string> {
  const fromEnv = io.env[variable];
  if (fromEnv) return fromEnv;
  if (io.promptSecret) return io.promptSecret(question);
  throw new PamojaError('invalid', `No password: set ${variable} or run in a terminal to be asked.`);
}

const smtpPassword = async (io: CliIo, store: Store): Promise<string | undefined> => {
  const s = readMailSettings(store);
  if (!s?.smtp.user) return undefined;
  return readSecret(io, 'PAMOJA_SMTP_PASSWORD', `Password for ${s.smtp.user} at ${s.smtp.host}: `);
};

function security(value: string | undefined, flag: string, fallback: 'starttls' | 'tls'): MailSecurity {
  if (value === undefined) return fallback;
  const parsed = MailSecurity.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${flag} must be starttls, tls or none, got "${value}"`);
  return parsed.data;
}

function describeItem(i: OutboxItem): string {
  const to = i.toName ? `${i.toName} <${i.toEmail}>` : i.toEmail;
  const parts = i.partsTotal > 1 ? `, ${i.partsSent}/${i.partsTotal} parts sent` : '';
  const what =
    i.kind === 'bundle'
      ? `bundle (${i.changes} changes)`
      : i.kind === 'receipt'
        ? 'receipt'
        : `report “${i.summary}”`;
  let state: string = i.status;
  if (i.status === 'queued' && i.failure)
    state = `queued, next try after ${i.nextAttemptAt?.slice(0, 16).replace('T', ' ')}: ${failureAdvice[i.failure]} (${i.lastError})`;
  else if (i.status === 'failed')
    state = `FAILED: ${i.failure ? failureAdvice[i.failure] : ''} (${i.lastError})`;
  else if (i.status === 'delivered')
    state = i.sentAt ? 'delivered (a receipt came back)' : 'not needed (the other laptop got it another way)';
  return `#${i.id} ${what} to ${to}, ${Math.ceil(i.bytes / 1024)} kB${parts}: ${state}\n`;
}

const subcommands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  async config(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      'smtp-host': { type: 'string' },
      'smtp-port': { type: 'string' },
      tls: { type: 'string' },
      user: { type: 'string' },
      from: { type: 'string' },
      'from-name': { type: 'string' },
      'imap-host': { type: 'string' },
      'imap-port': { type: 'string' },
      'imap-tls': { type: 'string' },
      'imap-user': { type: 'string' },
      'imap-folder': { type: 'string' },
      'attachment-limit': { type: 'string' },
      ca: { type: 'string' },
      test: { type: 'boolean' },
    });
    const smtpTls = security(values.tls, 'tls', 'starttls');
    if ((values['imap-host'] === undefined) !== (values['imap-port'] === undefined))
      throw new UsageError('give --imap-host and --imap-port together');
    const imapTls = values['imap-host'] ? security(values['imap-tls'], 'imap-tls', 'tls') : undefined;
    const limitMb = values['attachment-limit'] === undefined ? undefined : Number(values['attachment-limit']);
    if (limitMb !== undefined && !(limitMb > 0))
      throw new UsageError('--attachment-limit is a number of megabytes, e.g. 10');
    const store = openExistingStore(required(values.db, 'db'));
    try {
      const settings: MailSettingsInput = {
        smtp: {
          host: required(values['smtp-host'], 'smtp-host'),
          port: intFlag(required(values['smtp-port'], 'smtp-port'), 'smtp-port', 587),
          security: smtpTls,
          user: values.user ?? '',
        },
        from: required(values.from, 'from'),
        fromName: values['from-name'] ?? '',
        imap: values['imap-host']
          ? {
              host: values['imap-host'],
              port: intFlag(values['imap-port'], 'imap-port', 993),
              security: imapTls!,
              user: values['imap-user'] ?? values.user ?? '',
              folder: values['imap-folder'] ?? 'INBOX',
            }
          : null,
        // Typing --tls none is the explicit choice for a server without encryption.
        allowUnencrypted: smtpTls === 'none' || imapTls === 'none',
        ca: values.ca ? await readCa(values.ca) : '',
        ...(limitMb === undefined ? {} : { attachmentLimit: Math.round(limitMb * 1024 * 1024) }),
      };
      const saved = await saveMailSettings(store, settings);
      io.stdout(
        `Mail settings saved: sending through ${saved.smtp.host}:${saved.smtp.port} (${saved.smtp.security}) as ${saved.from}` +
          (saved.imap
            ? `, fetching from ${saved.imap.host}:${saved.imap.port} (${saved.imap.security}) folder ${saved.imap.folder}`
            : '') +
          `; attachments up to ${(saved.attachmentLimit / 1024 / 1024).toFixed(1)} MB.\n`,
      );
      if (saved.smtp.security === 'none')
        io.stderr(
          'Warning: without TLS the password and the bundles cross the network readable by anyone on it.\n',
        );
      if (values.test) {
        const r = await testSmtp(saved, await smtpPassword(io, store));
        if (!r.ok) {
          io.stderr(`Connection test failed: ${failureAdvice[r.failure!.kind]} (${r.failure!.detail})\n`);
          return EXIT_BAD_INPUT;
        }
        io.stdout('Connection test: the mail server answered and accepted the login.\n');
      }
      return EXIT_OK;
    } finally {
      store.close();
    }
  },

  async queue(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      to: { type: 'string' },
      name: { type: 'string' },
      report: { type: 'string' },
      format: { type: 'string', default: 'html' },
      lang: { type: 'string', default: 'en' },
      json: { type: 'boolean' },
    });
    const to = required(values.to, 'to');
    if (values.report !== undefined && !Term.safeParse(values.report).success)
      throw new UsageError(`--report names a term like 2026-T2, got "${values.report}"`);
    if (values.format !== 'csv' && values.format !== 'html')
      throw new UsageError('--format must be csv or html');
    if (!(languages as readonly string[]).includes(values.lang))
      throw new UsageError('--lang must be en or sw');
    const store = openExistingStore(required(values.db, 'db'));
    try {
      await unlockStore(store, io); // bundles are sealed and signed with the store's secrets
      const recipient = resolveRecipient(store, to);
      if (values.name) recipient.name = values.name;
      let item: OutboxItem;
      if (values.report !== undefined) {
        const term = values.report || termOf(todayIso());
        // The one report builder (the Reports screen and `pamoja report` use it too).
        const file = await buildReportFile(
          store,
          {
            scope: { kind: 'region' },
            period: { kind: 'term', term },
            format: values.format as 'html' | 'csv',
            lang: values.lang as Lang,
          },
          { today: todayIso() },
        );
        item = queueReport(store, recipient, {
          fileName: file.fileName,
          content: file.bytes,
          title: `${term} report`,
        });
      } else {
        if (!joinedRegion(store))
          throw new PamojaError(
            'unavailable',
            'This laptop has not joined a region yet: there is nothing to send.',
          );
        item = await queueBundle(store, recipient); // with the --name given, so here
      }
      if (values.json) io.stdout(`${JSON.stringify(item, null, 2)}\n`);
      else io.stdout(`Queued ${describeItem(item)}Run \`pamoja mail send\` when there is a connection.\n`);
      return EXIT_OK;
    } finally {
      store.close();
    }
  },

  async send(args, io) {
    const { values } = parseFlags(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const store = openExistingStore(required(values.db, 'db'));
    try {
      const waiting = listOutbox(store).filter((i) => i.status === 'queued' || i.status === 'sending');
      const pw = waiting.length ? await smtpPassword(io, store) : undefined;
      const r = await runCliJob(store.file, 'mail.send', pw ? { smtpPassword: pw } : {}, io);
      if (values.json) io.stdout(`${JSON.stringify(r, null, 2)}\n`);
      else {
        io.stdout(
          `Sent ${r.sent.length}, waiting to retry ${r.retrying.length}, failed ${r.failed.length}.\n`,
        );
        for (const s of r.settled)
          io.stdout(`#${s}: not needed any more (the other laptop holds what it carries)\n`);
        for (const f of r.retrying)
          io.stderr(`#${f.id}: ${failureAdvice[f.failure.kind]} (${f.failure.detail})\n`);
        for (const f of r.failed)
          io.stderr(`#${f.id}: ${failureAdvice[f.failure.kind]} (${f.failure.detail})\n`);
      }
      return r.retrying.length || r.failed.length ? EXIT_BAD_INPUT : EXIT_OK;
    } finally {
      store.close();
    }
  },

  async status(args, io) {
    const { values } = parseFlags(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const store = openExistingStore(required(values.db, 'db'));
    try {
      const items = listOutbox(store);
      const waiting = waitingBundles(store);
      const settings = readMailSettings(store);
      if (values.json)
        io.stdout(
          `${JSON.stringify({ configured: settings !== null, outbox: items, waitingForParts: waiting }, null, 2)}\n`,
        );
      else {
        if (!settings) io.stdout('Mail is not set up (run `pamoja mail config`).\n');
        if (items.length === 0) io.stdout('The outbox is empty.\n');
        for (const i of items) io.stdout(describeItem(i));
        for (const w of waiting) io.stdout(`${w.message}\n`);
      }
      return EXIT_OK;
    } finally {
      store.close();
    }
  },

  async fetch(args, io) {
    const { values } = parseFlags(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const store = openExistingStore(required(values.db, 'db'));
    try {
      await unlockStore(store, io); // bundles are sealed and signed with the store's secrets
      const s = readMailSettings(store);
      const password = s?.imap
        ? await readSecret(io, 'PAMOJA_IMAP_PASSWORD', `Password for ${s.imap.user} at ${s.imap.host}: `)
        : undefined;
      const passphrase = joinedRegion(store) ? undefined : await readPassphrase(io);
      const r = await runCliJob(
        store.file,
        'mail.fetch',
        { ...(password ? { imapPassword: password } : {}), ...(passphrase ? { passphrase } : {}) },
        io,
      );
      if (values.json) io.stdout(`${JSON.stringify(r, null, 2)}\n`);
      else {
        if (r.messages.length === 0) io.stdout(`No Pamoja messages in ${r.folder}.\n`);
        for (const m of r.messages) {
          const line = `${m.subject || m.messageId} (from ${m.from}): ${m.outcome}${m.moved ? ', moved to Pamoja/Imported' : ''} — ${m.message}\n`;
          if (m.outcome === 'failed') io.stderr(line);
          else io.stdout(line);
        }
      }
      return r.messages.some((m) => m.outcome === 'failed') ? EXIT_BAD_INPUT : EXIT_OK;
    } finally {
      store.close();
    }
  },

  async draft(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
    });
    const to = required(values.to, 'to');
    const out = required(values.out, 'out');
    const store = openExistingStore(required(values.db, 'db'));
    try {
      await unlockStore(store, io); // bundles are sealed and signed with the store's secrets
      resolveRecipient(store, to); // an unknown recipient is said before the job starts
      const r = await runCliJob(store.file, 'mail.draft', { to, path: resolve(out) }, io);
      io.stdout(
        `Wrote the draft ${r.file} (${r.parts} message${r.parts > 1 ? 's' : ''}, ${Math.ceil(r.bytes / 1024)} kB): open it in Outlook or Thunderbird and press Send.\n`,
      );
      return EXIT_OK;
    } finally {
      store.close();
    }
  },

  async address(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      email: { type: 'string' },
      device: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
    });
    const kind = values.kind ?? (values.device ? 'laptop' : 'official');
    if (kind !== 'laptop' && kind !== 'coach' && kind !== 'official')
      throw new UsageError('--kind must be laptop, coach or official');
    const store = openExistingStore(required(values.db, 'db'));
    try {
      const a = saveAddress(store, {
        kind,
        name: values.name ?? '',
        email: required(values.email, 'email'),
        deviceId: values.device ?? null,
      });
      io.stdout(
        `Address book: ${a.kind} ${a.name ? `${a.name} ` : ''}<${a.email}>${a.deviceId ? ` for laptop ${a.deviceId}` : ''}.\n`,
      );
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};

async function readCa(file: string): Promise<string> {
  try {
    const text = await readFile(file, 'utf8');
    if (!text.includes('BEGIN CERTIFICATE')) throw new Error('no certificate in it');
    return text;
  } catch (e) {
    throw new PamojaError(
      'invalid',
      `--ca: cannot read a certificate from ${basename(file)}: ${(e as Error).message}`,
    );
  }
}

export const mailCommand: Command = {
  name: 'mail',
  summary: 'Email as a sync transport: settings, the outbox, sending, fetching, drafts',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    const run = sub ? subcommands[sub] : undefined;
    if (!run)
      throw new UsageError(
        sub
          ? `unknown mail command "${sub}"`
          : 'say which: config, queue, send, status, fetch, draft or address',
      );
    return run(rest, io);
  },
};
