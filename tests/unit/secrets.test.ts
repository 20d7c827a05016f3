import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { runCli } from '../../electron/cli/main.ts';
import { openStore, type Store } from '../../electron/db/store.ts';
import { takeBackup } from '../../electron/services/backups/snapshot.ts';
import { createContext } from '../../electron/services/context.ts';
import { keySealer, systemSealer } from '../../electron/services/secrets/sealer.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { handlers } from '../../electron/services/index.ts';
import {
  forgetUnlocker,
  unlockAtStart,
  useUnlocker,
  vaultState,
} from '../../electron/services/secrets/vault.ts';
import { exportBundle, importBundleFile } from '../../electron/services/sync/bundles.ts';
import {
  acceptInvitation,
  currentRegion,
  currentRegionKey,
  deviceIdentity,
  joinRegion,
  writeInvitation,
} from '../../electron/services/sync/identity.ts';
import { tempDir, tempStore } from './helpers.ts';
import { testSystemSealer } from './secretsSetup.ts';
import { seedRegion } from './syncHelpers.ts';

const PASSPHRASE = 'mangrove tide at Watamu';

afterEach(() => {
  // Back to "the app on this computer account" for the next test.
  forgetUnlocker();
  useUnlocker({ system: testSystemSealer });
});

/** Amina's laptop: a region started with its passphrase, a signing key made by exporting once. */
async function aminasLaptop(
  dir = tempDir(),
): Promise<{ store: Store; file: string; regionKey: Buffer; signingKey: Buffer }> {
  const file = join(dir, 'amina.sqlite');
  const store = openStore(file);
  const seeded = seedRegion(store);
  joinRegion(store, { regionId: seeded.region, regionName: 'Kilifi', passphrase: PASSPHRASE });
  await exportBundle(store, { kind: 'full' }, join(dir, 'full.pamoja'));
  const regionKey = currentRegionKey(store)!.key;
  const signingKey = deviceIdentity(store).privateKey.export({ format: 'der', type: 'pkcs8' });
  return { store, file, regionKey, signingKey };
}

/** The store file, its WAL and shared memory as bytes: what a thief copies. */
function fileBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((f) => readFileSync(f)));
}

function expectNowhereIn(bytes: Buffer, secret: Buffer): void {
  expect(bytes.includes(secret)).toBe(false);
  expect(bytes.includes(Buffer.from(secret.toString('base64')))).toBe(false);
  expect(bytes.includes(Buffer.from(secret.toString('hex')))).toBe(false);
}

/** A copy of the store as a thief would take it: the closed file, nothing else. */
function stolenCopy(store: Store, file: string): string {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const copy = join(tempDir(), 'stolen.sqlite');
  copyFileSync(file, copy);
  return copy;
}

