import type { z } from 'zod';
import type { MemberFieldsInput } from '../../../shared/contract/regionEdits.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { leaveProblems, memberProblems } from '../../../shared/region/checks.ts';
import { refuseProblems } from '../../../shared/region/messages.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';

type MemberFields = z.output<typeof MemberFieldsInput>;

/**
 * Members of a CoP: add (also the person who turns up at a meeting), edit, leave and
 * come back. Leaving keeps the member in past attendance and commitments; removing one
 * entered by mistake is the removals service's job (with Undo).
 */
interface MemberRow {
  id: string;
  cluster_id: string;
  left_on: string | null;
}

function memberRow(store: Store, id: string): MemberRow {
  const row = store.statements.get('SELECT id, cluster_id, left_on FROM members WHERE id = ?').get(id) as
    MemberRow | undefined;
  if (!row)
    throw new PamojaError('not_found', 'This member is not in the store (they may have been removed).');
  return row;
}

function checkMember(store: Store, fields: MemberFields, clusterId: string, exceptId: string | null): void {
  const schools = store.statements.get('SELECT id FROM schools WHERE cluster_id = ?').all(clusterId) as {
    id: string;
  }[];
  const others = store.statements
    .get('SELECT id, name FROM members WHERE cluster_id = ? AND left_on IS NULL')
    .all(clusterId) as { id: string; name: string }[];
  refuseProblems(
    memberProblems(
      fields,
      schools.map((s) => s.id),
      others.filter((m) => m.id !== exceptId).map((m) => m.name),
    ),
  );
}

const columns = (f: MemberFields) => ({
  name: f.name,
  role: f.role,
  school_id: f.schoolId,
  phone: f.phone,
  gender: f.gender,
});

export function addMember(
  store: Store,
  clusterId: string,
  fields: MemberFields,
): { id: string; name: string } {
  return store.write((w) => {
    if (!store.statements.get('SELECT 1 FROM clusters WHERE id = ?').get(clusterId))
      throw new PamojaError('not_found', 'clusterId: This CoP is not in the store.', 'clusterId');
    checkMember(store, fields, clusterId, null);
    return { id: w.insert('members', { cluster_id: clusterId, ...columns(fields) }), name: fields.name };
  });
}

export function updateMember(store: Store, id: string, fields: MemberFields): { changed: number } {
  return store.write((w) => {
    const member = memberRow(store, id);
    checkMember(store, fields, member.cluster_id, id);
    return { changed: w.update('members', id, columns(fields)) };
  });
}

export function leaveCop(store: Store, id: string, leftOn: string, today = todayIso()): { ok: true } {
  return store.write((w) => {
    const member = memberRow(store, id);
    if (member.left_on) throw new PamojaError('conflict', 'This member has left the CoP already.');
    refuseProblems(leaveProblems(leftOn, today));
    w.update('members', id, { left_on: leftOn });
    return { ok: true as const };
  });
}

export function rejoinCop(store: Store, id: string): { ok: true } {
  return store.write((w) => {
    const member = memberRow(store, id);
    if (!member.left_on) throw new PamojaError('conflict', 'This member is in the CoP.');
    w.update('members', id, { left_on: null });
    return { ok: true as const };
  });
}
