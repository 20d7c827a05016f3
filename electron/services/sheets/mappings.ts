import { cleanMapping, type ColumnMapping } from '../../../shared/sheets/header.ts';
import type { SheetKind } from '../../../shared/sheets/fields.ts';
import type { Store } from '../../db/store.ts';

/**
 * How this laptop's coach mapped the columns of a sheet, remembered per header row (a
 * district office sends the same layout each term). Kept in the store's local `meta`
 * table: a preference of this laptop, never synced.
 */
const metaKey = (headerKey: string): string => `sheet-mapping:${headerKey}`;

/** The mapping last used for a sheet with this header row, if any. */
export function rememberedMapping(store: Store, headerKey: string): ColumnMapping | null {
  const saved = store.getMeta(metaKey(headerKey));
  if (!saved) return null;
  try {
    const parsed: unknown = JSON.parse(saved);
    if (!Array.isArray(parsed)) return null;
    const kind = headerKey.split(':')[0] as SheetKind;
    return cleanMapping(
      kind,
      parsed.map((v) => (typeof v === 'string' ? v : null)),
      parsed.length,
    );
  } catch {
    return null; // a damaged entry is forgotten, never fatal
  }
}

export function rememberMapping(store: Store, headerKey: string, mapping: ColumnMapping): void {
  store.setMeta(metaKey(headerKey), JSON.stringify(mapping));
}
