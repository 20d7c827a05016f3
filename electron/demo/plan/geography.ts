import type { MemberRole, PriorityTag } from '../../../shared/schema/enums.ts';
import { personName, phoneNumber, schoolName, type NameArea } from '../names.ts';
import { countryAnchors, distanceKm, gicumbiPlaces, kilifiPlaces, scatter, type Place } from '../places.ts';
import type { Rng } from '../prng.ts';
import type { ScaleSpec } from '../scales.ts';
import { priorityTitles } from '../texts.ts';
import {
  schoolModel,
  type Effect,
  type Health,
  type QualityMeasure,
  type SchoolModel,
} from './indicators.ts';

export interface RegionPlan {
  id: string;
  name: string;
  country: string;
  language: string;
}

export interface ClusterPlan {
  id: string;
  region: number;
  name: string;
  place: string;
  lat: number;
  lon: number;
  setting: Place['setting'];
  coachName: string;
  language: string;
  area: NameArea;
  health: Health;
  weak: QualityMeasure[];
  priorities: PriorityTag[];
  schools: number[];
  members: number[];
  neighbours: number[];
}

export interface SchoolPlan {
  id: string;
  cluster: number;
  name: string;
  headName: string;
  lat: number;
  lon: number;
  setting: 'rural' | 'peri_urban' | 'urban';
  learners: number;
  teachers: number;
  model: SchoolModel;
  effects: Effect[];
  head: number;
}

export interface MemberPlan {
  id: string;
  cluster: number;
  school: number | null;
  name: string;
  role: MemberRole;
  phone: string;
  gender: 'f' | 'm';
}

export interface Geography {
  regions: RegionPlan[];
  clusters: ClusterPlan[];
  schools: SchoolPlan[];
  members: MemberPlan[];
  /** Pairs of cluster indices, each pair once, lower index first. */
  neighbourPairs: [number, number][];
}

/** Which measures a cluster struggles with, and the priority it agrees for each. */
const weakMeasures: readonly [QualityMeasure, PriorityTag][] = [
  ['attendance_rate', 'attendance'],
  ['dropout_rate_girls', 'girls_transition'],
  ['transition_rate_girls', 'girls_transition'],
  ['literacy_rate', 'early_literacy'],
  ['numeracy_rate', 'numeracy'],
  ['vulnerable_reached', 'vulnerable_learners'],
  ['repetition_rate', 'early_literacy'],
  ['dropout_rate', 'vulnerable_learners'],
];
const extraPriorities: readonly PriorityTag[] = ['parent_engagement', 'teacher_collaboration', 'wellbeing'];

interface Centre extends Place {
  region: number;
  area: NameArea;
  language: string;
}

function centres(rng: Rng, spec: ScaleSpec, regions: RegionPlan[]): Centre[] {
  if (!spec.national) {
    regions.push({ id: rng.uuid(), name: 'Kilifi County', country: 'Kenya', language: 'en' });
    const places =
      spec.clusters >= kilifiPlaces.length ? kilifiPlaces : rng.sample(kilifiPlaces, spec.clusters);
    return places.map((p) => ({ ...p, region: 0, area: 'coast', language: rng.chance(0.3) ? 'sw' : 'en' }));
  }
  const total = countryAnchors.reduce((s, a) => s + a.weight, 0);
  const out: Centre[] = [];
  countryAnchors.forEach((anchor, r) => {
    regions.push({ id: rng.uuid(), name: anchor.region, country: anchor.country, language: 'en' });
    const count =
      r === countryAnchors.length - 1
        ? spec.clusters - out.length
        : Math.round((spec.clusters * anchor.weight) / total);
    const known =
      anchor.region === 'Kilifi County'
        ? kilifiPlaces
        : anchor.region === 'Gicumbi District'
          ? gicumbiPlaces
          : [];
    const short = anchor.region.replace(/ (County|District)$/, '');
    const rwanda = anchor.country === 'Rwanda';
    const area: NameArea = rwanda ? 'rwanda' : anchor.lon > 38.4 && anchor.lat < -1 ? 'coast' : 'kenya';
    for (let k = 0; k < count; k++) {
      const language = rwanda ? (rng.chance(0.5) ? 'rw' : 'en') : rng.chance(0.25) ? 'sw' : 'en';
      const place = known[k];
      if (place) {
        out.push({ ...place, region: r, area, language });
        continue;
      }
      const at = scatter(rng, anchor.lat, anchor.lon, 0, anchor.radiusKm);
      const zone = ['North', 'South', 'East', 'West', 'Central'][k % 5];
      const setting = rng.weighted(['rural', 'peri_urban', 'urban'] as const, [7, 2, 1]);
      out.push({
        name: `${short} ${zone} ${Math.floor(k / 5) + 1}`,
        ...at,
        setting,
        region: r,
        area,
        language,
      });
    }
  });
  return out;
}