describe('secrets at rest', () => {
  it('the region key and the signing key are nowhere in the store file or its WAL', async () => {
    const { store, file, regionKey, signingKey } = await aminasLaptop();
    expectNowhereIn(fileBytes(file), regionKey);
    expectNowhereIn(fileBytes(file), signingKey);
    expect(store.getMeta('device_signing_key')).toBeUndefined();
    expect(JSON.parse(store.getMeta('sync_region')!)).not.toHaveProperty('key');
    // The public half stays in clear, so opening the store finds its identity without unsealing.
    expect(store.getMeta('device_public_key')).toBe(deviceIdentity(store).publicKeyRaw);
    store.close();
  });

  it('a copied store file without the sealed secret or the passphrase can neither open a bundle nor sign one', async () => {
    const dir = tempDir();
    const { store, file } = await aminasLaptop(dir);
    const copy = stolenCopy(store, file);

    // Another computer: no safeStorage of Amina's account, no passphrase.
    forgetUnlocker();
    const thief = openStore(copy);
    expect(vaultState(thief)).toBe('locked');
    expect(() => currentRegion(thief)).toThrow(/sealed/);
    expect(() => deviceIdentity(thief)).toThrow(/sealed/);
    await expect(exportBundle(thief, { kind: 'full' }, join(dir, 'forged.pamoja'))).rejects.toThrow(/sealed/);
    expect(existsSync(join(dir, 'forged.pamoja'))).toBe(false);
    // Nor can it read the region's bundles (here one of Amina's own, as if from another laptop).
    const before = thief.db.prepare('SELECT count(*) AS n FROM changes').get();
    await expect(importBundleFile(thief, join(dir, 'full.pamoja'))).rejects.toThrow(/sealed/);
    expect(thief.db.prepare('SELECT count(*) AS n FROM changes').get()).toEqual(before);

    // Another account's sealer does not open it either: only the passphrase would.
    useUnlocker({ system: { ...keySealer(Buffer.alloc(32, 7)), kind: 'system' } });
    const other = openStore(copy);
    expect(() => deviceIdentity(other)).toThrow(/sealed: give the region passphrase/);
    // A wrong passphrase is told apart from none.
    useUnlocker({ passphrase: 'mangrove tide at Malindi' });
    const guess = openStore(copy);
    expect(() => currentRegion(guess)).toThrow(/Wrong passphrase/);
    [thief, other, guess].forEach((s) => s.close());
  });

  it('the region passphrase opens the copy (as the CLI and serve do), with the same keys', async () => {
    const { store, file, regionKey, signingKey } = await aminasLaptop();
    const copy = stolenCopy(store, file);
    forgetUnlocker();
    useUnlocker({ passphrase: PASSPHRASE });
    const cli = openStore(copy);
    expect(currentRegionKey(cli)!.key).toEqual(regionKey);
    expect(deviceIdentity(cli).privateKey.export({ format: 'der', type: 'pkcs8' })).toEqual(signingKey);
    await exportBundle(cli, { kind: 'peer' }, join(tempDir(), 'peer.pamoja'));
    cli.close();
  });

  it('keys an older Pamoja kept in clear are sealed and wiped on the first open that can seal', async () => {
    const dir = tempDir();
    const { store, file, regionKey, signingKey } = await aminasLaptop(dir);
    const publicKey = deviceIdentity(store).publicKeyRaw;
    // Put the store back as an older version kept it.
    store.db
      .prepare(
        "DELETE FROM meta WHERE key IN ('secrets_vault', 'secret:region_key', 'secret:signing_key', 'device_public_key')",
      )
      .run();
    const region = JSON.parse(store.getMeta('sync_region')!);
    store.setMeta('sync_region', JSON.stringify({ ...region, key: regionKey.toString('base64') }));
    store.setMeta('device_signing_key', signingKey.toString('base64'));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    expect(fileBytes(file).includes(Buffer.from(regionKey.toString('base64')))).toBe(true);

    // Without any way to seal (serve with no passphrase) it still works as before, in clear.
    forgetUnlocker();
    const unsealed = openStore(file);
    expect(currentRegionKey(unsealed)!.key).toEqual(regionKey);
    unsealed.close();

    useUnlocker({ passphrase: PASSPHRASE });
    const opened = openStore(file);
    expect(unlockAtStart(opened)).toBeNull(); // what the app and serve do on opening
    expect(vaultState(opened)).toBe('open');
    expect(opened.getMeta('device_signing_key')).toBeUndefined();
    expect(JSON.parse(opened.getMeta('sync_region')!)).not.toHaveProperty('key');
    opened.close();
    expectNowhereIn(fileBytes(file), regionKey);
    expectNowhereIn(fileBytes(file), signingKey);

    // Same keys afterwards: bundles still open, the laptop keeps its identity, whose public half stays in clear.
    const again = openStore(file);
    expect(again.getMeta('device_public_key')).toBe(publicKey);
    expect(currentRegionKey(again)!.key).toEqual(regionKey);
    expect(deviceIdentity(again).publicKeyRaw).toBe(publicKey);
    again.close();
  });

  it('the job worker gets the store key in memory: exports and imports run there, nothing in clear on disk', async () => {
    const dir = tempDir();
    const { store, file, regionKey, signingKey } = await aminasLaptop(dir);
    const ctx = createContext(store, dir, 'ipc');
    const out = await ctx.jobs.run('sync.export', { kind: 'full', path: join(dir, 'job.pamoja') });
    expect(out.changes).toBeGreaterThan(0);

    const juma = tempStore({}, 'juma.sqlite');
    const jumaCtx = createContext(juma, dir, 'ipc');
    // Joining through the worker with the passphrase: the worker seals the key it derived.
    await jumaCtx.jobs.run('sync.import', { path: join(dir, 'job.pamoja'), passphrase: PASSPHRASE });
    expect(currentRegionKey(juma)!.key).toEqual(regionKey);
    expectNowhereIn(fileBytes(juma.file), regionKey);
    expectNowhereIn(fileBytes(file), signingKey);
    await ctx.jobs.close();
    await jumaCtx.jobs.close();
    store.close();
  });

  it('invitations carry the key wrapped only; the newcomer keeps it sealed', async () => {
    const { store, regionKey } = await aminasLaptop();
    const invite = join(tempDir(), 'kilifi.pamoja-invite');
    await writeInvitation(store, invite, 'chai saa kumi jioni');
    expectNowhereIn(readFileSync(invite), regionKey);
    const newcomer = tempStore({}, 'newcomer.sqlite');
    acceptInvitation(newcomer, invite, 'chai saa kumi jioni');
    expect(currentRegionKey(newcomer)!.key).toEqual(regionKey);
    expectNowhereIn(fileBytes(newcomer.file), regionKey);
    store.close();
  });
});

