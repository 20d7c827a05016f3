import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/db/store.ts';
import {
  decodeBundle,
  encodeBundle,
  inspectBundle,
  type BundleError,
} from '../../electron/services/sync/bundleFile.ts';
import {
  acceptInvitation,
  currentRegion,
  currentRegionKey,
  deviceIdentity,
  InvitationError,
  joinRegion,
  joinRegionFromBundle,
  regionKeyFromPassphrase,
  writeInvitation,
} from '../../electron/services/sync/identity.ts';
import type { Store } from '../../electron/db/store.ts';
import { headerBytes, headerFor } from './bundleFileHelpers.ts';
import { tempDir, tempStore } from './helpers.ts';

const PASSPHRASE = 'mangrove tide at Watamu';
const joinKilifi = (store: Store) =>
  joinRegion(store, { regionId: 'region-kilifi', regionName: 'Kilifi', passphrase: PASSPHRASE });

function bundleFrom(store: Store, text = 'changes') {
  const sender = deviceIdentity(store);
  const region = currentRegionKey(store)!;
  return encodeBundle(headerFor(sender, region), Buffer.from(text), region, sender);
}

function invitationError(fn: () => unknown): InvitationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvitationError) return e;
    throw e;
  }
  throw new Error('expected an InvitationError');
}

describe('device identity', () => {
  it('is created once and stays the same across reopening the store', () => {
    const file = join(tempDir(), 'a.sqlite');
    const first = openStore(file);
    const identity = deviceIdentity(first);
    expect(deviceIdentity(first)).toBe(identity);
    expect(identity.deviceId).toBe(first.deviceId);
    expect(Buffer.from(identity.publicKeyRaw, 'base64')).toHaveLength(32);
    first.close();
    const again = openStore(file);
    const reopened = deviceIdentity(again);
    expect(reopened.publicKeyRaw).toBe(identity.publicKeyRaw);
    expect(reopened.deviceId).toBe(identity.deviceId);
    // The key kept on disk still signs: a bundle from the reopened store verifies.
    joinKilifi(again);
    expect(Buffer.from(decodeBundle(bundleFrom(again), currentRegionKey(again)!).payload).toString()).toBe(
      'changes',
    );
    again.close();
  });

  it('differs between laptops', () => {
    expect(deviceIdentity(tempStore()).publicKeyRaw).not.toBe(deviceIdentity(tempStore()).publicKeyRaw);
  });

  it('refuses to run with a damaged stored key rather than silently making a new one', () => {
    const store = tempStore();
    store.setMeta(store.getMeta('secret:signing_key') ? 'secret:signing_key' : 'device_signing_key', 'AAAA');
    expect(() => deviceIdentity(store)).toThrow(/signing key .* is damaged/);
  });
});

describe('region key', () => {
  const salt = Buffer.alloc(16, 3);

  it('is derived from the passphrase, the salt and the region', () => {
    const key = regionKeyFromPassphrase('r1', PASSPHRASE, salt);
    expect(key.key).toHaveLength(32);
    expect(regionKeyFromPassphrase('r1', PASSPHRASE, salt).key).toEqual(key.key);
    expect(regionKeyFromPassphrase('r1', `  ${PASSPHRASE} `, salt).key).toEqual(key.key); // outer spaces ignored
    expect(regionKeyFromPassphrase('r1', 'Cafe\u0301 au lait 7', salt).key).toEqual(
      regionKeyFromPassphrase('r1', 'Caf\u00e9 au lait 7', salt).key, // same text, other Unicode form
    );
    expect(regionKeyFromPassphrase('r2', PASSPHRASE, salt).key).not.toEqual(key.key);
    expect(regionKeyFromPassphrase('r1', PASSPHRASE, Buffer.alloc(16, 4)).key).not.toEqual(key.key);
    expect(regionKeyFromPassphrase('r1', PASSPHRASE + '!', salt).key).not.toEqual(key.key);
  });

  it('is remembered on joining, across reopening, and one laptop keeps one region', () => {
    const file = join(tempDir(), 'a.sqlite');
    const store = openStore(file);
    expect(currentRegionKey(store)).toBeNull();
    expect(() => joinRegion(store, { regionId: 'r', regionName: 'R', passphrase: 'short' })).toThrow(
      /at least 8/,
    );
    const key = joinKilifi(store);
    store.close();
    const again = openStore(file);
    expect(currentRegion(again)).toEqual({ regionId: 'region-kilifi', regionName: 'Kilifi', key });
    expect(() =>
      joinRegion(again, { regionId: 'region-gicumbi', regionName: 'Gicumbi', passphrase: PASSPHRASE }),
    ).toThrow('This laptop already belongs to the region Kilifi.');
    again.close();
  });

  it('lets a coach join from a bundle with only the passphrase, and refuses a wrong one at once', () => {
    const amina = tempStore();
    joinKilifi(amina);
    const bytes = bundleFrom(amina, 'from Amina');
    const header = inspectBundle(bytes);

    const baraka = tempStore();
    let error: unknown;
    try {
      joinRegionFromBundle(baraka, header, 'mangrove tide at Malindi');
    } catch (e) {
      error = e;
    }
    expect((error as BundleError).reason).toBe('wrong_key');
    expect((error as BundleError).message).toBe('Wrong passphrase for this region.');
    expect(currentRegionKey(baraka)).toBeNull(); // nothing remembered

    const key = joinRegionFromBundle(baraka, header, PASSPHRASE);
    expect(Buffer.from(decodeBundle(bytes, key).payload).toString()).toBe('from Amina');
    expect(currentRegionKey(baraka)!.key).toEqual(currentRegionKey(amina)!.key);
  });

  it('a region started with format 2 costs N = 2^17 per guess, named in its bundles as one of two allowed costs', () => {
    const amina = tempStore();
    joinKilifi(amina);
    const region = currentRegionKey(amina)!;
    expect(region.kdf).toBe(17);
    const salt = Buffer.from(region.salt!, 'base64');
    expect(regionKeyFromPassphrase(region.regionId, PASSPHRASE, salt, 17).key).toEqual(region.key);
    expect(regionKeyFromPassphrase(region.regionId, PASSPHRASE, salt, 15).key).not.toEqual(region.key);
    const bytes = bundleFrom(amina, 'x');
    expect(inspectBundle(bytes).regionKdf).toBe(17);
    // A laptop joining from its bundle derives at the cost the bundle names, and sends it on.
    const baraka = tempStore();
    expect(joinRegionFromBundle(baraka, inspectBundle(bytes), PASSPHRASE).key).toEqual(region.key);
    expect(inspectBundle(bundleFrom(baraka, 'y')).regionKdf).toBe(17);
    // No other cost can be asked for: a header naming 2^20 is damage.
    const asking = headerBytes({ ...inspectBundle(bytes), regionKdf: 20 });
    expect(() => inspectBundle(asking)).toThrow(/damaged/);
    expect(inspectBundle(headerBytes({ ...inspectBundle(bytes) })).regionKdf).toBe(17);
  });
});

