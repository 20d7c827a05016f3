import type { BundleAbout, BundleHeader } from './bundleHeader.ts';
import type { ImportOutcome } from './bundles.ts';

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

export const importView = (r: ImportOutcome) => ({ ...r, header: headerView(r.header) });