describe('file modes', () => {
  const mode = (f: string) => statSync(f).mode & 0o777;

  it('the store, its WAL and shared memory, and backups are readable by the owner only', async () => {
    const { store, file } = await aminasLaptop();
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    const backup = await takeBackup(store, 'manual');
    expect(mode(backup.path)).toBe(0o600);
    const folder = join(file, '..', 'backups');
    expect(mode(folder)).toBe(0o700);
    for (const f of readdirSync(folder)) expect(mode(join(folder, f))).toBe(0o600);
    store.close();
  });

  it('an older store readable by all is narrowed on opening', () => {
    const file = join(tempDir(), 'old.sqlite');
    openStore(file).close();
    chmodSync(file, 0o644);
    writeFileSync(`${file}-wal`, '');
    chmodSync(`${file}-wal`, 0o644);
    const store = openStore(file);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    store.close();
  });
});

describe('the CLI', () => {
  async function run(env: Record<string, string>, argv: string[], prompt?: () => Promise<string>) {
    let err = '';
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (t) => void (err += t),
      env,
      progress: () => undefined,
      ...(prompt ? { promptSecret: prompt } : {}),
    };
    // Each CLI run is its own process: no system sealer, nothing unlocked before.
    forgetUnlocker();
    return { code: await runCli(argv, io), err };
  }

  it('unlocks with PAMOJA_PASSPHRASE or the prompt; without either, or with a wrong one, it says so and writes nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.sqlite');
    const seed = openStore(db);
    seedRegion(seed);
    seed.close();
    expect((await run({ PAMOJA_PASSPHRASE: PASSPHRASE }, ['join', '--db', db])).code).toBe(0);
    const out = join(dir, 'x.pamoja');
    const exportTo = (file: string) => ['export', '--db', db, '--out', file, '--full'];

    const none = await run({}, exportTo(out));
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/No passphrase: set PAMOJA_PASSPHRASE/);
    const wrong = await run({ PAMOJA_PASSPHRASE: 'mangrove tide at Malindi' }, exportTo(out));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/Wrong passphrase/);
    expect(existsSync(out)).toBe(false);

    expect((await run({ PAMOJA_PASSPHRASE: PASSPHRASE }, exportTo(out))).code).toBe(0);
    let asked = 0;
    const prompted = await run({}, exportTo(join(dir, 'y.pamoja')), () => {
      asked++;
      return Promise.resolve(PASSPHRASE);
    });
    expect(prompted.code).toBe(0);
    expect(asked).toBe(1);
  });
});

