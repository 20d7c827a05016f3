import { z } from 'zod';

/** How the connection to a mail server is protected. */
export const MailSecurity = z.enum(['starttls', 'tls', 'none']);
export type MailSecurity = z.infer<typeof MailSecurity>;

/** The default attachment limit: 10 MB of attachment before encoding (base64 adds a third). */
export const DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024;
/** Parts smaller than this would flood the recipient's inbox. */
export const MIN_ATTACHMENT_LIMIT = 64 * 1024;
export const MAX_ATTACHMENT_LIMIT = 100 * 1024 * 1024;

const host = z
  .string()
  .trim()
  .min(1, 'Give the mail server’s name, e.g. smtp.example.org')
  .max(253)
  .regex(
    /^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/,
    'A server name has only letters, digits, dots and dashes',
  );
const port = z
  .number()
  .int()
  .min(1, 'A port is a number from 1 to 65535')
  .max(65535, 'A port is a number from 1 to 65535');
export const EmailAddress = z.email('This is not an email address').max(254);

const server = z.object({
  host,
  port,
  security: MailSecurity,
  user: z.string().trim().max(254).default(''),
});

/**
 * Mail settings. `security: 'none'` sends passwords and bundles unprotected, so it needs
 * `allowUnencrypted` set by the coach as an explicit choice (a LAN server at a district
 * office); certificates are always verified otherwise. `ca` is an extra certificate
 * authority (PEM) to trust, for a server with a private certificate.
 */
export const MailSettings = z
  .object({
    smtp: server,
    from: EmailAddress,
    fromName: z.string().trim().max(200).default(''),
    imap: server
      .extend({ folder: z.string().trim().min(1).max(200).default('INBOX') })
      .nullable()
      .default(null),
    allowUnencrypted: z.boolean().default(false),
    ca: z.string().max(100_000).default(''),
    attachmentLimit: z
      .number()
      .int()
      .min(MIN_ATTACHMENT_LIMIT)
      .max(MAX_ATTACHMENT_LIMIT)
      .default(DEFAULT_ATTACHMENT_LIMIT),
  })
  .superRefine((s, ctx) => {
    for (const [name, srv] of [
      ['smtp', s.smtp],
      ['imap', s.imap],
    ] as const)
      if (srv?.security === 'none' && !s.allowUnencrypted)
        ctx.addIssue({
          code: 'custom',
          path: [name, 'security'],
          message:
            'Without TLS the password and the bundles cross the network readable by anyone on it: choose it explicitly (only for a server on your own office network).',
        });
  });
export type MailSettings = z.infer<typeof MailSettings>;
export type MailSettingsInput = z.input<typeof MailSettings>;

/** Who a message can go to. */
export const AddressKind = z.enum(['laptop', 'coach', 'official']);
export type AddressKind = z.infer<typeof AddressKind>;
