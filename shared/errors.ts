import { z } from 'zod';

/** Kinds of failure the UI and the CLI tell apart. */
export const errorCodes = ['invalid', 'not_found', 'conflict', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const ErrorShape = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Where in the input the problem is, e.g. "schools[3].lat". */
  path: z.string().optional(),
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
