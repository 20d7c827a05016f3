import { PamojaError, fromZodError } from '../../../shared/errors.ts';
import { MailSettings, type MailSettingsInput } from '../../../shared/mail/settings.ts';
import type { Store } from '../../db/store.ts';

/**
 * Seals secrets at rest (Electron's safeStorage in the app; see electron/services/secrets/).
 * Mail passwords are stored only sealed; without a sealer (CLI, serve) they are never
 * stored: they come from the environment, a prompt, or memory.
 */
export interface PasswordSealer {
  seal(bytes: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** null: it cannot be opened here (another computer account or machine). */
  open(bytes: Uint8Array): Uint8Array | null | Promise<Uint8Array | null>;
}

export type MailServer = 'smtp' | 'imap';

export function readMailSettings(store: Store): MailSettings | null {
  const row = store.statements.get('SELECT data FROM mail_settings WHERE id = 1').get() as
    { data: string } | undefined;
  if (!row) return null;
  const parsed = MailSettings.safeParse(JSON.parse(row.data));
  return parsed.success ? parsed.data : null;
}

/** Mail settings or a message saying to fill them in. */
export function requireMailSettings(store: Store): MailSettings {
  const s = readMailSettings(store);
  if (!s)
    throw new PamojaError(
      'unavailable',
      'Mail is not set up on this laptop: fill in Mail settings (or run `pamoja mail config`) first.',
    );
  return s;
}

export function validateMailSettings(input: unknown): MailSettings {
  const parsed = MailSettings.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/** Saves the settings; passwords given are sealed with `sealer` (never stored in clear). */
export async function saveMailSettings(
  store: Store,
  input: MailSettingsInput,
  passwords: { smtp?: string | undefined; imap?: string | undefined } = {},
  sealer?: PasswordSealer,
): Promise<MailSettings> {
  const settings = validateMailSettings(input);
  const sealed: Partial<Record<MailServer, Uint8Array>> = {};
  for (const which of ['smtp', 'imap'] as const) {
    const pw = passwords[which];
    if (pw === undefined || pw === '') continue;
    if (!sealer)
      throw new PamojaError(
        'unavailable',
        'Passwords can only be kept by the desktop app (sealed by the system); here they come from PAMOJA_SMTP_PASSWORD / PAMOJA_IMAP_PASSWORD or a prompt.',
      );
    sealed[which] = await sealer.seal(Buffer.from(pw, 'utf8'));
  }
  const at = new Date(store.clock.now()).toISOString();
  store.db.transaction(() => {
    store.statements
      .get(
        `INSERT INTO mail_settings (id, data, updated_at) VALUES (1, ?, ?)
         ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(JSON.stringify(settings), at);
    for (const which of ['smtp', 'imap'] as const)
      if (sealed[which])
        store.statements
          .get(`UPDATE mail_settings SET ${which}_password_sealed = ? WHERE id = 1`)
          .run(Buffer.from(sealed[which]));
  })();
  return settings;
}

/** Forgets a stored (sealed) password. */
export function forgetPassword(store: Store, which: MailServer): void {
  store.statements.get(`UPDATE mail_settings SET ${which}_password_sealed = NULL WHERE id = 1`).run();
}

export function hasStoredPassword(store: Store, which: MailServer): boolean {
  const row = store.statements
    .get(`SELECT ${which}_password_sealed IS NOT NULL AS has FROM mail_settings WHERE id = 1`)
    .get() as { has: number } | undefined;
  return row?.has === 1;
}

/** The stored password, opened with the sealer; undefined when none is kept. */
export async function storedPassword(
  store: Store,
  which: MailServer,
  sealer: PasswordSealer | undefined,
): Promise<string | undefined> {
  if (!sealer) return undefined;
  const row = store.statements
    .get(`SELECT ${which}_password_sealed AS sealed FROM mail_settings WHERE id = 1`)
    .get() as { sealed: Buffer | null } | undefined;
  if (!row?.sealed) return undefined;
  let opened: Uint8Array | null;
  try {
    opened = await sealer.open(row.sealed);
  } catch {
    opened = null;
  }
  if (!opened)
    throw new PamojaError(
      'unavailable',
      'The saved mail password cannot be opened on this computer account: enter it again in Mail settings.',
    );
  return Buffer.from(opened).toString('utf8');
}
