import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../../electron/db/store.ts';
import { exportBundle, importBundleBytes, setDeviceName } from '../../../electron/services/sync/bundles.ts';
import { joinRegion } from '../../../electron/services/sync/identity.ts';
import { saveAddress } from '../../../electron/services/mail/addressBook.ts';
import { tempDir, tempStore } from '../helpers.ts';
import { seedRegion } from '../syncHelpers.ts';

export const PASSPHRASE = 'mangrove tide at Mnarani every June';

/**
 * Two laptops of one region: Amina's started it, Juma's joined from a full bundle. Each
 * knows the other's email address (as the address book would after the first mail).
 */
export async function twoLaptops(): Promise<{ a: Store; b: Store; seeded: ReturnType<typeof seedRegion> }> {
  const a = tempStore({}, 'amina.sqlite');
  const b = tempStore({}, 'juma.sqlite');
  const seeded = seedRegion(a);
  joinRegion(a, { regionId: seeded.region, regionName: 'Kilifi', passphrase: PASSPHRASE });
  setDeviceName(a, 'Amina’s laptop');
  setDeviceName(b, 'Juma’s laptop');
  const full = join(tempDir(), 'full.pamoja');
  await exportBundle(a, { kind: 'full' }, full);
  importBundleBytes(b, readFileSync(full), { file: 'full.pamoja', passphrase: PASSPHRASE });
  saveAddress(a, { kind: 'laptop', name: 'Juma', email: 'juma@example.org', deviceId: b.deviceId });
  saveAddress(b, { kind: 'laptop', name: 'Amina', email: 'amina@example.org', deviceId: a.deviceId });
  return { a, b, seeded };
}

/** Sessions with long notes that do not compress: a bundle of roughly `kb` kilobytes. */
export function bulkSessions(store: Store, clusterId: string, kb: number): void {
  store.write((w) => {
    for (let i = 0; i < Math.ceil(kb / 15); i++)
      w.insert('sessions', {
        cluster_id: clusterId,
        kind: 'meeting',
        mode: 'in_person',
        status: 'held',
        date: '2026-03-10',
        place: 'Mnarani',
        title: `Long meeting ${i}`,
        agenda: '',
        notes: randomBytes(15_000).toString('base64').slice(0, 20_000),
        host_school_id: null,
        enquiry_question: '',
        evidence: '',
        findings: '',
      });
  });
}
