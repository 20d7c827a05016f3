import { PamojaError } from '../../../shared/errors.ts';

export const bundleErrorReasons = [
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
export type BundleErrorReason = (typeof bundleErrorReasons)[number];

/** What the message may name; each reason uses the parts it needs. */
export interface BundleErrorContext {
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

function messageFor(reason: BundleErrorReason, c: BundleErrorContext): string {
  const region = c.regionName ? ` (${c.regionName})` : '';
  const sender = c.senderName ? ` (${c.senderName})` : '';
  switch (reason) {
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

/**
 * Why a bundle was refused. `message` is for the coach; `detail` says, for logs and
 * developers, exactly where the reader stopped (e.g. "chunk 3 failed authentication").
 */
export class BundleError extends PamojaError {
  readonly reason: BundleErrorReason;
  readonly detail: string;
  constructor(reason: BundleErrorReason, detail: string, context: BundleErrorContext = {}) {
    super('invalid', messageFor(reason, context));
    this.name = 'BundleError';
    this.reason = reason;
    this.detail = detail;
  }
}
