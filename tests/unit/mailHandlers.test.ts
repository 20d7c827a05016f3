import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackupFiles } from '../../electron/db/backupFiles.ts';
import type { PasswordSealer } from '../../electron/services/mail/settings.ts';
import { createContext, type ServiceContext } from '../../electron/services/context.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { withinFolders } from '../../electron/services/files/access.ts';
import { handlers } from '../../electron/services/index.ts';
import { composeMessages, messageBytes } from '../../electron/services/mail/message.ts';
import { getOutboxItem, outboxContent } from '../../electron/services/mail/outbox.ts';
import { tempDir } from './helpers.ts';
import { twoLaptops } from './mail/laptops.ts';

const settings = {
  smtp: { host: '127.0.0.1', port: 2525, security: 'starttls' as const, user: 'coach' },
  from: 'amina@example.org',
  fromName: 'Amina',
  imap: null,
  allowUnencrypted: false,
  ca: '',
  attachmentLimit: 10 * 1024 * 1024,
};

/** A sealer that really changes the bytes, as safeStorage would. */
const xorSealer: PasswordSealer = {
  seal: (b) => Buffer.from(b).map((x) => x ^ 0x5a),
  open: (b) => Buffer.from(b).map((x) => x ^ 0x5a),
};

async function call(ctx: ServiceContext, op: string, input: unknown) {
  const r = await dispatch(handlers, ctx, op, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Record<string, unknown>;
}

describe('mail operations', () => {
  it('the app keeps the password sealed, never in clear; the browser keeps it in memory only', async () => {
    const { a } = await twoLaptops();
    const app = Object.assign(createContext(a, tempDir(), 'ipc'), { sealer: xorSealer });
    const state = await call(app, 'mail.saveSettings', { settings, smtpPassword: 'very-secret-pw' });
    expect(state).toMatchObject({ smtpPasswordReady: true, keepsPasswords: true });
    const row = a.db.prepare('SELECT data, smtp_password_sealed AS sealed FROM mail_settings').get() as {
      data: string;
      sealed: Buffer;
    };
    expect(row.sealed.toString('utf8')).not.toContain('very-secret-pw');
    expect(row.data).not.toContain('very-secret-pw');
    const whole = a.db.serialize().toString('latin1');
    expect(whole).not.toContain('very-secret-pw');

    const { b } = await twoLaptops();
    const browser = createContext(b, tempDir(), 'http');
    expect(
      await call(browser, 'mail.saveSettings', { settings, smtpPassword: 'typed-in-browser' }),
    ).toMatchObject({
      smtpPasswordReady: true,
      keepsPasswords: false,
    });
    expect(
      (b.db.prepare('SELECT smtp_password_sealed AS s FROM mail_settings').get() as { s: unknown }).s,
    ).toBeNull();
    expect(b.db.serialize().toString('latin1')).not.toContain('typed-in-browser');
    // Bad settings are refused with the field named, and nothing is stored.
    await expect(
      call(browser, 'mail.saveSettings', { settings: { ...settings, from: 'nope' } }),
    ).rejects.toThrow(/^from: /);
  });

  it('queue, remove with Undo, save a draft (made in the worker), and take an opened .eml', async () => {
    const { a, b } = await twoLaptops();
    const ctxA = createContext(a, tempDir(), 'http');
    const item = await call(ctxA, 'mail.queue', { to: b.deviceId });
    expect(item).toMatchObject({ status: 'queued', toEmail: 'juma@example.org' });
    expect(await call(ctxA, 'mail.outbox', {})).toMatchObject({ waiting: { queued: 1, failed: 0 } });
    await call(ctxA, 'mail.remove', { id: item.id });
    expect(await call(ctxA, 'mail.outbox', {})).toMatchObject({ items: [], waiting: { queued: 0 } });
    await call(ctxA, 'mail.restore', { id: item.id });
    expect(((await call(ctxA, 'mail.outbox', {})).items as unknown[]).length).toBe(1);

    // A draft is made in the job runner's worker; the page gets a grant for the bundle beside it.
    const draftDir = tempDir();
    const ctxDraft = createContext(a, draftDir, 'http', undefined, { files: withinFolders([draftDir]) });
    const draft = await call(ctxDraft, 'mail.draft', { to: b.deviceId });
    expect(String(draft.file).startsWith(draftDir)).toBe(true);
    expect(readFileSync(String(draft.file), 'latin1')).toMatch(/^X-Unsent: 1/m);
    expect(draft.bundleRef).toBe(draft.bundle); // serve's grants are the paths themselves
    await expect(
      call(ctxDraft, 'mail.draft', { to: b.deviceId, path: join(tempDir(), 'x.eml') }),
    ).rejects.toThrow();

    const m = composeMessages(
      a,
      getOutboxItem(a, item.id as number),
      outboxContent(a, item.id as number),
      settings,
    )[0]!;
    const eml = join(tempDir(), 'from-amina.eml');
    writeFileSync(eml, await messageBytes(m));
    const ctxB = createContext(b, tempDir(), 'http');
    const taken = (await dispatch(handlers, ctxB, 'mail.take', { path: eml })) as {
      ok: true;
      value: { outcome: string; receipt?: number }[];
    };
    expect(taken.value[0]).toMatchObject({ outcome: 'imported' });
    // Taken through the job runner, with the snapshot every import takes first.
    expect(listBackupFiles(b.file).map((x) => x.kind)).toEqual(['before-import']);
    expect(taken.value[0]!.receipt).toBeTypeOf('number');
    expect(await call(ctxB, 'mail.outbox', {})).toMatchObject({ waiting: { queued: 1 } });
  });
});
