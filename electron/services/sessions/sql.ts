import { PamojaError } from '../../../shared/errors.ts';
import {
  indicatorNames,
  type CommitmentStatus,
  type IndicatorName,
  type MemberRole,
  type PriorityTag,
  type SessionKind,
  type SessionMode,
  type SessionStatus,
} from '../../../shared/schema/enums.ts';
import type { Store } from '../../db/store.ts';

/** Reads for sessions and commitments. Writes go through `store.write` in the services. */

export interface SessionRow {
  id: string;
  cluster_id: string;
  kind: SessionKind;
  mode: SessionMode;
  status: SessionStatus;
  date: string;
  place: string;
  title: string;
  agenda: string;
  notes: string;
  host_school_id: string | null;
  enquiry_question: string;
  evidence: string;
  findings: string;
}

export function sessionRow(store: Store, id: string): SessionRow {
  const row = store.statements.get('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
  if (!row) throw new PamojaError('not_found', `No session with id ${id}`);
  return row;
}

export function clusterName(store: Store, id: string): string {
  const row = store.statements.get('SELECT name FROM clusters WHERE id = ?').get(id) as
    { name: string } | undefined;
  if (!row) throw new PamojaError('not_found', `No cluster with id ${id}`);
  return row.name;
}

export function prioritiesOf(store: Store, clusterId: string): { tag: PriorityTag; rank: number }[] {
  return store.statements
    .get('SELECT tag, rank FROM priorities WHERE cluster_id = ? ORDER BY rank')
    .all(clusterId) as { tag: PriorityTag; rank: number }[];
}

export function schoolsOf(store: Store, clusterId: string): { id: string; name: string }[] {
  return store.statements
    .get('SELECT id, name FROM schools WHERE cluster_id = ? ORDER BY name')
    .all(clusterId) as {
    id: string;
    name: string;
  }[];
}

export interface MemberFact {
  id: string;
  name: string;
  role: MemberRole;
  schoolName: string;
}

/** The CoP's members; with `onDate`, only those who had not left it by then. */
export function membersOf(store: Store, clusterId: string, onDate?: string): MemberFact[] {
  return store.statements
    .get(
      `SELECT m.id, m.name, m.role, coalesce(s.name, '') AS schoolName
       FROM members m LEFT JOIN schools s ON s.id = m.school_id
       WHERE m.cluster_id = ? AND (? IS NULL OR m.left_on IS NULL OR m.left_on > ?)
       ORDER BY m.role = 'coach', m.name`,
    )
    .all(clusterId, onDate ?? null, onDate ?? null) as MemberFact[];
}

export function namesOf(store: Store, table: 'clusters' | 'practices', ids: string[]): Map<string, string> {
  const column = table === 'practices' ? 'title' : 'name';
  const rows = store.statements
    .get(`SELECT id, ${column} AS name FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface CommitmentRow {
  id: string;
  action: string;
  ownerMemberId: string;
  ownerName: string;
  dueDate: string;
  status: CommitmentStatus;
  madeAtSessionId: string | null;
  madeOn: string | null;
}

const commitmentSelect = `SELECT c.id, c.action, c.owner_member_id AS ownerMemberId, coalesce(m.name, '') AS ownerName,
  c.due_date AS dueDate, c.status, c.session_id AS madeAtSessionId, s.date AS madeOn
  FROM commitments c LEFT JOIN members m ON m.id = c.owner_member_id LEFT JOIN sessions s ON s.id = c.session_id`;

/** The cluster's outstanding commitments made before `date` (or outside any session). */
export function outstandingBefore(store: Store, clusterId: string, date: string): CommitmentRow[] {
  return store.statements
    .get(
      `${commitmentSelect}
       WHERE c.cluster_id = ? AND c.status IN ('open', 'partly') AND (s.date IS NULL OR s.date < ?)
       ORDER BY c.due_date`,
    )
    .all(clusterId, date) as CommitmentRow[];
}

/** Commitments reviewed at a session, with that review. */
export function reviewedAt(
  store: Store,
  sessionId: string,
): (CommitmentRow & { outcome: string; note: string; reviewId: string })[] {
  return store.statements
    .get(
      `${commitmentSelect.replace('SELECT ', 'SELECT r.id AS reviewId, r.outcome, r.note, ')}
       JOIN commitment_reviews r ON r.commitment_id = c.id WHERE r.session_id = ? ORDER BY c.due_date`,
    )
    .all(sessionId) as (CommitmentRow & { outcome: string; note: string; reviewId: string })[];
}

export function commitmentsMadeAt(
  store: Store,
  sessionId: string,
): (CommitmentRow & { witnesses: string; clusterId: string })[] {
  return store.statements
    .get(
      `${commitmentSelect.replace('SELECT ', 'SELECT c.witnesses, c.cluster_id AS clusterId, ')}
       WHERE c.session_id = ? ORDER BY c.rowid`,
    )
    .all(sessionId) as (CommitmentRow & { witnesses: string; clusterId: string })[];
}

export interface ReviewRow {
  id: string;
  commitmentId: string;
  sessionId: string | null;
  outcome: string;
  reviewedOn: string;
}

/** Every review of the given commitments. */
export function reviewsOf(store: Store, commitmentIds: string[]): ReviewRow[] {
  return store.statements
    .get(
      `SELECT id, commitment_id AS commitmentId, session_id AS sessionId, outcome, reviewed_on AS reviewedOn
       FROM commitment_reviews WHERE commitment_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(commitmentIds)) as ReviewRow[];
}

/** Which indicators have at least one value for the cluster's schools. */
export function indicatorsWithData(store: Store, clusterId: string): Set<IndicatorName> {
  // Column names come from the fixed enum, never from input.
  const counts = store.statements
    .get(
      `SELECT ${indicatorNames.map((n) => `count(i.${n}) AS ${n}`).join(', ')}
       FROM indicators i JOIN schools s ON s.id = i.school_id WHERE s.cluster_id = ?`,
    )
    .get(clusterId) as Record<IndicatorName, number>;
  return new Set(indicatorNames.filter((n) => counts[n] > 0));
}

export function schoolValues(
  store: Store,
  clusterId: string,
  indicator: IndicatorName,
): { schoolId: string; term: string; value: number }[] {
  return store.statements
    .get(
      `SELECT i.school_id AS schoolId, i.term, i.${indicator} AS value
       FROM indicators i JOIN schools s ON s.id = i.school_id
       WHERE s.cluster_id = ? AND i.${indicator} IS NOT NULL`,
    )
    .all(clusterId) as { schoolId: string; term: string; value: number }[];
}

export function clusterTermAverages(
  store: Store,
  clusterIds: string[],
  indicator: IndicatorName,
  terms: string[],
): { clusterId: string; term: string; value: number }[] {
  return store.statements
    .get(
      `SELECT s.cluster_id AS clusterId, i.term, avg(i.${indicator}) AS value
       FROM indicators i JOIN schools s ON s.id = i.school_id
       WHERE s.cluster_id IN (SELECT value FROM json_each(?)) AND i.term IN (SELECT value FROM json_each(?))
         AND i.${indicator} IS NOT NULL
       GROUP BY s.cluster_id, i.term`,
    )
    .all(JSON.stringify(clusterIds), JSON.stringify(terms)) as {
    clusterId: string;
    term: string;
    value: number;
  }[];
}

/** When each school last hosted a peer-review visit that took place. */
export function lastHosted(store: Store, clusterId: string): Map<string, string> {
  const rows = store.statements
    .get(
      `SELECT host_school_id AS id, max(date) AS date FROM sessions
       WHERE cluster_id = ? AND kind = 'peer_review' AND status != 'cancelled' AND host_school_id IS NOT NULL
       GROUP BY host_school_id`,
    )
    .all(clusterId) as { id: string; date: string }[];
  return new Map(rows.map((r) => [r.id, r.date]));
}
