/** Rows per table that tests/fixtures/region-small.json holds. */
export const regionSmallCounts = {
  regions: 1,
  clusters: 3,
  cluster_neighbours: 2,
  schools: 8,
  members: 10,
  priorities: 5,
  indicators: 16,
  sessions: 2,
  attendance: 9,
  commitments: 3,
  commitment_reviews: 1,
  practices: 3,
  practice_evidence: 4,
  adoptions: 3,
  // Coaches' feedback on recommendations is made in the app, never in a region file.
  recommendation_feedback: 0,
  // Made when a coach merges two write-ups of a practice, never in a region file.
  practice_origins: 0,
};