function health(rng: Rng, setting: Place['setting']): Health {
  const [struggling, bright] =
    setting === 'rural' ? [0.35, 0.1] : setting === 'peri_urban' ? [0.2, 0.2] : [0.1, 0.35];
  const r = rng.next();
  return r < struggling ? 'struggling' : r < struggling + bright ? 'bright' : 'typical';
}

/** Schools per cluster: at least 5, at most 15, adding up to the scale's total. */
function schoolCounts(rng: Rng, clusters: number, total: number): number[] {
  const counts = Array.from({ length: clusters }, () => 5);
  for (let left = total - 5 * clusters; left > 0;) {
    const k = rng.int(0, clusters - 1);
    if (counts[k]! < 15) {
      counts[k]!++;
      left--;
    }
  }
  return counts;
}

export function planGeography(rng: Rng, spec: ScaleSpec): Geography {
  const regions: RegionPlan[] = [];
  const found = centres(rng, spec, regions);
  const coachCount = Math.ceil(found.length / spec.clustersPerCoach);
  const coaches = Array.from({ length: coachCount }, (_, k) => {
    const area = found[Math.min(found.length - 1, k * spec.clustersPerCoach)]!.area;
    const gender = rng.chance(0.5) ? 'f' : 'm';
    return { name: personName(rng, area, gender), gender, area } as const;
  });
  const counts = schoolCounts(rng, found.length, spec.schools);
  const clusters: ClusterPlan[] = [];
  const schools: SchoolPlan[] = [];
  const members: MemberPlan[] = [];
  const addMember = (m: Omit<MemberPlan, 'id' | 'phone'>, area: NameArea): number => {
    members.push({ id: rng.uuid(), phone: phoneNumber(rng, area), ...m });
    clusters[m.cluster]!.members.push(members.length - 1);
    return members.length - 1;
  };

  found.forEach((c, k) => {
    const weak = rng.sample(weakMeasures, rng.int(1, 2));
    const tags = [...new Set(weak.map(([, tag]) => tag))];
    while (tags.length < 2 || (tags.length < 3 && rng.chance(0.5))) {
      const extra = rng.pick(extraPriorities);
      if (!tags.includes(extra)) tags.push(extra);
    }
    const coach = coaches[Math.floor(k / spec.clustersPerCoach)]!;
    clusters.push({
      id: rng.uuid(),
      region: c.region,
      name: `${c.name.replace(/ town$/, '')} CoP`,
      place: c.name,
      lat: c.lat,
      lon: c.lon,
      setting: c.setting,
      coachName: coach.name,
      language: c.language,
      area: c.area,
      health: health(rng, c.setting),
      weak: weak.map(([m]) => m),
      priorities: tags,
      schools: [],
      members: [],
      neighbours: [],
    });
    addMember({ cluster: k, school: null, name: coach.name, role: 'coach', gender: coach.gender }, c.area);
  });
  // A demo needs both: at least one struggling cluster and one bright spot.
  if (clusters.length >= 3) {
    if (!clusters.some((c) => c.health === 'struggling')) rng.pick(clusters).health = 'struggling';
    if (!clusters.some((c) => c.health === 'bright'))
      rng.pick(clusters.filter((c) => c.health !== 'struggling')).health = 'bright';
  }

  clusters.forEach((cluster, k) => {
    for (let n = 0; n < counts[k]!; n++) {
      const at = scatter(rng, cluster.lat, cluster.lon, 1, 4);
      const setting =
        cluster.setting === 'urban'
          ? rng.weighted(['urban', 'peri_urban'] as const, [6, 4])
          : cluster.setting === 'peri_urban'
            ? rng.weighted(['peri_urban', 'rural'] as const, [5, 5])
            : rng.weighted(['rural', 'peri_urban'] as const, [9, 1]);
      const remote = setting === 'rural' && rng.chance(0.1);
      const learners = remote ? rng.int(100, 250) : rng.int(300, 1200);
      const teachers = remote
        ? rng.int(5, 8)
        : Math.min(25, Math.max(8, Math.round(learners / rng.float(40, 55))));
      const gender = rng.chance(0.45) ? 'f' : 'm';
      const headName = personName(rng, cluster.area, gender);
      const town = cluster.place.replace(/ town$/, '').replace(/ (North|South|East|West|Central) \d+$/, '');
      let name = schoolName(rng, cluster.area, town);
      while (cluster.schools.some((s) => schools[s]!.name === name))
        name = schoolName(rng, cluster.area, town);
      const school = schools.length;
      schools.push({
        id: rng.uuid(),
        cluster: k,
        name,
        headName,
        ...at,
        setting,
        learners,
        teachers,
        model: schoolModel(rng, cluster.health, cluster.weak, learners),
        effects: [],
        head: -1,
      });
      cluster.schools.push(school);
      schools[school]!.head = addMember(
        { cluster: k, school, name: headName, role: 'headteacher', gender },
        cluster.area,
      );
    }
  });

  // Top up with the other roles; the first extras make sure every role is present.
  const extraRoles: MemberRole[] = ['deputy', 'teacher', 'improvement_champion', 'leader_of_learning'];
  for (let n = 0; members.length < spec.members; n++) {
    const role = n < extraRoles.length ? extraRoles[n]! : rng.weighted(extraRoles, [4, 3, 3, 0.4]);
    const school = rng.int(0, schools.length - 1);
    const cluster = schools[school]!.cluster;
    const gender = rng.chance(0.5) ? 'f' : 'm';
    const area = clusters[cluster]!.area;
    addMember({ cluster, school, name: personName(rng, area, gender), role, gender }, area);
  }

  return { regions, clusters, schools, members, neighbourPairs: neighbourPairs(clusters) };
}

/** CoPs within about 20 km are neighbours; a CoP with none gets its nearest. */
function neighbourPairs(clusters: ClusterPlan[]): [number, number][] {
  const pairs = new Map<string, [number, number]>();
  const add = (a: number, b: number) => {
    const p: [number, number] = a < b ? [a, b] : [b, a];
    if (!pairs.has(`${p[0]}:${p[1]}`)) {
      pairs.set(`${p[0]}:${p[1]}`, p);
      clusters[a]!.neighbours.push(b);
      clusters[b]!.neighbours.push(a);
    }
  };
  for (let i = 0; i < clusters.length; i++) {
    let nearest = -1;
    let nearestKm = Infinity;
    for (let j = 0; j < clusters.length; j++) {
      if (i === j) continue;
      const a = clusters[i]!;
      const b = clusters[j]!;
      const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
      if (km <= 20 && j > i) add(i, j);
      if (km < nearestKm) [nearest, nearestKm] = [j, km];
    }
    if (clusters[i]!.neighbours.length === 0 && nearest >= 0) add(i, nearest);
  }
  return [...pairs.values()];
}

export function priorityTitle(rng: Rng, tag: PriorityTag): string {
  return rng.pick(priorityTitles[tag]);
}
