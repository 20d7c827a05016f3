import { isUuid } from '../../../shared/ids.ts';
import type { RegionFile } from '../../../shared/regionFile.ts';
import type { RowInput, TableName } from '../../../shared/schema/tables.ts';
import { attendanceId, derivedId, indicatorsId, neighbourPair } from '../../db/ids.ts';

/** The rows a region file describes, per table, in an order where parents come first. */
export type RegionRows = { [T in TableName]: (RowInput<T> & { id: string })[] };

/**
 * A record's row id: its key when that is a UUID (so a file exported from a store keeps
 * the store's ids), otherwise derived from the key, so loading the same file again
 * finds the same rows and updates them instead of adding copies.
 */
export function recordId(table: TableName, ...key: string[]): string {
  const last = key.at(-1)!;
  return isUuid(last) ? last.toLowerCase() : derivedId('region-file', table, ...key);
}

const jsonList = (values: string[]): string => JSON.stringify(values);

/** Turns a validated region file into rows of the synced tables. */
export function regionFileRows(doc: RegionFile): RegionRows {
  const ids = <T extends TableName>(table: T, records: { key: string }[]): Map<string, string> =>
    new Map(records.map((r) => [r.key, recordId(table, r.key)]));
  const cluster = ids('clusters', doc.clusters);
  const school = ids('schools', doc.schools);
  const member = ids('members', doc.members);
  const practice = ids('practices', doc.practices);
  const session = ids('sessions', doc.sessions);
  const commitment = ids('commitments', doc.commitments);
  // References were checked against the keys before we get here; `get` cannot miss.
  const to = (map: Map<string, string>, key: string): string => map.get(key)!;
  const toOptional = (map: Map<string, string>, key: string | null): string | null =>
    key === null ? null : to(map, key);

  const { region } = doc;
  const regionId = recordId('regions', region.key);
  const neighbours = new Map<string, RegionRows['cluster_neighbours'][number]>();
  for (const c of doc.clusters) {
    for (const n of c.neighbours) {
      const [id, cluster_id, neighbour_id] = neighbourPair(to(cluster, c.key), to(cluster, n));
      neighbours.set(id, { id, cluster_id, neighbour_id });
    }
  }

  return {
    regions: [{ id: regionId, name: region.name, country: region.country, language: region.language }],
    clusters: doc.clusters.map(({ key, neighbours: _n, language, ...c }) => ({
      id: to(cluster, key),
      region_id: regionId,
      ...c,
      language: language ?? region.language,
    })),
    cluster_neighbours: [...neighbours.values()],
    schools: doc.schools.map(({ key, cluster: c, ...s }) => ({
      id: to(school, key),
      cluster_id: to(cluster, c),
      ...s,
    })),
    members: doc.members.map(({ key, cluster: c, school: s, ...m }) => ({
      id: to(member, key),
      cluster_id: to(cluster, c),
      school_id: toOptional(school, s),
      ...m,
    })),
    priorities: doc.priorities.map(({ key, cluster: c, ...p }) => ({
      id: recordId('priorities', key),
      cluster_id: to(cluster, c),
      ...p,
    })),
    indicators: doc.indicators.map(({ school: s, ...values }) => ({
      id: indicatorsId(to(school, s), values.term),
      school_id: to(school, s),
      ...values,
    })),
    practices: doc.practices.map(({ key, tags, language, origin_cluster, origin_school, ...p }) => ({
      id: to(practice, key),
      ...p,
      tags: jsonList(tags),
      language: language ?? region.language,
      origin_cluster_id: toOptional(cluster, origin_cluster),
      origin_school_id: toOptional(school, origin_school),
    })),
    practice_evidence: doc.practice_evidence.map(({ key, practice: p, cluster: c, ...e }) => ({
      id: recordId('practice_evidence', key),
      practice_id: to(practice, p),
      cluster_id: toOptional(cluster, c),
      ...e,
    })),
    adoptions: doc.adoptions.map(({ key, practice: p, cluster: c, school: s, ...a }) => ({
      id: recordId('adoptions', key),
      practice_id: to(practice, p),
      cluster_id: toOptional(cluster, c),
      school_id: toOptional(school, s),
      ...a,
    })),
    sessions: doc.sessions.map(({ key, cluster: c, host_school, attendance: _a, ...s }) => ({
      id: to(session, key),
      cluster_id: to(cluster, c),
      host_school_id: toOptional(school, host_school),
      ...s,
    })),
    attendance: doc.sessions.flatMap((s) =>
      s.attendance.map((a) => {
        const [session_id, member_id] = [to(session, s.key), to(member, a.member)];
        return { id: attendanceId(session_id, member_id), session_id, member_id, status: a.status };
      }),
    ),
    commitments: doc.commitments.map(
      ({ key, cluster: c, session: s, owner, witnesses, reviews: _r, ...rest }) => ({
        id: to(commitment, key),
        cluster_id: to(cluster, c),
        session_id: toOptional(session, s),
        owner_member_id: to(member, owner),
        witnesses: jsonList(witnesses.map((w) => to(member, w))),
        ...rest,
      }),
    ),
    // A review's key is unique only within its commitment, so its id is derived from both.
    commitment_reviews: doc.commitments.flatMap((c) =>
      c.reviews.map(({ key, session: s, ...r }) => ({
        id: recordId('commitment_reviews', c.key, key),
        commitment_id: to(commitment, c.key),
        session_id: toOptional(session, s),
        ...r,
      })),
    ),
    // Feedback on recommendations is the coach's own record; region files do not carry it.
    recommendation_feedback: [],
    practice_origins: [],
  };
}
