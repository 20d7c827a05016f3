/**
 * Recommendations: the coach's feedback on a recommendation ("shared at session", "not
 * relevant" for a cluster), a synced table written only through the write path.
 * "Adopted by" needs no table of its own: it creates `adoptions` rows.
 *
 * References to the cluster and the practice are deferrable foreign keys, so a bundle may
 * bring the feedback before them; the session is a soft reference (a selective bundle
 * may carry the feedback without the session).
 */
export const sql = /* sql */ `
CREATE TABLE recommendation_feedback (
  id TEXT PRIMARY KEY,
  cluster_id TEXT NOT NULL REFERENCES clusters(id) DEFERRABLE INITIALLY DEFERRED,
  practice_id TEXT NOT NULL REFERENCES practices(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL,
  session_id TEXT,
  given_on TEXT NOT NULL,
  retracted_on TEXT,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX feedback_by_cluster ON recommendation_feedback(cluster_id, practice_id);
CREATE INDEX feedback_by_practice ON recommendation_feedback(practice_id);

-- "Adopted by" checks whether a school already adopted the practice.
CREATE INDEX adoptions_by_school ON adoptions(school_id, practice_id);
`;
