import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ImapFlow } from 'imapflow';
import { openStore } from '../../electron/db/store.ts';
import { resolveRecipient, saveAddress } from '../../electron/services/mail/addressBook.ts';
import { queueBundle } from '../../electron/services/mail/outbox.ts';
import { sendOutbox } from '../../electron/services/mail/send.ts';
import { saveMailSettings } from '../../electron/services/mail/settings.ts';
import { importBundleBytes, setDeviceName } from '../../electron/services/sync/bundles.ts';
import {
  dovecotAvailable,
  freePort,
  makeCertificate,
  startDovecot,
  startSmtp,
  type TestSmtp,
} from '../unit/mail/servers.ts';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

const PASS = 'mvua ya masika 2026';

async function openSync(page: Page): Promise<void> {
  await page.evaluate(
    () => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/sync'),
  );
  await expect(page.getByTestId('sync-screen')).toBeVisible();
}

async function inLanguage(page: Page, lang: 'en' | 'sw'): Promise<void> {
  await page.evaluate(
    (l) =>
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('pamoja.lang', l),
    lang,
  );
  await page.reload();
  await expect(page.getByTestId('sync-screen')).toBeVisible();
}

test.skip(
  !dovecotAvailable() && !process.env.CI,
  'dovecot is not installed here (apt-get install dovecot-imapd); CI installs it',
);

