import { PamojaError } from '../../../shared/errors.ts';
import { addressProblems, normaliseEmail } from '../../../shared/mail/addressChecks.ts';
import { EmailAddress, type AddressKind } from '../../../shared/mail/settings.ts';
import { problemText } from '../../../shared/region/messages.ts';
import type { Store } from '../../db/store.ts';
import { getPeer } from '../sync/knowledgeStore.ts';

/**
 * Who mail can go to: laptops (a device and its coach, so a bundle can be made for what that
 * laptop is known to hold), coaches, and officials who receive reports. Local to this laptop.
 */
export interface Address {
  id: number;
  kind: AddressKind;
  name: string;
  email: string;
  deviceId: string | null;
  addedAt: string;
}

interface AddressRow {
  id: number;
  kind: AddressKind;
  name: string;
  email: string;
  device_id: string | null;
  added_at: string;
}

const toAddress = (r: AddressRow): Address => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  email: r.email,
  deviceId: r.device_id,
  addedAt: r.added_at,
});

export { normaliseEmail };

function checkedEmail(email: string): string {
  const parsed = EmailAddress.safeParse(email.trim());
  if (!parsed.success) throw new PamojaError('invalid', `“${email}” is not an email address.`, 'email');
  return normaliseEmail(parsed.data);
}

export function listAddresses(store: Store): Address[] {
  return (
    store.statements.get('SELECT * FROM mail_addresses ORDER BY kind, name, email').all() as AddressRow[]
  ).map(toAddress);
}

/**
 * Adds an address (or updates the one with the same kind and email), or with `id` edits that
 * entry. Checked as the address book form checks it (shared/mail/addressChecks.ts).
 */
export function saveAddress(
  store: Store,
  input: {
    id?: number | undefined;
    kind: AddressKind;
    name: string;
    email: string;
    deviceId?: string | null | undefined;
  },
): Address {
  const editing = input.id;
  if (
    editing !== undefined &&
    !store.statements.get('SELECT 1 FROM mail_addresses WHERE id = ?').get(editing)
  )
    throw new PamojaError('not_found', 'That address is no longer in the address book.');
  const others =
    editing === undefined
      ? [] // a new entry with a known kind and email updates that one
      : (store.statements.get('SELECT kind, email FROM mail_addresses WHERE id != ?').all(editing) as {
          kind: string;
          email: string;
        }[]);
  const fields = { kind: input.kind, name: input.name, email: input.email, deviceId: input.deviceId ?? '' };
  const problem = addressProblems(fields, others, store.deviceId)[0];
  if (problem)
    throw new PamojaError(
      'invalid',
      `${problem.field}: ${problemText('en', problem.problem)}`,
      problem.field,
    );
  const email = normaliseEmail(input.email);
  const deviceId = input.kind === 'laptop' ? (input.deviceId ?? null) : null;
  const name = input.name.trim();
  if (editing !== undefined) {
    store.statements
      .get('UPDATE mail_addresses SET kind = ?, name = ?, email = ?, device_id = ? WHERE id = ?')
      .run(input.kind, name, email, deviceId, editing);
    return toAddress(
      store.statements.get('SELECT * FROM mail_addresses WHERE id = ?').get(editing) as AddressRow,
    );
  }
  const at = new Date(store.clock.now()).toISOString();
  store.statements
    .get(
      `INSERT INTO mail_addresses (kind, name, email, device_id, added_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(kind, email) DO UPDATE SET name = excluded.name, device_id = excluded.device_id`,
    )
    .run(input.kind, name, email, deviceId, at);
  return toAddress(
    store.statements
      .get('SELECT * FROM mail_addresses WHERE kind = ? AND email = ?')
      .get(input.kind, email) as AddressRow,
  );
}

export function removeAddress(store: Store, id: number): void {
  const r = store.statements.get('DELETE FROM mail_addresses WHERE id = ?').run(id);
  if (r.changes === 0) throw new PamojaError('not_found', 'That address is no longer in the address book.');
}

/**
 * Learns a laptop's address from a bundle that came by email from it, so a reply (and the
 * next bundle) can be made for what that laptop holds. An address the coach typed wins.
 */
export function learnLaptopAddress(store: Store, deviceId: string, name: string, email: string): void {
  if (deviceId === store.deviceId || !EmailAddress.safeParse(email).success) return;
  const known = store.statements
    .get("SELECT 1 FROM mail_addresses WHERE kind = 'laptop' AND device_id = ?")
    .get(deviceId);
  if (known) return;
  store.statements
    .get(
      `INSERT INTO mail_addresses (kind, name, email, device_id, added_at) VALUES ('laptop', ?, ?, ?, ?)
       ON CONFLICT(kind, email) DO UPDATE SET device_id = excluded.device_id, name = excluded.name`,
    )
    .run(name.slice(0, 200), normaliseEmail(email), deviceId, new Date(store.clock.now()).toISOString());
}

/** Where a message goes and, for a laptop, which device the bundle is made for. */
export interface Recipient {
  email: string;
  name: string;
  deviceId: string | null;
}

/**
 * `to` is an email address or a laptop's device id (as `pamoja list devices` shows). An
 * address the book ties to a laptop gets a bundle for that laptop; another address gets
 * the bundle for every laptop this one knows of.
 */
export function resolveRecipient(store: Store, to: string): Recipient {
  const text = to.trim();
  if (text.includes('@')) {
    const email = checkedEmail(text);
    const row = store.statements
      .get("SELECT * FROM mail_addresses WHERE email = ? ORDER BY kind = 'laptop' DESC LIMIT 1")
      .get(email) as AddressRow | undefined;
    return { email, name: row?.name ?? '', deviceId: row?.device_id ?? null };
  }
  const row = store.statements
    .get("SELECT * FROM mail_addresses WHERE kind = 'laptop' AND device_id = ?")
    .get(text) as AddressRow | undefined;
  if (row) return { email: row.email, name: row.name, deviceId: text };
  const device = store.statements.get('SELECT name FROM devices WHERE device_id = ?').get(text) as
    { name: string } | undefined;
  const name = device?.name || getPeer(store, text)?.name;
  if (device || name !== undefined)
    throw new PamojaError(
      'invalid',
      `No email address is known for the laptop ${name || text}: add it to the address book first.`,
      'to',
    );
  throw new PamojaError('invalid', `“${to}” is neither an email address nor a laptop this one knows.`, 'to');
}
