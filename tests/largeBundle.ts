import { join } from 'node:path';
import { openStore, type Store } from '../electron/db/store.ts';
import { generateDemo } from '../electron/demo/generate.ts';
import { exportBundle } from '../electron/services/sync/bundles.ts';
import { storeDigest } from '../electron/services/sync/digest.ts';
import { joinSyncRegion } from '../electron/services/sync/service.ts';

export const LARGE_BUNDLE_PASSPHRASE = 'the long rains came early';

/**
 * A full bundle big enough that importing it takes a while (for the tests that watch a
 * long import): the demo region plus `extraSchools` schools spread over its CoPs, each
 * written through the write path like a coach's own. Returns the synced digest it holds.
 *
 *   node tests/largeBundle.ts OUT.pamoja EXTRA_SCHOOLS
 */
export async function writeLargeBundle(out: string, extraSchools: number, workDir: string): Promise<string> {
  const sender: Store = openStore(join(workDir, 'large-bundle-sender.sqlite'));
  try {
    joinSyncRegion(sender, { passphrase: LARGE_BUNDLE_PASSPHRASE, regionId: 'kilifi', regionName: 'Kilifi' });
    generateDemo(sender, { seed: 5, scale: 'region' });
    const clusters = (sender.db.prepare('SELECT id FROM clusters ORDER BY id').all() as { id: string }[]).map(
      (c) => c.id,
    );
    for (let start = 0; start < extraSchools; start += 5000)
      sender.write((w) => {
        for (let i = start; i < Math.min(extraSchools, start + 5000); i++)
          w.insert('schools', {
            cluster_id: clusters[i % clusters.length]!,
            name: `Shule ya Msingi ${i}`,
            head_name: `Head ${i}`,
            lat: -3.6 + (i % 100) / 1000,
            lon: 39.8 + (i % 77) / 1000,
            setting: i % 3 ? 'rural' : 'peri_urban',
            learners: 200 + (i % 900),
            teachers: 6 + (i % 30),
          });
      });
    await exportBundle(sender, { kind: 'full' }, out);
    return storeDigest(sender).digest;
  } finally {
    sender.close();
  }
}

if (import.meta.main) {
  const [out, extra] = process.argv.slice(2);
  if (!out || !extra) {
    console.error('usage: node tests/largeBundle.ts OUT.pamoja EXTRA_SCHOOLS');
    process.exit(2);
  }
  console.log(await writeLargeBundle(out, Number(extra), join(out, '..')));
}
