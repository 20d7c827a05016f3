/**
 * Why a bundle was refused, as the error travels to the page: `reason` is
 * `bundle_<why>` and `detail` the names the message may use, as JSON. The page words it in
 * the coach's language (renderer/i18n/refusals.ts); the English wording below is the
 * message the error itself carries (CLI, logs).
 */
export const bundleRefusals = [
  'not_bundle',
  'newer_version',
  'older_version',
  'other_region',
  'wrong_key',
  'damaged',
  'truncated',
  'bad_signature',
  'too_large',
  'key_changed',
  'forged',
] as const;
export type BundleRefusal = (typeof bundleRefusals)[number];

/** What the message may name; each refusal uses the parts it needs. */
export interface BundleRefusalNames {
  /** Region named in the bundle's header (other_region, wrong_key). */
  regionName?: string;
  /** Sender named in the bundle's header (bad_signature, key_changed). */
  senderName?: string;
  /** Format version found in the file (newer_version). */
  version?: number;
  /** The laptop a forged change or span pretends to come from (forged). */
  authorName?: string;
  /** Which cap was exceeded (too_large). */
  limit?: string;
}

const PREFIX = 'bundle_';

export const refusalReason = (why: BundleRefusal): string => `${PREFIX}${why}`;

/** A refusal from an error's reason and detail, or null when it is not one (or is garbled). */
export function readRefusal(
  reason: string | undefined,
  detail: string | undefined,
): { why: BundleRefusal; names: BundleRefusalNames } | null {
  if (!reason?.startsWith(PREFIX)) return null;
  const why = reason.slice(PREFIX.length);
  if (!(bundleRefusals as readonly string[]).includes(why)) return null;
  let parsed: unknown;
  try {
    parsed = detail ? JSON.parse(detail) : {};
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const names: BundleRefusalNames = {};
  const p = parsed as Record<string, unknown>;
  for (const k of ['regionName', 'senderName', 'authorName', 'limit'] as const)
    if (typeof p[k] === 'string') names[k] = p[k];
  if (typeof p.version === 'number') names.version = p.version;
  return { why: why as BundleRefusal, names };
}

/** The refusal in English (the error's own message). */
export function refusalInEnglish(why: BundleRefusal, c: BundleRefusalNames): string {
  const region = c.regionName ? ` (${c.regionName})` : '';
  const sender = c.senderName ? ` (${c.senderName})` : '';
  switch (why) {
    case 'not_bundle':
      return 'This file is not a Pamoja bundle.';
    case 'newer_version':
      return `This bundle was made by a newer version of Pamoja${c.version ? ` (format ${c.version})` : ''}. Update Pamoja on this laptop to open it.`;
    case 'older_version':
      return 'This bundle was made by an older Pamoja: update that laptop, then make a new bundle there.';
    case 'other_region':
      return `This bundle belongs to another region${region}.`;
    case 'wrong_key':
      return `Wrong passphrase for this region${region}.`;
    case 'damaged':
      return 'This bundle is damaged and cannot be read. Ask the sender for a fresh copy.';
    case 'truncated':
      return 'This bundle is incomplete — it may have been cut short when the USB stick was pulled. Ask the sender for a fresh copy.';
    case 'bad_signature':
      return `This bundle's signature does not match its sender${sender}. It was not imported.`;
    case 'too_large':
      return `This bundle is larger than Pamoja accepts${c.limit ? ` (${c.limit})` : ''}.`;
    case 'key_changed':
      return `This bundle claims to come from ${c.senderName || 'a known laptop'}, but it is signed with a different key than that laptop's. It was not imported.`;
    case 'forged':
      return `This bundle holds changes that claim to come from ${c.authorName || 'another laptop'} but are not signed by that laptop. Nothing was imported.`;
  }
}
