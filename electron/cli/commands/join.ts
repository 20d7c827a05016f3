import {
  EXIT_OK,
  parseFlags,
  readPassphrase,
  required,
  UsageError,
  type CliIo,
  type Command,
} from '../command.ts';
import { InvitationError } from '../../services/sync/identity.ts';
import { openExistingStore } from '../openExisting.ts';
import { useUnlocker } from '../../services/secrets/vault.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { joinSyncRegion, refuseWeakRegionPassphrase } from '../../services/sync/service.ts';
import { WeakPassphraseError } from '../../services/secrets/strength.ts';
import { generatePassphrase } from '../../../shared/passphrase/generate.ts';

export const joinCommand: Command = {
  name: 'join',
  summary: 'Give a store its region secret: start it from a passphrase, or accept an invitation file',
  usage:
    'pamoja join --db FILE [--region-id ID] [--region-name NAME]   (passphrase from PAMOJA_PASSPHRASE or a prompt)\n' +
    '  pamoja join --db FILE --invitation FILE   (an invite password, if any, from PAMOJA_PASSPHRASE or a prompt)\n' +
    '  To join a region another laptop started, import one of its bundles instead: `pamoja import`.',
  async run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      'region-id': { type: 'string' },
      'region-name': { type: 'string' },
      invitation: { type: 'string' },
    });
    const db = required(values.db, 'db');
    if (values.invitation !== undefined && (values['region-id'] || values['region-name']))
      throw new UsageError('--invitation cannot be combined with --region-id/--region-name');
    const store = openExistingStore(db);
    try {
      const invitation = values.invitation;
      const r =
        invitation !== undefined
          ? await joinWithInvitation(invitation, io)
          : await startRegion({
              passphrase: await readPassphrase(io),
              regionId: values['region-id'],
              regionName: values['region-name'],
            });
      io.stdout(`This store holds the secret of the region ${r.regionName || r.regionId} (${r.regionId}).\n`);
      return EXIT_OK;
    } finally {
      store.close();
    }

    async function startRegion(req: { passphrase: string; regionId?: string; regionName?: string }) {
      try {
        await refuseWeakRegionPassphrase(store, req);
      } catch (e) {
        // As the app does: offer six random words (on stderr, which only this terminal sees).
        if (e instanceof WeakPassphraseError)
          throw new PamojaError(
            e.code,
            `${e.message}\nSix random words Pamoja suggests: ${generatePassphrase('en')} — or in Kiswahili: ${generatePassphrase('sw')}`,
            e.path,
          );
        throw e;
      }
      return joinSyncRegion(store, req);
    }

    async function joinWithInvitation(file: string, cli: CliIo) {
      try {
        // PAMOJA_PASSPHRASE (the invite password here) also unlocks this store's secrets later.
        return joinSyncRegion(store, { invitation: file, password: cli.env.PAMOJA_PASSPHRASE });
      } catch (e) {
        // A protected invitation: ask for its password when none was set.
        if (e instanceof InvitationError && e.reason === 'needs_password' && !cli.env.PAMOJA_PASSPHRASE) {
          const password = await readPassphrase(cli);
          useUnlocker({ passphrase: password });
          return joinSyncRegion(store, { invitation: file, password });
        }
        throw e;
      }
    }
  },
};
