import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { runCli } from '../../electron/cli/main.ts';
import { openStore } from '../../electron/db/store.ts';
import { saveAddress } from '../../electron/services/mail/addressBook.ts';
import { tempDir } from './helpers.ts';
import { bulkSessions, PASSPHRASE } from './mail/laptops.ts';
import { makeCertificate, startSmtp, type TestSmtp } from './mail/servers.ts';
import { seedRegion } from './syncHelpers.ts';

async function run(env: Record<string, string>, ...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env,
    progress: () => {},
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

let smtp: TestSmtp | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

/** Amina's store (a region, joined) and Juma's (set up from her full bundle), as files. */
async function stores() {
  const dir = tempDir();
  const a = join(dir, 'amina.sqlite');
  const b = join(dir, 'juma.sqlite');
  const s = openStore(a);
  const seeded = seedRegion(s);
  bulkSessions(s, seeded.clusters[0]!, 150);
  s.close();
  const env = { PAMOJA_PASSPHRASE: PASSPHRASE };
  expect((await run(env, 'join', '--db', a)).code).toBe(0);
  expect((await run(env, 'export', '--db', a, '--full', '--out', join(dir, 'full.pamoja'))).code).toBe(0);
  expect((await run(env, 'import', '--db', b, join(dir, 'full.pamoja'))).code).toBe(0);
  const jb = openStore(b);
  const juma = jb.deviceId;
  jb.close();
  return { dir, a, b, juma };
}

describe('pamoja mail', () => {
  it('config, queue for a laptop, send, status; then import the .eml parts in any order', async () => {
    const { dir, a, b, juma } = await stores();
    const cert = makeCertificate(dir);
    writeFileSync(join(dir, 'ca.pem'), cert.ca);
    smtp = await startSmtp({ cert });
    const port = String(smtp.port);
    // Passwords never come from the command line.
    expect(
      (
        await run(
          {},
          'mail',
          'config',
          '--db',
          a,
          '--smtp-host',
          '127.0.0.1',
          '--smtp-port',
          port,
          '--password',
          'x',
          '--from',
          'amina@example.org',
        )
      ).code,
    ).toBe(2);
    expect(
      (
        await run(
          {},
          'mail',
          'config',
          '--db',
          a,
          '--smtp-host',
          '127.0.0.1',
          '--smtp-port',
          port,
          '--tls',
          'maybe',
          '--from',
          'amina@example.org',
        )
      ).code,
    ).toBe(2);
    expect(
      (
        await run(
          {},
          'mail',
          'config',
          '--db',
          a,
          '--smtp-host',
          '127.0.0.1',
          '--smtp-port',
          port,
          '--from',
          'not-an-address',
        )
      ).err,
    ).toMatch(/from: This is not an email address/);
    const config = await run(
      { PAMOJA_SMTP_PASSWORD: 'secret' },
      'mail',
      'config',
      '--db',
      a,
      '--smtp-host',
      '127.0.0.1',
      '--smtp-port',
      port,
      '--tls',
      'starttls',
      '--user',
      'coach',
      '--from',
      'amina@example.org',
      '--ca',
      join(dir, 'ca.pem'),
      '--attachment-limit',
      '0.1',
      '--test',
    );
    expect(config.err).toBe('');
    expect(config.out).toMatch(/Connection test: the mail server answered/);

    expect((await run({}, 'mail', 'queue', '--db', a, '--to', juma)).err).toMatch(
      /neither an email address nor a laptop this one knows/,
    );
    expect(
      (
        await run(
          {},
          'mail',
          'address',
          '--db',
          a,
          '--email',
          'juma@example.org',
          '--device',
          juma,
          '--name',
          'Juma',
        )
      ).code,
    ).toBe(0);
    const queued = await run({}, 'mail', 'queue', '--db', a, '--to', juma);
    expect(queued.code).toBe(0);
    expect(queued.out).toMatch(/Queued #1 bundle \(\d+ changes\) to Juma <juma@example.org>/);
    expect(
      (await run({}, 'mail', 'queue', '--db', a, '--to', 'dio@example.org', '--report', '2026-T1')).code,
    ).toBe(0);

    const down = await run({}, 'mail', 'send', '--db', a);
    expect(down.code).toBe(1); // no password: told, nothing sent
    const sent = await run({ PAMOJA_SMTP_PASSWORD: 'secret' }, 'mail', 'send', '--db', a);
    expect(sent.err).toBe('');
    expect(sent.out).toMatch(/^Sent 2, waiting to retry 0, failed 0/);
    const status = JSON.parse((await run({}, 'mail', 'status', '--db', a, '--json')).out) as {
      outbox: { status: string; kind: string; partsTotal: number }[];
    };
    expect(status.outbox.map((i) => [i.kind, i.status])).toEqual([
      ['report', 'sent'],
      ['bundle', 'sent'],
    ]);
    const parts = status.outbox[1]!.partsTotal;
    expect(parts).toBeGreaterThan(1);

    // The bundle's messages, saved as .eml files, taken by `pamoja import` in reverse order.
    const bundleMails = smtp.received.filter((m) => m.to.includes('juma@example.org'));
    expect(bundleMails).toHaveLength(parts);
    const files = bundleMails.map((m, i) => {
      const f = join(dir, `msg-${i + 1}.eml`);
      writeFileSync(f, m.raw);
      return f;
    });
    const partial = await run({}, 'import', '--db', b, ...files.slice(1).reverse());
    expect(partial.code).toBe(1);
    expect(partial.err).toMatch(/Part 1 of \d+ of the bundle from .* has not arrived yet/);
    const rest = await run({}, 'import', '--db', b, files[0]!);
    expect(rest.err).toBe('');
    expect(rest.code).toBe(0);
    expect(rest.out).toMatch(/new/);
    const digests = await Promise.all([a, b].map(async (db) => (await run({}, 'digest', '--db', db)).out));
    expect(digests[0]).toBe(digests[1]);
    // Juma's import queued a receipt to Amina.
    const jumaStatus = await run({}, 'mail', 'status', '--db', b);
    expect(jumaStatus.out).toMatch(/#1 receipt to .*amina@example.org.*: queued/);
  });

  it('fetch without an IMAP server says what to set; unknown subcommands are usage errors', async () => {
    const { a } = await stores();
    const s = openStore(a);
    saveAddress(s, { kind: 'official', name: 'DEO', email: 'deo@example.org' });
    s.close();
    expect((await run({}, 'mail', 'fetch', '--db', a)).err).toMatch(/Mail is not set up/);
    expect((await run({}, 'mail', 'bogus', '--db', a)).code).toBe(2);
    expect((await run({}, 'mail')).code).toBe(2);
    expect((await run({}, 'mail', 'status', '--db', a)).out).toMatch(/Mail is not set up/);
  });
});