describe('invitations', () => {
  it('carry the region key to a new laptop behind an invite password', async () => {
    const amina = tempStore();
    joinKilifi(amina);
    const file = join(tempDir(), 'kilifi.pamoja-invite');
    await writeInvitation(amina, file, 'tea at four by the baobab');
    expect(readFileSync(file, 'utf8')).not.toContain(currentRegionKey(amina)!.key.toString('base64'));

    const baraka = tempStore();
    expect(invitationError(() => acceptInvitation(baraka, file)).reason).toBe('needs_password');
    const wrong = invitationError(() => acceptInvitation(baraka, file, 'tea at five by the baobab'));
    expect(wrong.reason).toBe('wrong_password');
    expect(wrong.message).toBe('Wrong password for this invitation.');
    expect(currentRegionKey(baraka)).toBeNull();

    const key = acceptInvitation(baraka, file, 'tea at four by the baobab');
    expect(key.key).toEqual(currentRegionKey(amina)!.key);
    expect(currentRegion(baraka)!.regionName).toBe('Kilifi');
    expect(Buffer.from(decodeBundle(bundleFrom(amina, 'hello Baraka'), key).payload).toString()).toBe(
      'hello Baraka',
    );
    // And the other way: Baraka's bundles open on Amina's laptop.
    expect(
      Buffer.from(
        decodeBundle(bundleFrom(baraka, 'hello Amina'), currentRegionKey(amina)!).payload,
      ).toString(),
    ).toBe('hello Amina');
  });

  it('are never written without a password; an older one with the key as is is still taken, a damaged one refused', async () => {
    const amina = tempStore();
    joinKilifi(amina);
    const dir = tempDir();
    const file = join(dir, 'open.pamoja-invite');
    await expect(writeInvitation(amina, file, '  ')).rejects.toThrow(/needs a password/);
    expect(existsSync(file)).toBe(false);

    // What an older Pamoja wrote: the key in clear.
    await writeInvitation(amina, file, 'tea at four by the baobab');
    const invitation = JSON.parse(readFileSync(file, 'utf8'));
    invitation.secret = { protection: 'none', key: currentRegionKey(amina)!.key.toString('base64') };
    writeFileSync(join(dir, 'old'), JSON.stringify(invitation));
    expect(acceptInvitation(tempStore(), join(dir, 'old')).key).toEqual(currentRegionKey(amina)!.key);

    invitation.secret.key = Buffer.alloc(32, 1).toString('base64');
    writeFileSync(join(dir, 'bad'), JSON.stringify(invitation));
    expect(invitationError(() => acceptInvitation(tempStore(), join(dir, 'bad'))).reason).toBe('damaged');
    writeFileSync(join(dir, 'text'), 'just some notes');
    expect(invitationError(() => acceptInvitation(tempStore(), join(dir, 'text'))).reason).toBe(
      'not_invitation',
    );
  });

  it('cannot be written before the laptop has joined a region', async () => {
    await expect(
      writeInvitation(tempStore(), join(tempDir(), 'x'), 'tea at four by the baobab'),
    ).rejects.toThrow(/has not joined a region/);
  });
});
