import { z } from 'zod';
import { IndicatorName, PriorityTag } from '../schema/enums.ts';
import { op } from './define.ts';

export const ClusterSummary = z.object({
  id: z.string(),
  name: z.string(),
  place: z.string(),
  lat: z.number(),
  lon: z.number(),
  coachName: z.string(),
  schools: z.number(),
  learners: z.number(),
  members: z.number(),
  priorities: z.array(PriorityTag),
  lastSession: z.string().nullable(),
  openCommitments: z.number(),
  overdueCommitments: z.number(),
  /** Average of the cluster's schools in the latest term with data, per headline indicator. */
  latest: z.object({
    attendance_rate: z.number().nullable(),
    dropout_rate: z.number().nullable(),
    literacy_rate: z.number().nullable(),
  }),
});
export type ClusterSummary = z.infer<typeof ClusterSummary>;

export const RegionOverview = z.object({
  region: z.object({ id: z.string(), name: z.string(), country: z.string() }).nullable(),
  latestTerm: z.string().nullable(),
  totals: z.object({
    clusters: z.number(),
    schools: z.number(),
    learners: z.number(),
    members: z.number(),
    practices: z.number(),
    sessions: z.number(),
    openCommitments: z.number(),
    overdueCommitments: z.number(),
  }),
  clusters: z.array(ClusterSummary),
});
export type RegionOverview = z.infer<typeof RegionOverview>;

export const LoadSummary = z.object({
  counts: z.record(z.string(), z.number()),
});

export const regionOps = {
  'region.overview': op(z.object({ today: z.iso.date().optional() }), RegionOverview),
  /** Fills an empty store with the embedded demo region (Kilifi County). */
  'region.loadDemo': op(
    z.object({
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1)
        .optional(),
      /** `region` (the default) is the demo; `country` is for load tests (CLI, bench). */
      scale: z.enum(['small', 'region', 'country']).optional(),
    }),
    LoadSummary,
  ),
  /** Loads a region file (its JSON text) into the store; nothing is written if it is bad. */
  'region.loadFile': op(
    z.object({ text: z.string().max(200_000_000) }),
    LoadSummary.extend({
      /** Rows per table: inserted, updated, unchanged. */
      tables: z.record(
        z.string(),
        z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number() }),
      ),
      /** Field changes recorded (0 when the store already matched the file). */
      changes: z.number(),
    }),
  ),
  /** Region-wide averages of one indicator per term, for charts. */
  'region.indicatorTerms': op(
    z.object({ indicator: IndicatorName }),
    z.array(z.object({ term: z.string(), value: z.number().nullable() })),
  ),
};
