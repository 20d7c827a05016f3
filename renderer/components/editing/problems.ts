import type { FieldProblem } from '../../../shared/region/checks.ts';
import { problemText } from '../../../shared/region/messages.ts';
import type { Lang } from '../../../shared/i18n.ts';
import { ApiError } from '../../api.ts';

/** Field → message, from the shared checks (the coach's language) and a refused call. */
export type FieldMessages = Record<string, string>;

export function messagesOf(lang: Lang, problems: readonly FieldProblem[]): FieldMessages {
  const out: FieldMessages = {};
  for (const p of problems) out[p.field] ??= problemText(lang, p.problem);
  return out;
}

/**
 * A refused save: a message about one field goes next to it (the service names the field
 * in `path`; its text after "field: " is the message), anything else above the buttons.
 */
export function refusalOf(error: unknown): { field: string | null; message: string } {
  if (error instanceof ApiError && error.path) {
    const prefix = `${error.path}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { field: error.path.replace(/^fields\./, ''), message };
  }
  return { field: null, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Which messages to show: a field's once the coach has left it, all of them once she has
 * tried to save; a refusal from the service stays on its field until that field changes.
 */
export function shownMessages(
  all: FieldMessages,
  touched: ReadonlySet<string>,
  tried: boolean,
  refusal: { field: string | null; message: string } | null,
): FieldMessages {
  const shown: FieldMessages = {};
  for (const [field, message] of Object.entries(all)) if (tried || touched.has(field)) shown[field] = message;
  if (refusal?.field && !shown[refusal.field]) shown[refusal.field] = refusal.message;
  return shown;
}
