import { z } from 'zod';
import { failureKinds } from '../mail/failure.ts';
import { AddressKind, MailSecurity } from '../mail/settings.ts';
import { op } from './define.ts';
import { ImportSummary } from './sync.ts';

const password = z.string().min(1).max(1000).optional();
const path = z.string().trim().min(1).max(4096);

/** Settings as the page edits them (validated again, with their cross-field rules, by the service). */
const ServerInput = z.object({
  host: z.string().max(253),
  port: z.number().int(),
  security: MailSecurity,
  user: z.string().max(254),
});
export const MailSettingsForm = z.object({
  smtp: ServerInput,
  from: z.string().max(254),
  fromName: z.string().max(200),
  imap: ServerInput.extend({ folder: z.string().max(200) }).nullable(),
  allowUnencrypted: z.boolean(),
  ca: z.string().max(100_000),
  attachmentLimit: z.number().int(),
});
export type MailSettingsForm = z.infer<typeof MailSettingsForm>;

const Failure = z.object({ kind: z.enum(failureKinds), temporary: z.boolean(), detail: z.string() });

export const OutboxItemView = z.object({
  id: z.number(),
  kind: z.enum(['bundle', 'report', 'receipt']),
  toEmail: z.string(),
  toName: z.string(),
  toDevice: z.string().nullable(),
  fileName: z.string(),
  bytes: z.number(),
  changes: z.number(),
  summary: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'delivered']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  partsTotal: z.number(),
  partsSent: z.number(),
  failure: z.union([z.enum(failureKinds), z.literal('')]),
  lastError: z.string(),
  queuedAt: z.string(),
  sentAt: z.string().nullable(),
  settledAt: z.string().nullable(),
});
export type OutboxItemView = z.infer<typeof OutboxItemView>;

const AddressView = z.object({
  id: z.number(),
  kind: AddressKind,
  name: z.string(),
  email: z.string(),
  deviceId: z.string().nullable(),
  addedAt: z.string(),
});

const TakenView = z.object({
  name: z.string(),
  outcome: z.enum(['imported', 'waiting', 'known', 'failed']),
  message: z.string(),
  import: ImportSummary.optional(),
  receipt: z.number().optional(),
  /** For a part: the hash of the bundle it belongs to (its other parts say the same). */
  bundle: z.string().optional(),
});

const SettingsState = z.object({
  settings: MailSettingsForm.nullable(),
  /** A password is ready for sending / fetching (kept sealed in the app, or in memory in the browser). */
  smtpPasswordReady: z.boolean(),
  imapPasswordReady: z.boolean(),
  /** The app can keep passwords (sealed by the system); the browser keeps them in memory until it stops. */
  keepsPasswords: z.boolean(),
});

export const mailOps = {
  'mail.settings': op(z.object({}), SettingsState),
  /** Saves the settings; passwords given are sealed (app) or held in memory (browser). */
  'mail.saveSettings': op(
    z.object({ settings: MailSettingsForm, smtpPassword: password, imapPassword: password }),
    SettingsState,
  ),
  /** "Test the connection": names name lookup, refused, TLS, authentication or size. Sends nothing. */
  'mail.test': op(
    z.object({ smtpPassword: password, imapPassword: password }),
    z.object({
      smtp: z.object({ ok: z.boolean(), failure: Failure.nullable(), maxMessageBytes: z.number() }),
      imap: z.object({ ok: z.boolean(), failure: Failure.nullable() }).nullable(),
    }),
  ),
  'mail.addresses': op(z.object({}), z.array(AddressView)),
  /** Adds an address (or updates the one of that kind and email); with `id`, edits that entry. */
  'mail.saveAddress': op(
    z.object({
      id: z.number().int().optional(),
      kind: AddressKind,
      name: z.string().max(200),
      email: z.string().max(254),
      deviceId: z.string().max(100).nullable().optional(),
    }),
    AddressView,
  ),
  'mail.removeAddress': op(z.object({ id: z.number().int() }), z.object({})),
  /** The outbox, what waits (the badge), and split bundles waiting for parts. */
  'mail.outbox': op(
    z.object({}),
    z.object({
      items: z.array(OutboxItemView),
      waiting: z.object({ queued: z.number(), failed: z.number() }),
      partsWaiting: z.array(
        z.object({ bundle: z.string(), message: z.string(), have: z.number(), parts: z.number() }),
      ),
    }),
  ),
  /** Queues a bundle for a laptop (device id) or an address. Needs no connection. */
  'mail.queue': op(z.object({ to: z.string().trim().min(1).max(254) }), OutboxItemView),
  /** "Send now": every waiting item (or the ones named). */
  'mail.send': op(
    z.object({
      smtpPassword: password,
      ids: z.array(z.number().int()).max(1000).optional(),
      /** Only the items whose next try is due (background sending); otherwise every waiting one. */
      onlyDue: z.boolean().optional(),
    }),
    z.object({
      sent: z.array(z.number()),
      retrying: z.array(z.object({ id: z.number(), failure: Failure, nextAttemptAt: z.string() })),
      failed: z.array(z.object({ id: z.number(), failure: Failure })),
      settled: z.array(z.number()),
    }),
  ),
  'mail.retry': op(z.object({ id: z.number().int() }), OutboxItemView),
  /** Removes an item from the outbox; `mail.restore` brings it back (Undo). */
  'mail.remove': op(z.object({ id: z.number().int() }), OutboxItemView),
  'mail.restore': op(z.object({ id: z.number().int() }), OutboxItemView),
  /** Fetches Pamoja messages from the IMAP folder, takes them in, moves them to Pamoja/Imported. */
  'mail.fetch': op(
    z.object({ imapPassword: password, passphrase: password }),
    z.object({
      folder: z.string(),
      messages: z.array(
        z.object({
          uid: z.number(),
          messageId: z.string(),
          from: z.string(),
          subject: z.string(),
          outcome: z.enum(['imported', 'waiting', 'known', 'failed']),
          message: z.string(),
          moved: z.boolean(),
        }),
      ),
    }),
  ),
  /** "Save as email draft": an .eml (X-Unsent: 1) and the bundle beside it ("Show the file"). */
  'mail.draft': op(
    z.object({ to: z.string().trim().min(1).max(254), path: path.optional() }),
    z.object({
      file: z.string(),
      files: z.array(z.string()),
      bundle: z.string(),
      /** For "Show the file" (shell.showInFolder). */
      bundleRef: z.string(),
      parts: z.number(),
      bytes: z.number(),
    }),
  ),
  /** Takes in an opened or dropped .eml, bundle or part. */
  'mail.take': op(z.object({ path, passphrase: password }), z.array(TakenView)),
};
