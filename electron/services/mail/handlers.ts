import type { Store } from '../../db/store.ts';
import type { ServiceContext } from '../context.ts';
import type { HandlerMap, OpsOf } from '../handlers.ts';
import { listAddresses, removeAddress, saveAddress } from './addressBook.ts';
import { testImap } from './imap.ts';
import { listOutbox, removeOutboxItem, restoreOutboxItem, retryOutboxItem, waitingCount } from './outbox.ts';
import { waitingBundles, type Taken } from './receive.ts';
import {
  hasStoredPassword,
  readMailSettings,
  requireMailSettings,
  saveMailSettings,
  storedPassword,
  type MailServer,
  type PasswordSealer,
} from './settings.ts';
import { testSmtp } from './smtp.ts';

/**
 * Passwords typed in the browser (serve): kept in this process's memory only, per store,
 * never written anywhere. The app keeps them sealed by the system instead.
 */
const remembered = new WeakMap<Store, Partial<Record<MailServer, string>>>();

/** The sealer the shell injects (Electron's safeStorage); absent in serve and tests. */
const sealerOf = (ctx: ServiceContext): PasswordSealer | undefined => ctx.sealer;

export async function passwordFor(
  ctx: ServiceContext,
  which: MailServer,
  given: string | undefined,
): Promise<string | undefined> {
  if (given) {
    if (!sealerOf(ctx)) remembered.set(ctx.store, { ...remembered.get(ctx.store), [which]: given });
    return given;
  }
  return remembered.get(ctx.store)?.[which] ?? (await storedPassword(ctx.store, which, sealerOf(ctx)));
}

function settingsState(ctx: ServiceContext) {
  const settings = readMailSettings(ctx.store);
  const ready = (which: MailServer): boolean =>
    Boolean(remembered.get(ctx.store)?.[which]) ||
    (Boolean(sealerOf(ctx)) && hasStoredPassword(ctx.store, which));
  return {
    settings,
    smtpPasswordReady: !settings?.smtp.user || ready('smtp'),
    imapPasswordReady: !settings?.imap?.user || ready('imap'),
    keepsPasswords: Boolean(sealerOf(ctx)),
  };
}

export const takenView = (t: Taken) => ({
  name: t.name,
  outcome: t.outcome,
  message: t.message,
  ...(t.receipt === undefined ? {} : { receipt: t.receipt }),
  ...(t.bundle === undefined ? {} : { bundle: t.bundle }),
  ...(t.import
    ? {
        import: {
          ...t.import,
          header: {
            regionId: t.import.header.regionId,
            regionName: t.import.header.regionName,
            senderDevice: t.import.header.senderDevice,
            senderName: t.import.header.senderName,
            createdAt: t.import.header.createdAt,
            kind: t.import.header.kind,
            version: t.import.header.version,
          },
        },
      }
    : {}),
});

/** The SMTP password at hand for background sending (never asks). */
export const smtpPasswordAtHand = (ctx: ServiceContext): Promise<string | undefined> =>
  passwordFor(ctx, 'smtp', undefined).catch(() => undefined);

export const mailHandlers: HandlerMap<OpsOf<'mail'>> = {
  'mail.settings': (_input, ctx) => settingsState(ctx),
  'mail.saveSettings': async ({ settings, smtpPassword, imapPassword }, ctx) => {
    const sealer = sealerOf(ctx);
    await saveMailSettings(
      ctx.store,
      settings,
      sealer ? { smtp: smtpPassword, imap: imapPassword } : {},
      sealer,
    );
    if (!sealer)
      remembered.set(ctx.store, {
        ...remembered.get(ctx.store),
        ...(smtpPassword ? { smtp: smtpPassword } : {}),
        ...(imapPassword ? { imap: imapPassword } : {}),
      });
    return settingsState(ctx);
  },
  'mail.test': async ({ smtpPassword, imapPassword }, ctx) => {
    const settings = requireMailSettings(ctx.store);
    const smtp = await testSmtp(
      settings,
      settings.smtp.user ? await passwordFor(ctx, 'smtp', smtpPassword) : undefined,
    );
    const imap = settings.imap
      ? await testImap(settings, await passwordFor(ctx, 'imap', imapPassword))
      : null;
    return { smtp, imap };
  },
  'mail.addresses': (_input, { store }) => listAddresses(store),
  'mail.saveAddress': (input, { store }) => saveAddress(store, input),
  'mail.removeAddress': ({ id }, { store }) => {
    removeAddress(store, id);
    return {};
  },
  'mail.outbox': (_input, { store }) => ({
    items: listOutbox(store),
    waiting: waitingCount(store),
    partsWaiting: waitingBundles(store),
  }),
  // Queueing (the bundle is made), sending, fetching, drafts and taking in an email run in
  // the job runner's worker (electron/services/jobs/registry.ts), where the passwords are
  // found and the places resolved before they start.
  'mail.queue': (input, ctx) => ctx.jobs.run('mail.queue', input, ctx),
  'mail.send': (input, ctx) => ctx.jobs.run('mail.send', input, ctx),
  'mail.retry': ({ id }, { store }) => retryOutboxItem(store, id),
  'mail.remove': ({ id }, { store }) => removeOutboxItem(store, id),
  'mail.restore': ({ id }, { store }) => restoreOutboxItem(store, id),
  'mail.fetch': (input, ctx) => ctx.jobs.run('mail.fetch', input, ctx),
  'mail.draft': (input, ctx) => ctx.jobs.run('mail.draft', input, ctx),
  'mail.take': (input, ctx) => ctx.jobs.run('mail.take', input, ctx),
};
