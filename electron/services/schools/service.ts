import type { z } from 'zod';
import type { SchoolFieldsInput } from '../../../shared/contract/regionEdits.ts';
import { hlcToIso } from '../../../shared/clock.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { closeProblems, schoolProblems } from '../../../shared/region/checks.ts';
import { refuseProblems } from '../../../shared/region/messages.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';

type SchoolFields = z.output<typeof SchoolFieldsInput>;

/**
 * Schools of a CoP: add, edit, move to another CoP, close and reopen. A school is never
 * deleted for closing: its figures, sessions hosted and practices stay in the record, and
 * its move history is the change log of its `cluster_id`.
 */
interface SchoolRow {
  id: string;
  cluster_id: string;
  closed_on: string | null;
}

function schoolRow(store: Store, id: string): SchoolRow {
  const row = store.statements.get('SELECT id, cluster_id, closed_on FROM schools WHERE id = ?').get(id) as
    SchoolRow | undefined;
  if (!row) throw new PamojaError('not_found', 'This school is not in the store (it may have been removed).');
  return row;
}

function requireCluster(store: Store, id: string, field = 'clusterId'): void {
  if (!store.statements.get('SELECT 1 FROM clusters WHERE id = ?').get(id))
    throw new PamojaError('not_found', `${field}: This CoP is not in the store.`, field);
}

function checkSchool(store: Store, fields: SchoolFields, clusterId: string, exceptId: string | null): void {
  const others = store.statements
    .get('SELECT id, name, official_code FROM schools WHERE cluster_id = ? OR official_code != ?')
    .all(clusterId, '') as { id: string; name: string; official_code: string }[];
  const inCluster = store.statements
    .get('SELECT id, name FROM schools WHERE cluster_id = ?')
    .all(clusterId) as {
    id: string;
    name: string;
  }[];
  refuseProblems(
    schoolProblems(
      fields,
      inCluster.filter((s) => s.id !== exceptId).map((s) => s.name),
      others.filter((s) => s.id !== exceptId && s.official_code).map((s) => s.official_code),
    ),
  );
}

const columns = (f: SchoolFields) => ({
  name: f.name,
  head_name: f.headName,
  setting: f.setting,
  learners: f.learners,
  teachers: f.teachers,
  lat: f.lat,
  lon: f.lon,
  official_code: f.officialCode,
});

export function addSchool(store: Store, clusterId: string, fields: SchoolFields): { id: string } {
  return store.write((w) => {
    requireCluster(store, clusterId);
    checkSchool(store, fields, clusterId, null);
    return { id: w.insert('schools', { cluster_id: clusterId, ...columns(fields) }) };
  });
}

export function updateSchool(store: Store, id: string, fields: SchoolFields): { changed: number } {
  return store.write((w) => {
    const school = schoolRow(store, id);
    checkSchool(store, fields, school.cluster_id, id);
    return { changed: w.update('schools', id, columns(fields)) };
  });
}

/** Moves a school to another CoP; its members who are still in the old CoP go with it. */
export function moveSchool(
  store: Store,
  id: string,
  clusterId: string,
  withMembers: boolean,
): { movedMembers: number } {
  return store.write((w) => {
    const school = schoolRow(store, id);
    requireCluster(store, clusterId);
    if (school.cluster_id === clusterId)
      throw new PamojaError(
        'invalid',
        'clusterId: The school is in this CoP already: choose another CoP.',
        'clusterId',
      );
    const name = (store.statements.get('SELECT name FROM schools WHERE id = ?').get(id) as { name: string })
      .name;
    const clash = store.statements
      .get('SELECT 1 FROM schools WHERE cluster_id = ? AND lower(trim(name)) = lower(trim(?))')
      .get(clusterId, name);
    if (clash)
      throw new PamojaError(
        'invalid',
        'clusterId: That CoP already has a school of this name. Rename one of them first.',
        'clusterId',
      );
    w.update('schools', id, { cluster_id: clusterId });
    let movedMembers = 0;
    if (withMembers) {
      const members = store.statements
        .get('SELECT id FROM members WHERE school_id = ? AND cluster_id = ?')
        .all(id, school.cluster_id) as { id: string }[];
      for (const m of members) movedMembers += w.update('members', m.id, { cluster_id: clusterId });
    }
    return { movedMembers };
  });
}

export function closeSchool(
  store: Store,
  id: string,
  closedOn: string,
  reason: string,
  today = todayIso(),
): { ok: true } {
  return store.write((w) => {
    const school = schoolRow(store, id);
    if (school.closed_on) throw new PamojaError('conflict', 'This school is closed already.');
    refuseProblems(closeProblems(closedOn, reason, today));
    w.update('schools', id, { closed_on: closedOn, closed_reason: reason.trim() });
    return { ok: true as const };
  });
}

export function reopenSchool(store: Store, id: string): { ok: true } {
  return store.write((w) => {
    const school = schoolRow(store, id);
    if (!school.closed_on) throw new PamojaError('conflict', 'This school is open.');
    w.update('schools', id, { closed_on: null, closed_reason: '' });
    return { ok: true as const };
  });
}

/** Every CoP the school has belonged to, newest first, with when it joined (from the change log). */
export function schoolHistory(store: Store, id: string) {
  schoolRow(store, id);
  const rows = store.statements
    .get(
      `SELECT c.value AS clusterId, c.hlc, coalesce(cl.name, '') AS clusterName
       FROM changes c LEFT JOIN clusters cl ON cl.id = c.value
       WHERE c.tbl = 'schools' AND c.row_id = ? AND c.col = 'cluster_id' ORDER BY c.hlc DESC`,
    )
    .all(id) as { clusterId: string; hlc: number; clusterName: string }[];
  return rows.map((r) => ({ clusterId: r.clusterId, clusterName: r.clusterName, since: hlcToIso(r.hlc) }));
}
