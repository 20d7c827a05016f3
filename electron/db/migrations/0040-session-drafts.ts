/**
 * Drafts of session plans and records, saved as the coach types so that closing the app
 * mid-meeting loses nothing. Local to this laptop and never synced: a half-typed record
 * is not data yet, so it is kept out of the change log and bundles. "Save record" turns
 * it into synced rows through the write path and deletes it here.
 */
export const sql = /* sql */ `
CREATE TABLE session_drafts (
  key TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  saved_at INTEGER NOT NULL
) STRICT;
`;
