/**
 * Why a message could not be sent or a server could not be reached, in the coach's terms,
 * and whether trying again later can help. Pure: it looks only at the fields nodemailer and
 * imapflow put on their errors (`code`, `responseCode`, the message).
 */
export const failureKinds = [
  'dns',
  'refused',
  'timeout',
  'tls',
  'auth',
  'size',
  'temporary',
  'rejected',
  'settings',
  'other',
] as const;
export type FailureKind = (typeof failureKinds)[number];

export interface Failure {
  kind: FailureKind;
  /** Temporary failures are tried again with backoff; permanent ones wait for the coach. */
  temporary: boolean;
  /** The server's or the system's own words, for the curious and for IT helpers. */
  detail: string;
}

const TEMPORARY: ReadonlySet<FailureKind> = new Set(['dns', 'refused', 'timeout', 'temporary', 'other']);

export function failure(kind: FailureKind, detail: string): Failure {
  return { kind, temporary: TEMPORARY.has(kind), detail: detail.slice(0, 500) };
}

interface ErrorLike {
  code?: unknown;
  responseCode?: unknown;
  message?: unknown;
  response?: unknown;
  authenticationFailed?: unknown;
  cause?: unknown;
}

/** Classifies an error thrown while talking to an SMTP or IMAP server. */
export function classifyMailError(e: unknown): Failure {
  const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as ErrorLike;
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : String(e);
  const response = typeof err.response === 'string' ? err.response : '';
  const detail = [message, response && !message.includes(response) ? response : '']
    .filter(Boolean)
    .join(' — ');
  const text = `${code} ${message} ${response}`;
  const status = typeof err.responseCode === 'number' ? err.responseCode : 0;

  if (
    status === 552 ||
    status === 523 ||
    /\bsize\b.*(exceed|larger|too)|too (large|big)|message size/i.test(message)
  )
    return failure('size', detail);
  if (
    code === 'EAUTH' ||
    code === 'ENOAUTH' ||
    status === 535 ||
    status === 534 ||
    err.authenticationFailed === true
  )
    return failure('auth', detail);
  if (
    code === 'ETLS' ||
    code === 'EREQUIRETLS' ||
    /certificate|self[- ]signed|SSL|TLS|handshake|ERR_SSL|wrong version number/i.test(text)
  )
    return failure('tls', detail);
  if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(text)) return failure('dns', detail);
  if (/ECONNREFUSED/i.test(text)) return failure('refused', detail);
  if (code === 'ETIMEDOUT' || /timed? ?out|ETIMEDOUT/i.test(text)) return failure('timeout', detail);
  if (status >= 400 && status < 500) return failure('temporary', detail);
  if (status >= 500) return failure('rejected', detail);
  if (/ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|ECONNECTION|ESOCKET|closed/i.test(text))
    return failure('refused', detail);
  return failure('other', detail);
}

/** English words for a failure (the CLI, the outbox's stored reason). The UI has both languages. */
export const failureAdvice: Record<FailureKind, string> = {
  dns: 'The mail server’s name could not be looked up: there is no connection, or the server name is mistyped. Pamoja tries again later.',
  refused: 'The mail server could not be reached (connection refused or cut). Pamoja tries again later.',
  timeout: 'The mail server did not answer in time (a slow or lost connection). Pamoja tries again later.',
  tls: 'The secure connection failed: the server’s certificate is not trusted or TLS is not offered. Check the server name, port and security setting with whoever runs the server.',
  auth: 'The mail server refused the user name or password. Enter the password again in Mail settings, then press Retry.',
  size: 'The mail server refused the message as too large. Lower the attachment limit in Mail settings (e.g. to half) and press Retry: the bundle is then sent in smaller parts.',
  temporary: 'The mail server asked to try later. Pamoja tries again later.',
  rejected:
    'The mail server refused the message for good. Check the recipient’s address, then press Retry, or remove the item.',
  settings: 'Mail is not set up: fill in Mail settings first.',
  other: 'Sending failed for a reason Pamoja does not recognise. Pamoja tries again later.',
};

/** Waiting time before try number `attempts + 1`: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}
