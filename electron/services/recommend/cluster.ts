import { PamojaError } from '../../../shared/errors.ts';
import { distanceKm } from '../../../shared/geo.ts';
import { comparableIndicators } from '../../../shared/recommend/question.ts';
import type { ClusterFeedback, RankContext } from '../../../shared/recommend/rank.ts';
import { rankWeights } from '../../../shared/recommend/weights.ts';
import type { IndicatorName, PriorityTag } from '../../../shared/schema/enums.ts';
import type { Store } from '../../db/store.ts';

/** What a recommendation needs to know of the asking cluster. */
export interface ClusterView {
  id: string;
  name: string;
  lat: number;
  lon: number;
  neighbourIds: Set<string>;
  priorities: PriorityTag[];
  settingShare: RankContext['settingShare'];
  sizeShare: RankContext['sizeShare'];
  feedback: Map<string, ClusterFeedback>;
  /** Languages the cluster reads: its own, its region's and those of the region's other clusters. */
  languages: Set<string>;
  schoolCount: number;
}

/** Clusters compared with when a cluster declared no neighbours: the nearest few. */
const FALLBACK_NEIGHBOURS = 5;

export function clusterView(store: Store, clusterId: string): ClusterView {
  const st = store.statements;
  const c = st.get('SELECT id, name, lat, lon FROM clusters WHERE id = ?').get(clusterId) as
    { id: string; name: string; lat: number; lon: number } | undefined;
  if (!c) throw new PamojaError('not_found', `No cluster with id ${clusterId}`, 'clusterId');
  const neighbourIds = new Set(
    st
      .get(
        `SELECT neighbour_id FROM cluster_neighbours WHERE cluster_id = ?
         UNION SELECT cluster_id FROM cluster_neighbours WHERE neighbour_id = ?`,
      )
      .pluck()
      .all(clusterId, clusterId) as string[],
  );
  neighbourIds.delete(clusterId);
  const priorities = st
    .get('SELECT tag FROM priorities WHERE cluster_id = ? ORDER BY rank, tag')
    .pluck()
    .all(clusterId) as PriorityTag[];

  const settingShare = { rural: 0, peri_urban: 0, urban: 0 };
  const sizeShare = { small: 0, medium: 0, large: 0 };
  const schools = st.get('SELECT setting, learners FROM schools WHERE cluster_id = ?').all(clusterId) as {
    setting: keyof typeof settingShare;
    learners: number;
  }[];
  const { smallBelow, largeFrom } = rankWeights.context;
  for (const s of schools) {
    settingShare[s.setting] += 1 / schools.length;
    sizeShare[s.learners < smallBelow ? 'small' : s.learners >= largeFrom ? 'large' : 'medium'] +=
      1 / schools.length;
  }

  const feedback = new Map<string, ClusterFeedback>();
  const rows = st
    .get(
      `SELECT id, practice_id, kind, given_on FROM recommendation_feedback
       WHERE cluster_id = ? AND retracted_on IS NULL ORDER BY given_on`,
    )
    .all(clusterId) as {
    id: string;
    practice_id: string;
    kind: 'shared' | 'not_relevant';
    given_on: string;
  }[];
  for (const r of rows) {
    const f = feedback.get(r.practice_id) ?? {
      sharedOn: null,
      notRelevant: false,
      notRelevantId: null,
      notRelevantOn: null,
    };
    if (r.kind === 'shared') f.sharedOn = r.given_on;
    else {
      f.notRelevant = true;
      f.notRelevantId = r.id;
      f.notRelevantOn = r.given_on;
    }
    feedback.set(r.practice_id, f);
  }
  const languages = new Set(
    (
      st
        .get(
          `SELECT language FROM clusters WHERE region_id = (SELECT region_id FROM clusters WHERE id = ?)
           UNION SELECT r.language FROM regions r JOIN clusters c ON c.region_id = r.id WHERE c.id = ?`,
        )
        .pluck()
        .all(clusterId, clusterId) as string[]
    ).filter(Boolean),
  );
  return {
    ...c,
    neighbourIds,
    priorities,
    settingShare,
    sizeShare,
    feedback,
    languages,
    schoolCount: schools.length,
  };
}

type Averages = Partial<Record<IndicatorName, number | null>>;

const averagesSql = (where: string) => `
  SELECT ${comparableIndicators.map((n) => `avg(i.${n}) AS ${n}`).join(', ')}
  FROM indicators i JOIN schools s ON s.id = i.school_id
  WHERE ${where} AND i.term = ?`;

/**
 * The cluster's and its neighbours' average indicators in the cluster's latest term with
 * data. Neighbours are the declared ones, or the nearest few when none are declared.
 */
export function indicatorComparison(
  store: Store,
  view: ClusterView,
  clusters: ReadonlyMap<string, { lat: number; lon: number }>,
): { term: string; own: Averages; neighbours: Averages } | null {
  const st = store.statements;
  const term = st
    .get(`SELECT max(i.term) FROM indicators i JOIN schools s ON s.id = i.school_id WHERE s.cluster_id = ?`)
    .pluck()
    .get(view.id) as string | null;
  if (!term) return null;
  let others = [...view.neighbourIds];
  if (others.length === 0) {
    others = [...clusters]
      .filter(([id]) => id !== view.id)
      .map(([id, c]) => ({ id, km: distanceKm(view.lat, view.lon, c.lat, c.lon) }))
      .sort((a, b) => a.km - b.km)
      .slice(0, FALLBACK_NEIGHBOURS)
      .map((c) => c.id);
  }
  if (others.length === 0) return null;
  const own = st.get(averagesSql('s.cluster_id = ?')).get(view.id, term) as Averages;
  const neighbours = st
    .get(averagesSql('s.cluster_id IN (SELECT value FROM json_each(?))'))
    .get(JSON.stringify(others), term) as Averages;
  return { term, own, neighbours };
}
