import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

/**
 * Real mail servers for tests, on 127.0.0.1 only: smtp-server (npm) and Debian's dovecot.
 * A throw-away certificate authority signs a certificate for 127.0.0.1; tests trust it by
 * passing the CA explicitly, as a coach's IT helper would for a private server.
 */
export interface TestCertificate {
  ca: string;
  key: string;
  cert: string;
  dir: string;
}

export function makeCertificate(dir: string): TestCertificate {
  const f = (n: string) => join(dir, n);
  const run = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=Pamoja test CA',
  );
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('server.key'),
    '-out',
    f('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  );
  writeFileSync(
    f('san.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n',
  );
  run(
    'x509',
    '-req',
    '-in',
    f('server.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-out',
    f('server.pem'),
    '-days',
    '2',
    '-extfile',
    f('san.ext'),
  );
  return {
    ca: readFileSync(f('ca.pem'), 'utf8'),
    key: readFileSync(f('server.key'), 'utf8'),
    cert: readFileSync(f('server.pem'), 'utf8'),
    dir,
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  /** Answer the next messages' DATA with an SMTP error instead of accepting them. */
  refuseWith(code: number | null, message?: string): void;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** smtp-server on 127.0.0.1: STARTTLS with the given certificate (or none), login `coach` / `secret`. */
export async function startSmtp(options: {
  cert?: TestCertificate;
  secure?: boolean;
  users?: Record<string, string>;
  size?: number;
  port?: number;
}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusal: { code: number; message: string } | null = null;
  const users = options.users ?? { coach: 'secret' };
  const config: SMTPServerOptions = {
    secure: options.secure ?? false,
    ...(options.cert
      ? { key: options.cert.key, cert: options.cert.cert }
      : { disabledCommands: ['STARTTLS'] }),
    authOptional: false,
    allowInsecureAuth: !options.cert,
    ...(options.size ? { size: options.size } : {}),
    logger: false,
    onAuth(auth, _session, callback) {
      if (users[auth.username ?? ''] === auth.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusal)
          return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(config);
  server.on('error', () => undefined);
  const port = options.port ?? (await freePort());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    received,
    refuseWith(code, message = 'refused') {
      refusal = code === null ? null : { code, message };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Dovecot as a throw-away IMAP server: its own config, one user, maildirs under `dir`. */
export interface TestImap {
  port: number;
  user: string;
  password: string;
  dir: string;
  /** Puts a raw message into a user's folder (through the IMAP server itself). */
  close(): Promise<void>;
}

export const DOVECOT = '/usr/sbin/dovecot';
export const dovecotAvailable = (): boolean => existsSync(DOVECOT);

export async function startDovecot(
  dir: string,
  cert: TestCertificate,
  users: Record<string, string>,
): Promise<TestImap> {
  // dovecot's login and auth helpers run as other users: they must reach the config folder.
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'mail'), { recursive: true });
  mkdirSync(join(dir, 'run'), { recursive: true });
  const port = await freePort();
  const login = spawnSync('id', ['-un']).stdout.toString().trim();
  const self = spawnSync('id', ['-u']).stdout.toString().trim();
  // Root cannot own mail in dovecot: as root (CI) the mail belongs to "nobody".
  const asRoot = self === '0';
  const uid = asRoot ? spawnSync('id', ['-u', 'nobody']).stdout.toString().trim() : self;
  const gid = asRoot
    ? spawnSync('id', ['-g', 'nobody']).stdout.toString().trim()
    : spawnSync('id', ['-g']).stdout.toString().trim();
  if (asRoot) chownSync(join(dir, 'mail'), Number(uid), Number(gid));
  const passwd = Object.entries(users)
    .map(([u, p]) => `${u}:{PLAIN}${p}:${uid}:${gid}::${join(dir, 'mail', u)}::`)
    .join('\n');
  writeFileSync(join(dir, 'passwd'), `${passwd}\n`);
  writeFileSync(join(dir, 'server.pem'), cert.cert);
  writeFileSync(join(dir, 'server.key'), cert.key);
  chmodSync(join(dir, 'server.key'), 0o600);
  const conf = [
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'run')}`,
    'protocols = imap',
    `listen = 127.0.0.1`,
    'ssl = required',
    `ssl_cert = <${join(dir, 'server.pem')}`,
    `ssl_key = <${join(dir, 'server.key')}`,
    'ssl_min_protocol = TLSv1.2',
    'auth_mechanisms = plain login',
    'disable_plaintext_auth = yes',
    `log_path = ${join(dir, 'dovecot.log')}`,
    `info_log_path = ${join(dir, 'dovecot.log')}`,
    'mail_location = maildir:~/Maildir',
    'namespace inbox {',
    '  inbox = yes',
    '  separator = /',
    '}',
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${join(dir, 'passwd')}\n}`,
    `userdb {\n  driver = passwd-file\n  args = ${join(dir, 'passwd')}\n}`,
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    'service pop3-login {\n  inet_listener pop3 {\n    port = 0\n  }\n  inet_listener pop3s {\n    port = 0\n  }\n}',
    'service submission-login {\n  inet_listener submission {\n    port = 0\n  }\n}',
    'service lmtp {\n  unix_listener lmtp {\n  }\n}',
    asRoot
      ? `default_internal_user = dovenull\ndefault_login_user = dovenull\nfirst_valid_uid = 1`
      : `default_internal_user = ${login}\ndefault_login_user = ${login}\ndefault_internal_group = ${spawnSync('id', ['-gn']).stdout.toString().trim()}\nfirst_valid_uid = ${uid}`,
    'first_valid_gid = 0',
    'mail_privileged_group =',
    'auth_verbose = yes',
    '',
  ].join('\n');
  const confFile = join(dir, 'dovecot.conf');
  writeFileSync(confFile, conf);
  const child = spawn(DOVECOT, ['-F', '-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `dovecot stopped: ${output}${existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''}`,
      );
    if (await canConnect(port)) break;
    if (Date.now() > deadline) throw new Error(`dovecot did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const [user, password] = Object.entries(users)[0]!;
  return {
    port,
    user,
    password,
    dir,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function canConnect(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
