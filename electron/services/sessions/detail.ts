import type { SessionDetail, SessionListItem } from '../../../shared/contract/sessions.ts';
import type { AttendanceStatus, ReviewOutcome } from '../../../shared/schema/enums.ts';
import { parseAgenda } from '../../../shared/sessions/agenda.ts';
import type { Store } from '../../db/store.ts';
import { sessionsWithDrafts } from './drafts.ts';
import {
  clusterName,
  commitmentsMadeAt,
  membersOf,
  namesOf,
  outstandingBefore,
  reviewedAt,
  schoolsOf,
  sessionRow,
} from './sql.ts';

export function listSessions(
  store: Store,
  q: { clusterId?: string | undefined; limit: number; offset: number },
): { total: number; sessions: SessionListItem[] } {
  const where = q.clusterId ? 'WHERE se.cluster_id = ?' : '';
  const params = q.clusterId ? [q.clusterId] : [];
  const total = (
    store.statements.get(`SELECT count(*) AS n FROM sessions se ${where}`).get(...params) as { n: number }
  ).n;
  const rows = store.statements
    .get(
      `SELECT se.id, se.cluster_id AS clusterId, c.name AS clusterName, se.kind, se.mode, se.status, se.date, se.title,
         (SELECT count(*) FROM attendance a WHERE a.session_id = se.id AND a.status = 'present') AS present,
         (SELECT count(*) FROM commitments m WHERE m.session_id = se.id) AS commitmentsMade
       FROM sessions se JOIN clusters c ON c.id = se.cluster_id ${where}
       ORDER BY se.date DESC, se.seq DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, q.limit, q.offset) as Omit<SessionListItem, 'hasDraft'>[];
  const drafts = sessionsWithDrafts(store);
  return { total, sessions: rows.map((r) => ({ ...r, hasDraft: drafts.has(r.id) })) };
}

/** Everything the session's detail, record and plan screens show. */
export function getSession(store: Store, id: string): SessionDetail {
  const row = sessionRow(store, id);
  const agenda = parseAgenda(row.agenda);
  const schools = schoolsOf(store, row.cluster_id);

  // To review: what was outstanding before the session, and what was reviewed at it.
  const reviewed = reviewedAt(store, id);
  const reviewedIds = new Set(reviewed.map((c) => c.id));
  const toReview = [
    ...reviewed.map((c) => ({ ...c, review: { outcome: c.outcome as ReviewOutcome, note: c.note } })),
    ...outstandingBefore(store, row.cluster_id, row.date)
      .filter((c) => !reviewedIds.has(c.id))
      .map((c) => ({ ...c, review: null })),
  ]
    .map((c) => ({
      id: c.id,
      action: c.action,
      ownerMemberId: c.ownerMemberId,
      ownerName: c.ownerName,
      dueDate: c.dueDate,
      status: c.status,
      madeOn: c.madeOn,
      madeAtSessionId: c.madeAtSessionId,
      // Lateness as it stood at the meeting, which is what the group discussed.
      overdue: c.dueDate < row.date,
      review: c.review,
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));

  const practiceNames = namesOf(store, 'practices', [
    ...agenda.practicesShared,
    ...agenda.adoptionsAgreed.map((a) => a.practiceId),
  ]);
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  return {
    id: row.id,
    clusterId: row.cluster_id,
    clusterName: clusterName(store, row.cluster_id),
    kind: row.kind,
    mode: row.mode,
    status: row.status,
    date: row.date,
    place: row.place,
    title: row.title,
    notes: row.notes,
    agenda,
    hostSchool: row.host_school_id
      ? { id: row.host_school_id, name: schoolName.get(row.host_school_id) ?? '' }
      : null,
    enquiryQuestion: row.enquiry_question,
    evidence: row.evidence,
    findings: row.findings,
    members: membersOf(store, row.cluster_id, row.date),
    schools,
    attendance: store.statements
      .get('SELECT member_id AS memberId, status FROM attendance WHERE session_id = ?')
      .all(id) as { memberId: string; status: AttendanceStatus }[],
    toReview,
    made: commitmentsMadeAt(store, id).map((c) => ({
      id: c.id,
      ownerMemberId: c.ownerMemberId,
      ownerName: c.ownerName,
      action: c.action,
      dueDate: c.dueDate,
      witnesses: JSON.parse(c.witnesses) as string[],
      status: c.status,
    })),
    practicesShared: agenda.practicesShared
      .filter((p) => practiceNames.has(p))
      .map((p) => ({ id: p, title: practiceNames.get(p)! })),
    adoptions: agenda.adoptionsAgreed.map((a) => ({
      practiceId: a.practiceId,
      practiceTitle: practiceNames.get(a.practiceId) ?? '',
      schoolId: a.schoolId,
      schoolName: a.schoolId ? (schoolName.get(a.schoolId) ?? null) : null,
    })),
  };
}
