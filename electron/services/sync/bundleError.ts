import { PamojaError, type ErrorShape } from '../../../shared/errors.ts';
import {
  bundleRefusals,
  refusalInEnglish,
  refusalReason,
  type BundleRefusal,
  type BundleRefusalNames,
} from '../../../shared/sync/refusals.ts';

export const bundleErrorReasons = bundleRefusals;
export type BundleErrorReason = BundleRefusal;
export type BundleErrorContext = BundleRefusalNames;

/**
 * Why a bundle was refused. `message` is for the coach (in English; the page words the
 * reason in her language from the shape's `reason` and `detail`: shared/sync/refusals.ts);
 * `detail` says, for logs and developers, exactly where the reader stopped (e.g. "chunk 3
 * failed authentication").
 */
export class BundleError extends PamojaError {
  readonly reason: BundleErrorReason;
  readonly detail: string;
  readonly #names: BundleErrorContext;
  constructor(reason: BundleErrorReason, detail: string, context: BundleErrorContext = {}) {
    super('invalid', refusalInEnglish(reason, context));
    this.name = 'BundleError';
    this.reason = reason;
    this.detail = detail;
    this.#names = context;
  }
  override toShape(): ErrorShape {
    return { ...super.toShape(), reason: refusalReason(this.reason), detail: JSON.stringify(this.#names) };
  }
}
