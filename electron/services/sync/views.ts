import type { BundleAbout, BundleHeader } from './bundleHeader.ts';
import type { Store } from '../../db/store.ts';
import type { ImportOutcome } from './bundles.ts';
import { joinedRegion } from './regionSecret.ts';

/** A bundle header as the contract shows it (no keys or salts). */
/** Names are known only once the bundle was opened (they travel encrypted): '' before. */
export const headerView = (h: BundleHeader & Partial<BundleAbout>) => ({
  regionId: h.regionId,
  regionName: h.regionName ?? '',
  senderDevice: h.senderDevice,
  senderName: h.senderName ?? '',
  createdAt: h.createdAt,
  kind: h.kind,
  version: h.version,
  ...(h.forDevice === undefined ? {} : { forDevice: h.forDevice }),
  ...(h.scope === undefined ? {} : { scope: h.scope }),
});

/**
 * The names a public header no longer carries, as this laptop knows them: its own region's
 * name when the bundle is of that region, the sender's from the laptops it has heard of.
 */
export function namesKnownHere(store: Store, h: BundleHeader): BundleHeader & BundleAbout {
  const region = joinedRegion(store);
  const sender = store.statements.get('SELECT name FROM devices WHERE device_id = ?').get(h.senderDevice) as
    { name: string } | undefined;
  return {
    ...h,
    regionName: region?.regionId === h.regionId ? region.regionName : '',
    senderName: sender?.name ?? '',
  };
}

export const importView = (r: ImportOutcome) => ({ ...r, header: headerView(r.header) });
