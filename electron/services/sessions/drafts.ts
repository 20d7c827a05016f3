import type { DraftData, DraftKey } from '../../../shared/contract/sessions.ts';
import { DraftData as DraftDataSchema } from '../../../shared/contract/sessions.ts';
import { PamojaError } from '../../../shared/errors.ts';
import type { Store } from '../../db/store.ts';

/**
 * Drafts of plans and records in the local `session_drafts` table (never synced: see
 * migration 0040). Plain SQL is right here: the write path is for synced tables only.
 */
export function draftKeyText(key: DraftKey): string {
  if (key.kind === 'record') return `record:${key.sessionId}`;
  // A new meeting keeps the key drafts had before visits got their own.
  const visit = key.sessionId === null && key.sessionKind === 'peer_review' ? ':peer_review' : '';
  return `plan:${key.clusterId}:${key.sessionId ?? 'new'}${visit}`;
}

export function saveDraft(store: Store, key: DraftKey, data: DraftData): { savedAt: number } {
  if (key.kind !== data.kind) {
    throw new PamojaError(
      'invalid',
      `A ${data.kind} draft cannot be saved under a ${key.kind} key`,
      'data.kind',
    );
  }
  const savedAt = store.clock.now();
  store.statements
    .get(
      `INSERT INTO session_drafts (key, data, saved_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
    )
    .run(draftKeyText(key), JSON.stringify(data), savedAt);
  return { savedAt };
}

/**
 * The saved draft, or null. A draft this version cannot read is left in place (not shown
 * half-broken, not deleted) until the next save replaces it.
 */
export function getDraft(store: Store, key: DraftKey): { data: DraftData; savedAt: number } | null {
  const row = store.statements
    .get('SELECT data, saved_at AS savedAt FROM session_drafts WHERE key = ?')
    .get(draftKeyText(key)) as { data: string; savedAt: number } | undefined;
  if (!row) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.data);
  } catch {
    parsed = undefined;
  }
  const r = DraftDataSchema.safeParse(parsed);
  if (!r.success || r.data.kind !== key.kind) return null;
  return { data: r.data, savedAt: row.savedAt };
}

export function clearDraft(store: Store, key: DraftKey): { ok: true } {
  store.statements.get('DELETE FROM session_drafts WHERE key = ?').run(draftKeyText(key));
  return { ok: true };
}

/** Which of these sessions have a record draft waiting. */
export function sessionsWithDrafts(store: Store): Set<string> {
  const rows = store.statements
    .get("SELECT substr(key, 8) AS id FROM session_drafts WHERE key LIKE 'record:%'")
    .all() as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