test('queue a bundle with no server, send when it appears, fetch a bundle by IMAP and see it in the history', async ({
  app,
  served,
}, testInfo) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'pamoja-e2e-mail-'));
  chmodSync(dir, 0o755);
  const cert = makeCertificate(dir);
  const imap = await startDovecot(join(dir, 'imap'), cert, { amina: 'amina-secret', juma: 'juma-secret' });
  const smtpPort = await freePort();
  let smtp: TestSmtp | undefined;
  try {
    // Laptop A starts its region.
    await openSync(app);
    await app.getByTestId('join-passphrase').fill(PASS);
    await app.getByRole('button', { name: 'Start the region secret' }).click();
    await expect(app.getByTestId('mail-outbox')).toBeVisible();

    // Mail settings: STARTTLS with the server's private CA pasted in; IMAP for fetching.
    const settings = app.getByTestId('mail-settings');
    await settings.getByTestId('smtp-host').fill('127.0.0.1');
    await settings.getByTestId('smtp-port').fill(String(smtpPort));
    await settings.getByTestId('smtp-user').fill('coach');
    await settings.getByTestId('smtp-password').fill('secret');
    await settings.getByTestId('mail-from').fill('amina@example.org');
    await settings.getByTestId('mail-from-name').fill('Amina');
    await settings.getByTestId('mail-use-imap').check();
    await settings.getByTestId('imap-host').fill('127.0.0.1');
    await settings.getByTestId('imap-port').fill(String(imap.port));
    await settings.getByTestId('imap-security').selectOption('starttls');
    await settings.getByTestId('imap-user').fill('amina');
    await settings.getByTestId('imap-password').fill('amina-secret');
    await settings.getByTestId('mail-ca').fill(cert.ca);
    await settings.getByTestId('mail-test').click();
    // The SMTP server is not running yet: the test names it.
    await expect(app.getByTestId('mail-test-result')).toContainText('could not be reached');
    await expect(app.getByTestId('mail-test-result')).toContainText('the folder opened');
    await app.screenshot({ path: testInfo.outputPath('mail-settings-en.png'), fullPage: true });

    // Queue a bundle for Juma: no connection needed.
    await app.getByTestId('outbox-email').fill('juma@example.org');
    await app.getByTestId('outbox-queue').click();
    const row = app.getByTestId('outbox-item').first();
    await expect(row).toHaveAttribute('data-status', 'queued');
    await expect(row).toContainText('Waiting to be sent');
    await expect(app.getByTestId('outbox-badge')).toHaveText('1');

    // Send now with the server down: it waits, with the reason.
    await app.getByTestId('outbox-send').click();
    await expect(row).toContainText('could not be reached');
    await expect(row).toHaveAttribute('data-status', 'queued');
    await app.getByTestId('mail-outbox').screenshot({ path: testInfo.outputPath('outbox-waiting-en.png') });

    // The server appears: Send now delivers it.
    smtp = await startSmtp({ cert, port: smtpPort });
    await app.getByTestId('outbox-send').click();
    await expect(row).toHaveAttribute('data-status', 'sent');
    await expect(app.getByTestId('outbox-badge')).toHaveCount(0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['juma@example.org']);

    // Laptop B (set up from A's full bundle) sends a bundle back by email.
    const full = join(dir, 'full.pamoja');
    execFileSync(process.execPath, ['bin/pamoja.js', 'export', '--db', served.db, '--full', '--out', full], {
      env: { ...process.env, PAMOJA_PASSPHRASE: PASS },
    });
    const b = openStore(join(dir, 'juma.sqlite'));
    importBundleBytes(b, readFileSync(full), { file: 'full.pamoja', passphrase: PASS });
    setDeviceName(b, 'Juma’s laptop');
    const session = b.db.prepare('SELECT id FROM sessions LIMIT 1').get() as { id: string };
    b.write((w) => w.update('sessions', session.id, { notes: 'Juma: the reading circle met twice' }));
    await saveMailSettings(b, {
      smtp: { host: '127.0.0.1', port: smtpPort, security: 'starttls', user: 'coach' },
      from: 'juma@example.org',
      ca: cert.ca,
    });
    saveAddress(b, { kind: 'coach', name: 'Amina', email: 'amina@example.org' });
    await queueBundle(b, resolveRecipient(b, 'amina@example.org'));
    await sendOutbox(b, { smtpPassword: 'secret', now: true });
    b.close();
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      auth: { user: 'amina', pass: 'amina-secret' },
      tls: { ca: cert.ca },
      logger: false,
    });
    await client.connect();
    await client.append('INBOX', smtp.received.at(-1)!.raw);
    await client.logout();

    // A fetches: the bundle goes in, shows in the sync history, and a receipt waits to go back.
    await app.getByTestId('outbox-fetch').click();
    await expect(app.getByTestId('mail-outbox').locator('.success')).toContainText('1 imported');
    await expect(app.getByTestId('outbox-items')).toContainText('Bundle');
    await expect(app.getByTestId('sync-log')).toContainText('Juma’s laptop');
    await expect(app.getByTestId('outbox-items')).toContainText('Receipt');
    await expect(app.getByTestId('outbox-badge')).toHaveText('1');
    await app.getByTestId('mail-outbox').screenshot({ path: testInfo.outputPath('outbox-en.png') });
    await expectAccessible(app, 'sync-mail-en', testInfo);

    // Remove with Undo.
    const receipt = app.getByTestId('outbox-item').first();
    await receipt.getByTestId('outbox-remove').click();
    const toast = app.getByTestId('undo-toast');
    await expect(toast).toContainText('Removed the item for');
    await expect(app.getByTestId('outbox-items')).not.toContainText('Receipt');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(app.getByTestId('outbox-items')).toContainText('Receipt');

    // The same in Kiswahili.
    await inLanguage(app, 'sw');
    await expect(app.getByTestId('mail-outbox')).toContainText('Sanduku la barua zinazotoka');
    await app.getByTestId('mail-outbox').screenshot({ path: testInfo.outputPath('outbox-sw.png') });
    await app.getByTestId('mail-settings-card').locator('summary').click();
    await expect(app.getByTestId('mail-settings-card').locator('summary')).toContainText(
      'Mipangilio ya barua',
    );
    await expect(app.getByTestId('mail-settings')).toContainText('Jaribu muunganisho');
    await app.getByTestId('mail-settings').screenshot({ path: testInfo.outputPath('mail-settings-sw.png') });
    await expectAccessible(app, 'sync-mail-sw', testInfo);
  } finally {
    await smtp?.close();
    await imap.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
