import { termsEndingWith } from './calendar.ts';

export const demoScales = ['small', 'region', 'counties', 'country'] as const;
export type DemoScale = (typeof demoScales)[number];

/** How much of everything one scale of the demo holds. */
export interface ScaleSpec {
  scale: DemoScale;
  /** CoPs spread over the country's counties and districts (else Kilifi's places alone). */
  national: boolean;
  clusters: number;
  schools: number;
  /** Members in all, coaches and heads included (topped up with deputies, teachers, champions). */
  members: number;
  terms: string[];
  /** Practices in all; beyond the written library they are recombined from it. */
  practices: number;
  /** Held (past) sessions per CoP. */
  pastSessionsPerCluster: number;
  /** CoPs that also had a peer-review visit, as a share. */
  peerReviewShare: number;
  /** CoPs with 1-2 planned sessions ahead, as a share. */
  plannedShare: number;
  /** First day that sessions in the past may fall on. */
  sessionsFrom: string;
  /** CoPs one coach looks after. */
  clustersPerCoach: number;
  /** Adoptions per practice, on average. */
  adoptionsPerPractice: number;
}

const LAST_TERM = '2026-T2';

const country: ScaleSpec = {
  scale: 'country',
  national: true,
  clusters: 500,
  schools: 5000,
  members: 10_500,
  terms: termsEndingWith(LAST_TERM, 33),
  practices: 50_000,
  pastSessionsPerCluster: 4,
  peerReviewShare: 0.15,
  plannedShare: 0.3,
  sessionsFrom: '2025-09-08',
  clustersPerCoach: 8,
  adoptionsPerPractice: 0.6,
};

export const scaleSpecs: Record<DemoScale, ScaleSpec> = {
  small: {
    scale: 'small',
    national: false,
    clusters: 4,
    schools: 20,
    members: 40,
    terms: termsEndingWith(LAST_TERM, 3),
    practices: 12,
    pastSessionsPerCluster: 2,
    peerReviewShare: 0,
    plannedShare: 0.25,
    sessionsFrom: '2026-02-02',
    clustersPerCoach: 2,
    adoptionsPerPractice: 1.5,
  },
  region: {
    scale: 'region',
    national: false,
    clusters: 16,
    schools: 100,
    members: 212,
    terms: termsEndingWith(LAST_TERM, 3),
    practices: 62,
    pastSessionsPerCluster: 3,
    peerReviewShare: 0.4,
    plannedShare: 0.4,
    sessionsFrom: '2025-09-08',
    clustersPerCoach: 6,
    adoptionsPerPractice: 1.6,
  },
  country,
  // About a quarter of the country, alike in all but size: a million changes, the sync
  // benchmark's middle size.
  counties: { ...country, scale: 'counties', clusters: 120, schools: 1200, members: 2520, practices: 12_000 },
};