describe("Electron's safeStorage as the system sealer", () => {
  /** What safeStorage does, as far as Pamoja can tell: bytes only this account can turn back. */
  function fakeSafeStorage(backend = 'gnome_libsecret') {
    const key = keySealer(Buffer.alloc(32, 9), 'fake safeStorage');
    return {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => backend,
      encryptString: (text: string) => Buffer.from(key.seal(Buffer.from(text, 'utf8'))),
      decryptString: (sealed: Buffer) => {
        const opened = key.open(sealed);
        if (!opened)
          throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return Buffer.from(opened).toString('utf8');
      },
    };
  }

  it('seals and opens any bytes; refuses to stand in when the system offers no real protection', () => {
    const sealer = systemSealer(fakeSafeStorage())!;
    const secret = Buffer.from([0, 255, 1, 254, 10, 13]);
    const sealed = sealer.seal(secret);
    expect(Buffer.from(sealed).includes(secret)).toBe(false);
    expect(Buffer.from(sealer.open(sealed)!)).toEqual(secret);
    expect(sealer.open(Buffer.from('not sealed here'))).toBeNull();
    expect(systemSealer({ ...fakeSafeStorage(), isEncryptionAvailable: () => false })).toBeNull();
    // Chromium's fixed-key fallback on a Linux desktop without a keyring protects nothing.
    expect(systemSealer(fakeSafeStorage('basic_text'))).toBeNull();
  });

  it('the app keeps the SMTP password sealed by it, nowhere in the store file; the CLI and serve keep none', async () => {
    const dir = tempDir();
    const { store, file } = await aminasLaptop(dir);
    const app = createContext(store, dir, 'ipc', undefined, { sealer: systemSealer(fakeSafeStorage()) });
    const settings = {
      smtp: { host: 'smtp.example.org', port: 587, security: 'starttls', user: 'amina' },
      from: 'amina@example.org',
      fromName: 'Amina',
      imap: null,
      allowUnencrypted: false,
      ca: '',
      attachmentLimit: 10 * 1024 * 1024,
    };
    const saved = await dispatch(handlers, app, 'mail.saveSettings', {
      settings,
      smtpPassword: 'mvua-ya-masika-pw',
    });
    expect(saved).toMatchObject({ ok: true, value: { keepsPasswords: true, smtpPasswordReady: true } });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileBytes(file).includes(Buffer.from('mvua-ya-masika-pw'))).toBe(false);

    // serve (and the CLI) have no system sealer: a password is never stored there.
    const served = createContext(store, dir, 'http');
    expect(await dispatch(handlers, served, 'mail.settings', {})).toMatchObject({
      ok: true,
      value: { keepsPasswords: false },
    });
    store.close();
  });
});

describe('opening sealed keys on screen', () => {
  it('serve started without the passphrase shows the keys locked; a wrong passphrase is told, the right one opens them', async () => {
    const dir = tempDir();
    const { store, file } = await aminasLaptop(dir);
    store.close();
    forgetUnlocker(); // serve, started with no PAMOJA_PASSPHRASE
    const reopened = openStore(file);
    const ctx = createContext(reopened, dir, 'http');
    expect(await dispatch(handlers, ctx, 'sync.status', {})).toMatchObject({
      ok: true,
      value: { keys: 'locked' },
    });
    const wrong = await dispatch(handlers, ctx, 'sync.unlock', { passphrase: 'mangrove tide at Malindi' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/Wrong passphrase/) },
    });
    expect(await dispatch(handlers, ctx, 'sync.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
    });
    expect(await dispatch(handlers, ctx, 'sync.status', {})).toMatchObject({
      ok: true,
      value: { keys: 'open' },
    });
    await exportBundle(reopened, { kind: 'peer' }, join(dir, 'after-unlock.pamoja'));
    reopened.close();
  });

  it('a laptop that has no keys yet says so rather than locked', async () => {
    const ctx = createContext(tempStore(), tempDir(), 'http');
    expect(await dispatch(handlers, ctx, 'sync.status', {})).toMatchObject({
      ok: true,
      value: { keys: 'none' },
    });
  });
});
