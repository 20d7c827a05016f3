import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../electron/services/sync/bundleFile.ts';
import { exportBundle, importBundleFile } from '../../electron/services/sync/bundles.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { fieldHistory } from '../../electron/services/sync/fieldHistory.ts';
import {
  MAILBOX_FOLDER,
  MAILBOX_KEEP_MS,
  mailboxFileName,
  syncFolder,
} from '../../electron/services/sync/mailbox.ts';
import { joinSyncRegion, syncDevices } from '../../electron/services/sync/service.ts';
import { readSyncLog } from '../../electron/services/sync/syncLog.ts';
import { tempDir, tempStore } from './helpers.ts';
import { seedRegion } from './syncHelpers.ts';

const PASS = 'mvua ya masika 2026';

describe('USB mailbox and bundle files', () => {
  it('three laptops sync through one folder; conflicting notes keep both versions; old bundles are cleared', async () => {
    const stick = tempDir();
    const clock = { t: 1_800_000_000_000 };
    const now = () => (clock.t += 1000);
    const a = tempStore({ now });
    const b = tempStore({ now });
    const c = tempStore({ now });
    const { session } = seedRegion(a);
    joinSyncRegion(a, { passphrase: PASS });

    const first = await syncFolder(a, stick);
    expect(first.written?.file).toBe(mailboxFileName(a.deviceId));
    // A new laptop joins from the bundle on the stick with the passphrase.
    const onB = await syncFolder(b, stick, { passphrase: PASS });
    expect(onB.failed).toEqual([]);
    expect(onB.imported).toHaveLength(1);
    expect(onB.imported[0]!.joined).toBe(true);
    expect(storeDigest(b)).toEqual(storeDigest(a));

    a.write((w) => w.update('sessions', session, { notes: 'notes typed on A' }));
    b.write((w) => w.update('sessions', session, { notes: 'notes typed on B' }));
    await syncFolder(b, stick);
    const back = await syncFolder(a, stick);
    expect(back.imported.map((i) => i.file)).toEqual([mailboxFileName(b.deviceId)]);
    await syncFolder(b, stick);
    expect(storeDigest(a)).toEqual(storeDigest(b));
    const versions = fieldHistory(a, 'sessions', session, 'notes').map((v) => v.value);
    expect(versions).toContain('notes typed on A');
    expect(versions).toContain('notes typed on B');

    // A laptop A and B have never heard of takes what is there (made for A and B) and leaves
    // its own bundle; once they have seen it, their next bundles carry all it lacks.
    const onC = await syncFolder(c, stick, { passphrase: PASS });
    expect(onC.failed).toEqual([]);
    expect(onC.imported.every((i) => i.joined || i.known >= 0)).toBe(true);
    await syncFolder(a, stick);
    await syncFolder(b, stick);
    await syncFolder(c, stick);
    expect(storeDigest(c)).toEqual(storeDigest(a));
    // Nothing new: a second sync takes nothing and says why.
    const quiet = await syncFolder(c, stick);
    expect(quiet.imported).toEqual([]);
    expect(quiet.skipped.every((s) => /already taken|own/.test(s.reason))).toBe(true);

    // A and B sync once more and then stop coming; a month on, C clears their bundles,
    // which every laptop it knows holds (young ones stay for laptops nobody has seen yet).
    await syncFolder(a, stick);
    await syncFolder(b, stick);
    expect((await syncFolder(c, stick)).cleared).toEqual([]);
    clock.t += MAILBOX_KEEP_MS;
    const last = await syncFolder(c, stick);
    expect(last.cleared.sort()).toEqual([mailboxFileName(a.deviceId), mailboxFileName(b.deviceId)].sort());
    const devices = syncDevices(a);
    expect(devices.find((d) => d.self)?.missing).toBeNull();
    expect(devices.filter((d) => !d.self).every((d) => d.missing === 0)).toBe(true);
    expect(readSyncLog(a).some((e) => e.action === 'import' && e.outcome === 'ok')).toBe(true);
    expect(readdirSync(join(stick, MAILBOX_FOLDER)).every((f) => f.endsWith('.pamoja'))).toBe(true);
  });

  it('a damaged bundle file is refused with its reason, logged, and leaves the store as it was', async () => {
    const dir = tempDir();
    const a = tempStore();
    const b = tempStore();
    seedRegion(a);
    joinSyncRegion(a, { passphrase: PASS });
    const file = join(dir, 'full.pamoja');
    await exportBundle(a, { kind: 'full' }, file);
    const bytes = readFileSync(file);
    const cut = join(dir, 'cut.pamoja');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 40));
    const before = storeDigest(b);
    await expect(importBundleFile(b, cut, { passphrase: PASS })).rejects.toBeInstanceOf(BundleError);
    expect(storeDigest(b)).toEqual(before);
    await expect(importBundleFile(b, file, { passphrase: 'not the passphrase' })).rejects.toMatchObject({
      reason: 'wrong_key',
    });
    expect(readSyncLog(b).filter((e) => e.outcome === 'failed')).toHaveLength(2);
    const ok = await importBundleFile(b, file, { passphrase: PASS });
    expect(ok.joined).toBe(true);
    expect(storeDigest(b)).toEqual(storeDigest(a));
  });
});
