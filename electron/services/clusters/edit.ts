import type { z } from 'zod';
import type { ClusterFieldsInput, PriorityInput } from '../../../shared/contract/regionEdits.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { distanceKm } from '../../../shared/geo.ts';
import { clusterProblems, criteriaProblems, priorityProblems } from '../../../shared/region/checks.ts';
import { refuseProblems } from '../../../shared/region/messages.ts';
import { todayIso } from '../../../shared/today.ts';
import { neighbourPair } from '../../db/ids.ts';
import type { Store } from '../../db/store.ts';
import { neighbourIds } from './service.ts';

type ClusterFields = z.output<typeof ClusterFieldsInput>;
type Priority = z.output<typeof PriorityInput>;

/**
 * Editing a CoP: its own fields, declared neighbours, criteria and priorities. Every
 * change goes through the write path (so it syncs and merges field by field); every
 * check runs before the first write, so a refused edit writes nothing.
 */
interface ClusterPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

function clusterRow(store: Store, id: string): ClusterPlace & { region_id: string } {
  const row = store.statements
    .get('SELECT id, name, lat, lon, region_id FROM clusters WHERE id = ?')
    .get(id) as (ClusterPlace & { region_id: string }) | undefined;
  if (!row) throw new PamojaError('not_found', 'This CoP is not in the store (it may have been removed).');
  return row;
}

function otherClusterNames(store: Store, exceptId: string | null): string[] {
  return (store.statements.get('SELECT id, name FROM clusters').all() as { id: string; name: string }[])
    .filter((c) => c.id !== exceptId)
    .map((c) => c.name);
}

const columns = (f: ClusterFields) => ({
  name: f.name,
  place: f.place,
  lat: f.lat,
  lon: f.lon,
  coach_name: f.coachName,
});

export function createCluster(store: Store, fields: ClusterFields): { id: string } {
  return store.write((w) => {
    const region = store.statements.get('SELECT id, language FROM regions ORDER BY name LIMIT 1').get() as
      { id: string; language: string } | undefined;
    if (!region)
      throw new PamojaError(
        'conflict',
        'This laptop has no region yet: open the demo, load a region file or join one first.',
      );
    refuseProblems(clusterProblems(fields, otherClusterNames(store, null)));
    const id = w.insert('clusters', { region_id: region.id, language: region.language, ...columns(fields) });
    return { id };
  });
}

export function updateCluster(store: Store, id: string, fields: ClusterFields): { changed: number } {
  return store.write((w) => {
    clusterRow(store, id);
    refuseProblems(clusterProblems(fields, otherClusterNames(store, id)));
    return { changed: w.update('clusters', id, columns(fields)) };
  });
}

/** The CoPs nearest to this one by distance, the declared neighbours among them marked. */
export function nearestClusters(store: Store, id: string, limit: number) {
  const self = clusterRow(store, id);
  const declared = new Set(neighbourIds(store, id));
  const all = store.statements
    .get('SELECT id, name, lat, lon FROM clusters WHERE id != ?')
    .all(id) as ClusterPlace[];
  return all
    .map((c) => ({
      id: c.id,
      name: c.name,
      distanceKm: Math.round(distanceKm(self.lat, self.lon, c.lat, c.lon) * 10) / 10,
      declared: declared.has(c.id),
    }))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export function addNeighbour(store: Store, id: string, neighbourId: string): { ok: true } {
  return store.write((w) => {
    if (id === neighbourId)
      throw new PamojaError('invalid', 'neighbourId: A CoP cannot be its own neighbour.', 'neighbourId');
    clusterRow(store, id);
    clusterRow(store, neighbourId);
    const [pairId, cluster_id, neighbour_id] = neighbourPair(id, neighbourId);
    if (!store.statements.get('SELECT 1 FROM cluster_neighbours WHERE id = ?').get(pairId))
      w.insert('cluster_neighbours', { id: pairId, cluster_id, neighbour_id });
    return { ok: true as const };
  });
}

export function removeNeighbour(store: Store, id: string, neighbourId: string): { ok: true } {
  return store.write((w) => {
    clusterRow(store, id);
    const [pairId] = neighbourPair(id, neighbourId);
    // Links loaded before pairs were derived may carry another id: remove those too.
    const links = store.statements
      .get(
        `SELECT id FROM cluster_neighbours WHERE id = ? OR (cluster_id = ? AND neighbour_id = ?)
         OR (cluster_id = ? AND neighbour_id = ?)`,
      )
      .all(pairId, id, neighbourId, neighbourId, id) as { id: string }[];
    if (links.length === 0)
      throw new PamojaError('not_found', 'These two CoPs are not declared neighbours.', 'neighbourId');
    for (const l of links) w.remove('cluster_neighbours', l.id);
    return { ok: true as const };
  });
}

export function setCriteria(store: Store, id: string, criteria: string[]): { changed: number } {
  return store.write((w) => {
    clusterRow(store, id);
    refuseProblems(criteriaProblems(criteria));
    return { changed: w.update('clusters', id, { criteria: JSON.stringify(criteria.map((c) => c.trim())) }) };
  });
}

/**
 * Replaces the CoP's priorities with these, in rank order: rows are kept and edited in
 * place where there is one for the rank (so their history stays), added or removed for
 * the rest.
 */
export function setPriorities(
  store: Store,
  id: string,
  priorities: Priority[],
  today = todayIso(),
): { changed: number } {
  return store.write((w) => {
    clusterRow(store, id);
    refuseProblems(priorityProblems(priorities, today));
    const existing = store.statements
      .get('SELECT id FROM priorities WHERE cluster_id = ? ORDER BY rank, id')
      .all(id) as { id: string }[];
    let changed = 0;
    priorities.forEach((p, i) => {
      const row = { tag: p.tag, title: p.title, rank: i + 1, agreed_on: p.agreedOn, period: p.period };
      const current = existing[i];
      if (current) changed += w.update('priorities', current.id, row);
      else {
        w.insert('priorities', { cluster_id: id, ...row });
        changed += 6;
      }
    });
    for (const extra of existing.slice(priorities.length)) {
      w.remove('priorities', extra.id);
      changed++;
    }
    return { changed };
  });
}
