import type { z } from 'zod';
import { formatPath } from './errors.ts';
import type { RegionFile } from './regionFile.ts';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

const keyedLists = [
  'clusters',
  'schools',
  'members',
  'priorities',
  'practices',
  'practice_evidence',
  'adoptions',
  'sessions',
  'commitments',
] as const;
type KeyedList = (typeof keyedLists)[number];
type Referenced = 'clusters' | 'schools' | 'members' | 'practices' | 'sessions';

const singular: Record<Referenced, string> = {
  clusters: 'cluster',
  schools: 'school',
  members: 'member',
  practices: 'practice',
  sessions: 'session',
};

/** Remembers the first place each value was seen and reports later repeats. */
function firstSeen(report: Report, describe: (value: string, first: Path) => string) {
  const seen = new Map<string, Path>();
  return (value: string, path: Path): void => {
    const first = seen.get(value);
    if (first) report(path, describe(value, first));
    else seen.set(value, path);
  };
}

/**
 * The checks a field schema cannot make: keys unique within their list, every reference
 * naming a record that exists in the file, no record listed twice for the same thing.
 * Each problem is reported at the path of the offending field.
 */
export function checkReferences(doc: RegionFile, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });

  const keys = {} as Record<KeyedList, Set<string>>;
  for (const list of keyedLists) {
    const note = firstSeen(
      report,
      (k, first) => `duplicate key "${k}" (already used by ${formatPath(first)})`,
    );
    doc[list].forEach((record, i) => note(record.key, [list, i, 'key']));
    keys[list] = new Set(doc[list].map((r) => r.key));
  }
  const refTo = (list: Referenced, key: string | null, path: Path): void => {
    if (key !== null && !keys[list].has(key))
      report(path, `no ${singular[list]} with key "${key}" in ${list}`);
  };
  const refsTo = (list: Referenced, values: string[], path: Path): void => {
    const note = firstSeen(report, (k) => `"${k}" is listed twice`);
    values.forEach((key, j) => {
      refTo(list, key, [...path, j]);
      note(key, [...path, j]);
    });
  };

  doc.clusters.forEach((c, i) => {
    refsTo('clusters', c.neighbours, ['clusters', i, 'neighbours']);
    const self = c.neighbours.indexOf(c.key);
    if (self >= 0) report(['clusters', i, 'neighbours', self], 'a cluster cannot be its own neighbour');
  });
  doc.schools.forEach((s, i) => refTo('clusters', s.cluster, ['schools', i, 'cluster']));
  doc.members.forEach((m, i) => {
    refTo('clusters', m.cluster, ['members', i, 'cluster']);
    refTo('schools', m.school, ['members', i, 'school']);
  });
  doc.priorities.forEach((p, i) => refTo('clusters', p.cluster, ['priorities', i, 'cluster']));

  const termOnce = firstSeen(
    report,
    (pair, first) => `figures for school and term "${pair}" already given at ${formatPath(first)}`,
  );
  doc.indicators.forEach((row, i) => {
    refTo('schools', row.school, ['indicators', i, 'school']);
    termOnce(`${row.school} ${row.term}`, ['indicators', i, 'term']);
  });

  doc.practices.forEach((p, i) => {
    refTo('clusters', p.origin_cluster, ['practices', i, 'origin_cluster']);
    refTo('schools', p.origin_school, ['practices', i, 'origin_school']);
  });
  doc.practice_evidence.forEach((e, i) => {
    refTo('practices', e.practice, ['practice_evidence', i, 'practice']);
    refTo('clusters', e.cluster, ['practice_evidence', i, 'cluster']);
  });
  doc.adoptions.forEach((a, i) => {
    refTo('practices', a.practice, ['adoptions', i, 'practice']);
    refTo('clusters', a.cluster, ['adoptions', i, 'cluster']);
    refTo('schools', a.school, ['adoptions', i, 'school']);
  });

  doc.sessions.forEach((s, i) => {
    refTo('clusters', s.cluster, ['sessions', i, 'cluster']);
    refTo('schools', s.host_school, ['sessions', i, 'host_school']);
    const once = firstSeen(report, (k, first) => `member "${k}" is already listed at ${formatPath(first)}`);
    s.attendance.forEach((a, j) => {
      refTo('members', a.member, ['sessions', i, 'attendance', j, 'member']);
      once(a.member, ['sessions', i, 'attendance', j, 'member']);
    });
  });

  doc.commitments.forEach((c, i) => {
    refTo('clusters', c.cluster, ['commitments', i, 'cluster']);
    refTo('sessions', c.session, ['commitments', i, 'session']);
    refTo('members', c.owner, ['commitments', i, 'owner']);
    refsTo('members', c.witnesses, ['commitments', i, 'witnesses']);
    const once = firstSeen(
      report,
      (k, first) => `duplicate key "${k}" (already used by ${formatPath(first)})`,
    );
    c.reviews.forEach((r, j) => {
      once(r.key, ['commitments', i, 'reviews', j, 'key']);
      refTo('sessions', r.session, ['commitments', i, 'reviews', j, 'session']);
    });
  });
}
