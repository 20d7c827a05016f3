/**
 * An invitation file hands the region key to a new laptop without anyone typing the
 * passphrase. The key inside is always wrapped with an invite password (scrypt +
 * AES-256-GCM), given to the newcomer apart from the file. Files from older versions that
 * carry the key in clear (`protection: 'none'`) are still accepted, never written.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { PamojaError } from '../../../shared/errors.ts';
import type { Store } from '../../db/store.ts';
import { requireStrongPassphrase } from '../secrets/strength.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { keyCheckMatches, keyCheckValue, type RegionKey } from './bundleCrypto.ts';
import {
  b64,
  currentRegion,
  normalisePassphrase,
  REGION_SALT_BYTES,
  rememberRegion,
  SCRYPT_PARAMS,
} from './regionSecret.ts';

export type InvitationErrorReason = 'not_invitation' | 'needs_password' | 'wrong_password' | 'damaged';

const messages: Record<InvitationErrorReason, string> = {
  not_invitation: 'This file is not a Pamoja invitation.',
  needs_password: 'This invitation is protected: enter the password it was given with.',
  wrong_password: 'Wrong password for this invitation.',
  damaged: 'This invitation is damaged. Ask for a fresh one.',
};

export class InvitationError extends PamojaError {
  readonly reason: InvitationErrorReason;
  constructor(reason: InvitationErrorReason) {
    super('invalid', messages[reason]);
    this.name = 'InvitationError';
    this.reason = reason;
  }
}

const MAX_INVITATION_BYTES = 64 * 1024;

const Secret = z.discriminatedUnion('protection', [
  z.object({ protection: z.literal('none'), key: b64(32) }),
  z.object({ protection: z.literal('password'), salt: b64(16), nonce: b64(12), sealed: b64(48) }),
]);
const Invitation = z.object({
  format: z.literal('pamoja-invitation'),
  version: z.literal(1),
  regionId: z.string().min(1).max(200),
  regionName: z.string().max(200),
  regionSalt: b64(REGION_SALT_BYTES),
  /** The region key's scrypt cost (absent: 15, from before format 2). */
  regionKdf: z.union([z.literal(15), z.literal(17)]).optional(),
  keyCheck: b64(16),
  createdAt: z.string().max(40),
  fromDevice: z.string().max(200),
  secret: Secret,
});
type Invitation = z.infer<typeof Invitation>;

function wrappingKey(password: string, salt: Buffer): Buffer {
  const secret = normalisePassphrase(password);
  if (secret === '') throw new PamojaError('invalid', 'The invitation password is empty.');
  return scryptSync(secret, Buffer.concat([salt, Buffer.from('\0pamoja invitation')]), 32, SCRYPT_PARAMS);
}

/** The AAD binds the wrapped key to the region it claims to be for. */
function invitationAad(regionId: string, keyCheck: string): Buffer {
  return Buffer.from(`pamoja-invitation-v1\0${regionId}\0${keyCheck}`, 'utf8');
}

/** Writes an invitation to this laptop's region (atomically), its key wrapped with `invitePassword`. */
export async function writeInvitation(store: Store, path: string, invitePassword: string): Promise<void> {
  if (normalisePassphrase(invitePassword ?? '') === '')
    throw new PamojaError(
      'invalid',
      'An invitation needs a password, given to the newcomer apart from the file: the file never carries the region key in clear.',
      'password',
    );
  const region = currentRegion(store);
  if (!region)
    throw new PamojaError('invalid', 'This laptop has not joined a region yet, so it cannot invite anyone.');
  // The file may be lost on the way: its password must stand up to guessing offline.
  await requireStrongPassphrase(invitePassword, [region.regionName, region.regionId], 'password');
  const keyCheck = keyCheckValue(region.key);
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(invitePassword, salt), nonce);
  cipher.setAAD(invitationAad(region.regionId, keyCheck));
  const sealed = Buffer.concat([cipher.update(region.key.key), cipher.final(), cipher.getAuthTag()]);
  const secret: Invitation['secret'] = {
    protection: 'password',
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    sealed: sealed.toString('base64'),
  };
  const invitation: Invitation = {
    format: 'pamoja-invitation',
    version: 1,
    regionId: region.regionId,
    regionName: region.regionName,
    regionSalt: region.key.salt!,
    ...(region.key.kdf === 17 ? { regionKdf: 17 as const } : {}),
    keyCheck,
    createdAt: new Date().toISOString(),
    fromDevice: store.deviceId,
    secret,
  };
  await writeFileAtomic(path, Buffer.from(JSON.stringify(invitation, null, 2) + '\n'));
}

/** Joins this laptop to the invitation's region and remembers its key. */
export function acceptInvitation(store: Store, path: string, invitePassword?: string): RegionKey {
  const invitation = readInvitation(path);
  const key = unwrapKey(invitation, invitePassword);
  const region: RegionKey = {
    regionId: invitation.regionId,
    key,
    salt: invitation.regionSalt,
    kdf: invitation.regionKdf ?? 15,
  };
  if (!keyCheckMatches(region, invitation.keyCheck)) throw new InvitationError('damaged');
  rememberRegion(store, invitation.regionName, region);
  return region;
}

function readInvitation(path: string): Invitation {
  let text: string;
  try {
    if (statSync(path).size > MAX_INVITATION_BYTES) throw new InvitationError('not_invitation');
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof InvitationError) throw e;
    throw new PamojaError('unavailable', `Cannot read ${path}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvitationError('not_invitation');
  }
  if ((value as { format?: unknown } | null)?.format !== 'pamoja-invitation')
    throw new InvitationError('not_invitation');
  const parsed = Invitation.safeParse(value);
  if (!parsed.success) throw new InvitationError('damaged');
  return parsed.data;
}

function unwrapKey(invitation: Invitation, password: string | undefined): Buffer {
  const secret = invitation.secret;
  if (secret.protection === 'none') return Buffer.from(secret.key, 'base64');
  if (password === undefined || normalisePassphrase(password) === '')
    throw new InvitationError('needs_password');
  const sealed = Buffer.from(secret.sealed, 'base64');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    wrappingKey(password, Buffer.from(secret.salt, 'base64')),
    Buffer.from(secret.nonce, 'base64'),
  );
  decipher.setAAD(invitationAad(invitation.regionId, invitation.keyCheck));
  decipher.setAuthTag(sealed.subarray(32));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, 32)), decipher.final()]);
  } catch {
    throw new InvitationError('wrong_password');
  }
}
