import { complement, type Knowledge } from '../../../shared/sync/knowledge.ts';
import { PayloadEncoder } from '../../../shared/sync/payload.ts';
import type { FieldValue } from '../../../shared/sync/merge.ts';
import type { Store } from '../../db/store.ts';
import { commonPeerKnowledge, getPeer, ownKnowledge } from './knowledgeStore.ts';
import { selectRows, type Selection } from './selection.ts';

/** What to put in a bundle. */
export type ExportSpec =
  { kind: 'peer'; forDevice?: string } | { kind: 'full' } | ({ kind: 'selective' } & Selection);

export interface BuiltPayload {
  payload: Uint8Array;
  changes: number;
  /** Field changes per table. */
  tables: Record<string, number>;
  knowledge: Knowledge;
  base: Knowledge | null;
  /** For the header: what a selective bundle holds. */
  scope: string | undefined;
}

type Progress = (done: number, total: number, label?: string) => void;

interface ChangeRow {
  tbl: string;
  row_id: string;
  col: string;
  value: FieldValue;
  hlc: number;
}

/**
 * Collects the changes a bundle carries and encodes them.
 *
 * - peer: every change the peer is not known to hold, judged from the knowledge its own
 *   last bundle declared (not from what was last sent: a stick may have been lost). With
 *   no device named, the bundle serves every known peer: it carries what any of them lacks.
 * - full: every change of the store.
 * - selective: every change of the chosen rows (clusters and what hangs off them, or the
 *   practice library); it teaches the receiver no ranges (base null).
 */
export function buildPayload(store: Store, spec: ExportSpec, progress?: Progress): BuiltPayload {
  // One read transaction: a consistent snapshot even while the app keeps writing.
  return store.db.transaction(() => collect(store, spec, progress))();
}

function collect(store: Store, spec: ExportSpec, progress?: Progress): BuiltPayload {
  const knowledge = ownKnowledge(store);
  const encoder = new PayloadEncoder();
  const tables: Record<string, number> = {};
  const add = (r: ChangeRow, device: string): void => {
    encoder.add(r.tbl, r.row_id, r.col, r.value, r.hlc, device);
    tables[r.tbl] = (tables[r.tbl] ?? 0) + 1;
  };
  let base: Knowledge | null;
  let scope: string | undefined;

  if (spec.kind === 'selective') {
    base = null;
    const sel = selectRows(store, spec);
    scope = sel.scope;
    const rows = store.statements
      .get(
        `SELECT c.tbl, c.row_id, c.col, c.value, c.hlc, d.device_id
         FROM temp.sync_selection s JOIN changes c ON c.tbl = s.tbl AND c.row_id = s.row_id
         JOIN devices d ON d.idx = c.device ORDER BY c.device, c.hlc, c.seq`,
      )
      .iterate() as IterableIterator<ChangeRow & { device_id: string }>;
    for (const r of rows) add(r, r.device_id);
  } else {
    if (spec.kind === 'full') base = {};
    else if (spec.forDevice) base = getPeer(store, spec.forDevice)?.knowledge ?? {};
    else base = commonPeerKnowledge(store);
    const devices = store.statements.get('SELECT idx, device_id FROM devices ORDER BY idx').all() as {
      idx: number;
      device_id: string;
    }[];
    const query = store.statements.get(
      'SELECT tbl, row_id, col, value, hlc FROM changes WHERE device = ? AND hlc BETWEEN ? AND ? ORDER BY hlc, seq',
    );
    devices.forEach((d, i) => {
      for (const [lo, hi] of complement(base![d.device_id] ?? [])) {
        for (const r of query.iterate(d.idx, lo, hi) as IterableIterator<ChangeRow>) add(r, d.device_id);
      }
      progress?.(i + 1, devices.length, 'Collecting changes');
    });
  }

  const names = new Map(
    (
      store.statements.get('SELECT device_id, name FROM devices').all() as {
        device_id: string;
        name: string;
      }[]
    ).map((d) => [d.device_id, d.name]),
  );
  const payload = encoder.finish({ knowledge, base }, (id) => names.get(id) ?? '');
  return { payload, changes: encoder.changes, tables, knowledge, base, scope };
}
