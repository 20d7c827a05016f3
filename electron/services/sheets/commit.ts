import { PamojaError } from '../../../shared/errors.ts';
import { indicatorNames } from '../../../shared/schema/enums.ts';
import { columnsOf } from '../../../shared/schema/tables.ts';
import type { SheetWrites } from '../../../shared/sheets/plan.ts';
import { indicatorsId } from '../../db/ids.ts';
import type { Store } from '../../db/store.ts';
import type { Writer } from '../../db/writer.ts';
import { JobCancelled, noHooks, type JobHooks } from '../jobs/hooks.ts';

const CHUNK = 250;

/**
 * Writes a planned import in ONE transaction through the write path (so it syncs like any
 * edit): new clusters, new schools, changed schools, then indicators. Cancelling rolls the
 * whole transaction back, so either everything went in or nothing did.
 */
export function commitSheet(store: Store, writes: SheetWrites, job: JobHooks = noHooks): { written: number } {
  const total =
    writes.clusters.length +
    writes.newSchools.length +
    writes.schoolUpdates.length +
    writes.indicators.length;
  let done = 0;
  const step = (): void => {
    done++;
    if (done % CHUNK === 0) {
      if (job.cancelled()) throw new JobCancelled();
      job.progress({ phase: 'write', done, total });
    }
  };
  const withCodes = (columnsOf('schools') as string[]).includes('official_code');
  store.write((w: Writer) => {
    const clusterIds = new Map<string, string>();
    for (const k of writes.clusters) {
      if (!writes.regionId) throw new PamojaError('invalid', 'No region to add the new clusters to');
      const id = w.insert('clusters', {
        region_id: writes.regionId,
        name: k.name,
        place: '',
        lat: k.lat,
        lon: k.lon,
        coach_name: '',
        language: 'en',
      });
      clusterIds.set(`new:${k.key}`, id);
      step();
    }
    const cluster = (ref: string): string => clusterIds.get(ref) ?? ref;
    for (const s of writes.newSchools) {
      const row: Record<string, unknown> = {
        cluster_id: cluster(s.cluster),
        name: s.name,
        head_name: s.head_name,
        lat: s.lat,
        lon: s.lon,
        setting: s.setting,
        learners: s.learners,
        teachers: s.teachers,
      };
      if (withCodes) row.official_code = s.code;
      w.insert('schools', row as Parameters<Writer['insert']>[1]);
      step();
    }
    for (const u of writes.schoolUpdates) {
      const patch = { ...u.patch };
      if (typeof patch.cluster_id === 'string') patch.cluster_id = cluster(patch.cluster_id);
      w.update('schools', u.id, patch);
      step();
    }
    const exists = store.statements.get('SELECT 1 FROM indicators WHERE id = ?');
    for (const r of writes.indicators) {
      const id = indicatorsId(r.schoolId, r.term);
      if (exists.get(id)) w.update('indicators', id, r.values);
      else
        w.insert('indicators', {
          id,
          school_id: r.schoolId,
          term: r.term,
          ...Object.fromEntries(indicatorNames.map((k) => [k, r.values[k] ?? null])),
        } as Parameters<Writer['insert']>[1]);
      step();
    }
  });
  job.progress({ phase: 'write', done: total, total });
  return { written: total };
}
