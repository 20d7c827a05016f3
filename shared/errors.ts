import { z } from 'zod';

/** Kinds of failure the UI and the CLI tell apart. */
export const errorCodes = ['invalid', 'not_found', 'conflict', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const ErrorShape = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Where in the input the problem is, e.g. "schools[3].lat". */
  path: z.string().optional(),
  /**
   * For problems the UI words itself (in the coach's language): a stable key such as
   * `folder_missing`, and the file or folder it is about.
   */
  reason: z.string().optional(),
  detail: z.string().optional(),
});
export type ErrorShape = z.infer<typeof ErrorShape>;

/** An error meant for a person: its message is shown as it is. */
export class PamojaError extends Error {
  readonly code: ErrorCode;
  readonly path: string | undefined;
  constructor(code: ErrorCode, message: string, path?: string) {
    super(message);
    this.name = 'PamojaError';
    this.code = code;
    this.path = path;
  }
  toShape(): ErrorShape {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path };
  }
}

/** Why a file or folder cannot be used; the UI has a message for each, in both languages. */
export const placeReasons = [
  'folder_missing',
  'not_a_folder',
  'bundle_missing',
  'not_a_file',
  'not_a_bundle_target',
  'typed_path',
  'grant_expired',
  'outside_allowed',
] as const;
export type PlaceReason = (typeof placeReasons)[number];

/** A PamojaError about a place on disk, carrying its reason and the path for the UI. */
export class PlaceError extends PamojaError {
  readonly reason: PlaceReason;
  readonly detail: string;
  constructor(code: ErrorCode, reason: PlaceReason, detail: string, message: string) {
    super(code, message);
    this.reason = reason;
    this.detail = detail;
  }
  override toShape(): ErrorShape {
    return { ...super.toShape(), reason: this.reason, detail: this.detail };
  }
}

/** Renders a zod path as people read it: `schools[3].lat`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The first issue of a failed zod parse as a PamojaError naming its path. */
export function fromZodError(error: z.ZodError, prefix = ''): PamojaError {
  const issue = error.issues[0];
  const path = formatPath([...(prefix ? [prefix] : []), ...(issue?.path ?? [])]);
  const message = issue ? `${path || 'input'}: ${issue.message}` : 'invalid input';
  return new PamojaError('invalid', message, path || undefined);
}
