import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { classifyMailError, failure, type Failure } from '../../../shared/mail/failure.ts';
import type { MailSettings } from '../../../shared/mail/settings.ts';
import type { MailMessage } from './message.ts';

/** Base64 makes an attachment a third larger; headers and the body add a little. */
export const encodedSize = (attachmentBytes: number): number =>
  Math.ceil(attachmentBytes / 3) * 4 + 16 * 1024;

const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000 };

/**
 * nodemailer's connection options. Certificates are always verified (an extra CA can be
 * trusted, never verification switched off); STARTTLS is required when chosen, so a
 * server (or someone in the middle) that does not offer it cannot silently downgrade.
 */
export function smtpOptions(settings: MailSettings, password: string | undefined) {
  const s = settings.smtp;
  return {
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    ...(s.user ? { auth: { user: s.user, pass: password ?? '' } } : {}),
    tls: {
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2' as const,
      ...(isIP(s.host) ? {} : { servername: s.host }),
      ...(settings.ca ? { ca: settings.ca } : {}),
    },
    disableFileAccess: true,
    disableUrlAccess: true,
    ...TIMEOUTS,
  };
}

export interface SmtpSender {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** One connection's worth of sending (nodemailer reconnects as needed). */
export function smtpSender(settings: MailSettings, password: string | undefined): SmtpSender {
  const transport = nodemailer.createTransport(smtpOptions(settings, password));
  return {
    async send(m) {
      await transport.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        headers: m.headers,
        messageId: m.messageId,
        attachments: m.attachments,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close: () => transport.close(),
  };
}

export interface ConnectionTest {
  ok: boolean;
  failure: Failure | null;
  /** The largest message the server says it takes (0: it does not say). */
  maxMessageBytes: number;
}

/**
 * "Test the connection": connect (name lookup, refused, TLS), log in (authentication), and
 * compare the server's announced size limit with the largest message the attachment limit
 * makes (message size refused). Sends nothing.
 */
export function testSmtp(settings: MailSettings, password: string | undefined): Promise<ConnectionTest> {
  const options = smtpOptions(settings, password);
  return new Promise((resolve) => {
    const connection = new SMTPConnection(options);
    let settled = false;
    const finish = (r: ConnectionTest): void => {
      if (settled) return;
      settled = true;
      try {
        connection.quit();
      } catch {
        connection.close();
      }
      resolve(r);
    };
    connection.once('error', (e: unknown) =>
      finish({ ok: false, failure: classifyMailError(e), maxMessageBytes: 0 }),
    );
    connection.once('end', () =>
      finish({
        ok: false,
        failure: failure('refused', 'the server closed the connection'),
        maxMessageBytes: 0,
      }),
    );
    connection.connect(() => {
      const afterLogin = (): void => {
        // nodemailer reads the EHLO SIZE announcement into this field; it offers no getter.
        const max = Number((connection as unknown as { _maxAllowedSize?: number })._maxAllowedSize ?? 0) || 0;
        const largest = encodedSize(settings.attachmentLimit);
        if (max && largest > max)
          finish({
            ok: false,
            failure: failure(
              'size',
              `The server takes messages up to ${max} bytes; with this attachment limit a message can reach ${largest} bytes.`,
            ),
            maxMessageBytes: max,
          });
        else finish({ ok: true, failure: null, maxMessageBytes: max });
      };
      if (!options.auth) afterLogin();
      else
        connection.login(options.auth, (err) => {
          if (err) finish({ ok: false, failure: classifyMailError(err), maxMessageBytes: 0 });
          else afterLogin();
        });
    });
  });
}
